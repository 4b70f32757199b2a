package io.zerowire.benchmarks.parse;

/** Conversions from what the peers' APIs hand out to the benchmark's plain fields. */
final class Peers {
    private Peers() {}

    /** A 6-byte MAC address as the low 48 bits of a long. */
    static long mac(byte[] b) {
        long v = 0;
        for (int i = 0; i < 6; i++) {
            v = v << 8 | b[i] & 0xFF;
        }
        return v;
    }

    /** A MAC address printed as {@code aa:bb:cc:dd:ee:ff} (pkts hands out strings). */
    static long mac(String text) {
        long v = 0;
        for (int i = 0; i < 17; i += 3) {
            v = v << 8 | Character.digit(text.charAt(i), 16) << 4 | Character.digit(text.charAt(i + 1), 16);
        }
        return v;
    }

    static int int32(byte[] b, int i) {
        return (b[i] & 0xFF) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | b[i + 3] & 0xFF;
    }

    static long int64(byte[] b, int i) {
        return (long) int32(b, i) << 32 | int32(b, i + 4) & 0xFFFF_FFFFL;
    }
}
