package io.zerowire.processor.behaviour;

/**
 * An independent reference for how a layout packs its fields, written bit by bit from the rule in
 * {@link io.zerowire.annotations.Endian}'s documentation and nothing else:
 *
 * <ul>
 *   <li>BIG: bit {@code i} of the layout is bit {@code 7 - (i % 8)} of byte {@code i / 8}, and a
 *       field's first bit is its most significant one;
 *   <li>LITTLE: bit {@code i} of the layout is bit {@code i % 8} of byte {@code i / 8}, and a field's
 *       first bit is its least significant one.
 * </ul>
 *
 * <p>Deliberately slow and simple: one bit at a time, no windows, no shifts of whole words.
 */
final class ReferenceBits {
    private ReferenceBits() {}

    /** Array bit position (0 = least significant) within its byte of layout bit {@code i}. */
    private static int positionInByte(boolean little, int i) {
        return little ? i % 8 : 7 - i % 8;
    }

    /** Stores the low {@code width} bits of {@code value} at layout bits {@code [bitOffset, bitOffset + width)}. */
    static void put(byte[] bytes, boolean little, int bitOffset, int width, long value) {
        for (int j = 0; j < width; j++) {
            int i = bitOffset + j;
            int fieldBit = little ? j : width - 1 - j;
            long bit = (value >>> fieldBit) & 1;
            int mask = 1 << positionInByte(little, i);
            if (bit != 0) {
                bytes[i / 8] = (byte) (bytes[i / 8] | mask);
            } else {
                bytes[i / 8] = (byte) (bytes[i / 8] & ~mask);
            }
        }
    }

    /** The unsigned bits at layout bits {@code [bitOffset, bitOffset + width)}, as a field value. */
    static long get(byte[] bytes, boolean little, int bitOffset, int width) {
        long value = 0;
        for (int j = 0; j < width; j++) {
            int i = bitOffset + j;
            int fieldBit = little ? j : width - 1 - j;
            long bit = (bytes[i / 8] >>> positionInByte(little, i)) & 1;
            value |= bit << fieldBit;
        }
        return value;
    }

    /** The all-ones value of {@code width} bits. */
    static long mask(int width) {
        return width == 64 ? -1L : (1L << width) - 1;
    }

    /** {@code raw}'s low {@code width} bits as a two's complement number. */
    static long signExtend(long raw, int width) {
        return width == 64 ? raw : raw << (64 - width) >> (64 - width);
    }

    /** Hex dump with a space between bytes, for failure messages. */
    static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(String.format("%02x", b & 0xFF));
        }
        return text.toString();
    }
}
