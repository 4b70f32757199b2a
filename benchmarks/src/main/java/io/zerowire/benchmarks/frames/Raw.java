package io.zerowire.benchmarks.frames;

/**
 * Big-endian writes and the RFC 1071 sum, written out by hand so that the test frames do not depend
 * on the code they measure: a Zerowire checksum bug cannot hide behind frames Zerowire made.
 */
public final class Raw {
    private Raw() {}

    public static void u16(byte[] a, int i, int v) {
        a[i] = (byte) (v >>> 8);
        a[i + 1] = (byte) v;
    }

    public static void u32(byte[] a, int i, long v) {
        a[i] = (byte) (v >>> 24);
        a[i + 1] = (byte) (v >>> 16);
        a[i + 2] = (byte) (v >>> 8);
        a[i + 3] = (byte) v;
    }

    public static void u48(byte[] a, int i, long v) {
        u16(a, i, (int) (v >>> 32));
        u32(a, i + 2, v);
    }

    public static int u16(byte[] a, int i) {
        return (a[i] & 0xFF) << 8 | a[i + 1] & 0xFF;
    }

    /** The unfolded sum of big-endian 16-bit words; an odd last byte is a high half. */
    public static long sum(byte[] a, int offset, int length) {
        long sum = 0;
        int end = offset + length;
        int i = offset;
        for (; i + 1 < end; i += 2) {
            sum += u16(a, i);
        }
        if (i < end) {
            sum += (a[i] & 0xFF) << 8;
        }
        return sum;
    }

    /** The checksum to store: the complement of the folded sum. */
    public static int checksum(long sum) {
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int) ~sum & 0xFFFF;
    }
}
