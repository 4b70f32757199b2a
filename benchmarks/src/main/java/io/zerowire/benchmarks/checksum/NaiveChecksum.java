package io.zerowire.benchmarks.checksum;

/** The textbook RFC 1071 loop, 16 bits at a time: the baseline the checksum benchmark compares with. */
public final class NaiveChecksum {
    private NaiveChecksum() {}

    public static int compute(byte[] data, int offset, int length) {
        int sum = 0;
        int end = offset + length - 1;
        int i = offset;
        for (; i < end; i += 2) {
            sum += ((data[i] & 0xFF) << 8) | (data[i + 1] & 0xFF);
        }
        if (i == end) {
            sum += (data[i] & 0xFF) << 8;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return ~sum & 0xFFFF;
    }
}
