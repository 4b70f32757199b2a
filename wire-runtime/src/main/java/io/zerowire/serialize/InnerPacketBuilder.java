package io.zerowire.serialize;

/**
 * The innermost bytes of a packet, written in one go (netstack3's {@code InnerPacketBuilder}):
 * a payload array, an option list. Turn one into a {@link Serializer} with
 * {@link Serializer#of(InnerPacketBuilder)}.
 */
public interface InnerPacketBuilder {
    /** How many bytes {@link #writeBytes} writes. */
    int bytesLength();

    /** Writes exactly {@link #bytesLength()} bytes at {@code array[offset]}. */
    void writeBytes(byte[] array, int offset);

    /** The bytes of {@code array}, referenced, not copied: later changes to the array show. */
    static InnerPacketBuilder of(byte[] array) {
        return of(array, 0, array.length);
    }

    /** The bytes {@code array[offset, offset + length)}, referenced, not copied. */
    static InnerPacketBuilder of(byte[] array, int offset, int length) {
        if (offset < 0 || length < 0 || offset > array.length - length) {
            throw new IndexOutOfBoundsException(
                    "slice [" + offset + ", +" + length + ") outside an array of " + array.length);
        }
        return new InnerPacketBuilder() {
            @Override
            public int bytesLength() {
                return length;
            }

            @Override
            public void writeBytes(byte[] target, int targetOffset) {
                System.arraycopy(array, offset, target, targetOffset, length);
            }
        };
    }
}
