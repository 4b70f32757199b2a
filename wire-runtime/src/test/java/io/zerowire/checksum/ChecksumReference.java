package io.zerowire.checksum;

import java.io.ByteArrayOutputStream;

/**
 * Deliberately naive implementations, written from the RFC text and sharing no code with the
 * production classes, that the tests compare against. Slow and allocating on purpose: clarity is
 * what makes them trustworthy.
 */
final class ChecksumReference {

    private ChecksumReference() {
    }

    /**
     * One byte at a time: bytes at even positions are high halves of words, at odd positions low
     * halves; carries are folded at the end.
     */
    static int sumByteByByte(byte[] a, int offset, int length) {
        long sum = 0;
        for (int k = 0; k < length; k++) {
            int b = a[offset + k] & 0xFF;
            sum += (k % 2 == 0) ? b * 256 : b;
        }
        while (sum > 0xFFFF) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int) sum;
    }

    /** RFC 1071 style: 16-bit words with the end-around carry applied after every addition. */
    static int sumWordByWord(byte[] a, int offset, int length) {
        int sum = 0;
        for (int k = 0; k < length; k += 2) {
            int hi = a[offset + k] & 0xFF;
            int lo = k + 1 < length ? a[offset + k + 1] & 0xFF : 0;
            sum += hi * 256 + lo;
            if (sum > 0xFFFF) {
                sum -= 0xFFFF;
            }
        }
        return sum;
    }

    static int sumByteByByte(byte[] a) {
        return sumByteByByte(a, 0, a.length);
    }

    static int checksum(byte[] a) {
        return 0xFFFF - sumByteByByte(a);
    }

    /** One's complement addition of two 16-bit values, with end-around carry. */
    static int onesAdd(int x, int y) {
        int s = x + y;
        return s > 0xFFFF ? s - 0xFFFF : s;
    }

    /**
     * RFC 1624 equation 3, word by word and literally: {@code HC' = ~(~HC + ~m + m')} for each
     * changed word in turn, the old and new words given in matching order.
     */
    static int eqn3(int hc, int[] oldWords, int[] newWords) {
        int x = ~hc & 0xFFFF;
        for (int i = 0; i < oldWords.length; i++) {
            x = onesAdd(x, ~oldWords[i] & 0xFFFF);
            x = onesAdd(x, newWords[i] & 0xFFFF);
        }
        return ~x & 0xFFFF;
    }

    /** RFC 1141 equation 2, {@code HC' = HC + m + ~m'}: kept only to show the case it gets wrong. */
    static int eqn2(int hc, int m, int mPrime) {
        return onesAdd(onesAdd(hc, m), ~mPrime & 0xFFFF);
    }

    /** The IPv4 pseudo-header laid out byte by byte as RFC 768 draws it. */
    static byte[] ipv4PseudoHeader(byte[] source, byte[] destination, int protocol, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(source);
        out.writeBytes(destination);
        out.write(0);
        out.write(protocol);
        out.write(length >>> 8);
        out.write(length);
        byte[] b = out.toByteArray();
        if (b.length != 12) {
            throw new AssertionError("IPv4 pseudo-header is 12 bytes");
        }
        return b;
    }

    /** The IPv6 pseudo-header laid out byte by byte as RFC 8200 section 8.1 draws it. */
    static byte[] ipv6PseudoHeader(byte[] source, byte[] destination, long length, int nextHeader) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(source);
        out.writeBytes(destination);
        out.write((int) (length >>> 24));
        out.write((int) (length >>> 16));
        out.write((int) (length >>> 8));
        out.write((int) length);
        out.write(0);
        out.write(0);
        out.write(0);
        out.write(nextHeader);
        byte[] b = out.toByteArray();
        if (b.length != 40) {
            throw new AssertionError("IPv6 pseudo-header is 40 bytes");
        }
        return b;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Parses hex digits, ignoring white space: {@code hex("45 00 00 73")}. */
    static byte[] hex(String s) {
        String digits = s.replaceAll("\\s+", "");
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits");
        }
        byte[] b = new byte[digits.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    static byte[] slice(byte[] a, int from, int to) {
        return java.util.Arrays.copyOfRange(a, from, to);
    }

    static int getU16(byte[] a, int i) {
        return ((a[i] & 0xFF) << 8) | (a[i + 1] & 0xFF);
    }

    static void putU16(byte[] a, int i, int v) {
        a[i] = (byte) (v >>> 8);
        a[i + 1] = (byte) v;
    }

    static long getU64(byte[] a, int i) {
        long v = 0;
        for (int k = 0; k < 8; k++) {
            v = (v << 8) | (a[i + k] & 0xFF);
        }
        return v;
    }

    static int getU32(byte[] a, int i) {
        return (getU16(a, i) << 16) | getU16(a, i + 2);
    }

    static void putU32(byte[] a, int i, int v) {
        putU16(a, i, v >>> 16);
        putU16(a, i + 2, v);
    }

    static void putU64(byte[] a, int i, long v) {
        putU32(a, i, (int) (v >>> 32));
        putU32(a, i + 4, (int) v);
    }
}
