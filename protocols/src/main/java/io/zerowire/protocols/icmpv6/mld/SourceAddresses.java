package io.zerowire.protocols.icmpv6.mld;

import io.zerowire.buffer.Bytes;
import io.zerowire.ip.Ipv6Address;
import java.util.Objects;

/**
 * A run of consecutive 16-byte IPv6 addresses read in place: the sources of an MLDv2 query or of a
 * multicast address record. A reusable view: the parser points it at each new list, so reading
 * allocates nothing unless {@link #get(int)} is asked for an {@link Ipv6Address} object.
 *
 * <pre>{@code
 * SourceAddresses sources = packet.querySources();
 * for (int i = 0; i < sources.count(); i++) {
 *     long high = sources.high(i), low = sources.low(i);   // no allocation
 * }
 * }</pre>
 */
public final class SourceAddresses {
    private static final byte[] EMPTY = new byte[0];

    private byte[] array = EMPTY;
    private int offset;
    private int count;

    /** An empty list, for {@link #reset}. */
    public SourceAddresses() {}

    /**
     * Points this view at {@code count} addresses starting at {@code array[offset]}.
     *
     * @throws IndexOutOfBoundsException if they do not lie within the array (a programming error)
     */
    public SourceAddresses reset(byte[] array, int offset, int count) {
        Objects.checkFromIndexSize(offset, count * Mldv2.SOURCE_LENGTH, array.length);
        this.array = array;
        this.offset = offset;
        this.count = count;
        return this;
    }

    /** How many addresses the list holds. */
    public int count() {
        return count;
    }

    /**
     * Array index of address {@code i}.
     *
     * @throws IndexOutOfBoundsException if {@code i} is not below {@link #count()}
     */
    public int offset(int i) {
        Objects.checkIndex(i, count);
        return offset + i * Mldv2.SOURCE_LENGTH;
    }

    /** The first 64 bits of address {@code i}, as {@link Ipv6Address#of(long, long)} takes them. */
    public long high(int i) {
        return Bytes.i64(array, offset(i));
    }

    /** The last 64 bits of address {@code i}. */
    public long low(int i) {
        return Bytes.i64(array, offset(i) + 8);
    }

    /** Address {@code i} as an object (allocates). */
    public Ipv6Address get(int i) {
        return Ipv6Address.read(array, offset(i));
    }

    /** The array the addresses are read from. */
    public byte[] array() {
        return array;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : ", ").append(get(i));
        }
        return text.append(']').toString();
    }
}
