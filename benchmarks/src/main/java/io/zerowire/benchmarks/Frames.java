package io.zerowire.benchmarks;

import io.zerowire.checksum.InternetChecksum;
import java.util.Random;

/** Varied, valid test input, so that the JIT cannot fold a benchmark over constant bytes. */
final class Frames {
    static final int COUNT = 256;

    private Frames() {}

    /** {@link #COUNT} IPv4 packets: random fields, a quarter with options, payloads of 0 to 63 bytes, valid checksums. */
    static byte[][] ipv4Packets(long seed) {
        return ipv4Packets(seed, true);
    }

    /** As {@link #ipv4Packets(long)}, with options in a quarter of them or in none. */
    static byte[][] ipv4Packets(long seed, boolean withOptions) {
        Random random = new Random(seed);
        byte[][] packets = new byte[COUNT][];
        for (int n = 0; n < COUNT; n++) {
            int options = withOptions && n % 4 == 0 ? 4 + 4 * random.nextInt(3) : 0;
            int headerLength = 20 + options;
            int payload = random.nextInt(64);
            byte[] p = new byte[headerLength + payload];
            random.nextBytes(p);
            p[0] = (byte) (0x40 | headerLength / 4);
            p[2] = (byte) (p.length >>> 8);
            p[3] = (byte) p.length;
            p[6] &= 0x7F;
            for (int i = 20; i < headerLength; i += 4) {
                // Router Alert, or NOPs then an end of list.
                if (random.nextBoolean()) {
                    p[i] = (byte) 148;
                    p[i + 1] = 4;
                    p[i + 2] = 0;
                    p[i + 3] = 0;
                } else {
                    p[i] = 1;
                    p[i + 1] = 1;
                    p[i + 2] = 1;
                    p[i + 3] = 1;
                }
            }
            p[10] = 0;
            p[11] = 0;
            int checksum = InternetChecksum.compute(p, 0, headerLength);
            p[10] = (byte) (checksum >>> 8);
            p[11] = (byte) checksum;
            packets[n] = p;
        }
        return packets;
    }
}
