package io.zerowire.serialize;

/**
 * Where a {@link PacketBuilder} writes: its header region just before the body and its footer
 * region just after, in the body's array.
 *
 * <p>One target is owned by each serializer and refilled on every call, so serializing in a loop
 * allocates nothing; a builder must not keep it after {@code serialize} returns.
 */
public final class SerializeTarget {
    private byte[] array;
    private int headerOffset;
    private int headerLength;
    private int footerOffset;
    private int footerLength;

    /** An empty target, to be filled by {@link #set}. */
    public SerializeTarget() {}

    /** Points this target at new header and footer regions. */
    public SerializeTarget set(byte[] array, int headerOffset, int headerLength, int footerOffset, int footerLength) {
        if (this.array != array) {
            this.array = array; // a reference store costs a GC write barrier; every layer passes the same array
        }
        this.headerOffset = headerOffset;
        this.headerLength = headerLength;
        this.footerOffset = footerOffset;
        this.footerLength = footerLength;
        return this;
    }

    /** The array holding header, body and footer. */
    public byte[] array() {
        return array;
    }

    /** Array index of the first header byte. */
    public int headerOffset() {
        return headerOffset;
    }

    /** Length of the header region, as the builder's constraints asked. */
    public int headerLength() {
        return headerLength;
    }

    /** Array index of the first footer byte (right after the body and its padding). */
    public int footerOffset() {
        return footerOffset;
    }

    /** Length of the footer region. */
    public int footerLength() {
        return footerLength;
    }
}
