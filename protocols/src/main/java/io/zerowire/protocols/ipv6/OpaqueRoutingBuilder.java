package io.zerowire.protocols.ipv6;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.serialize.PacketConstraints;
import io.zerowire.serialize.SerializeTarget;
import java.util.Arrays;
import java.util.Objects;

/**
 * Builds a Routing header of any type from its fields and its type-specific data as bytes: the
 * generated {@link RoutingHeaderBuilder} writes the first eight bytes (its
 * {@code typeSpecificData} holds the first four bytes of the data), this builder the rest, whose
 * length must keep the header a multiple of 8 bytes. For types this module has no typed builder for
 * (Mobile IPv6 type 2, RPL type 3), and to copy any received Routing header unchanged.
 */
public final class OpaqueRoutingBuilder implements RoutingBuilder {
    private final RoutingHeaderBuilder header;
    private byte[] data = new byte[0];
    private int dataLength;
    private PacketConstraints cached;

    /** A builder with its own fixed-part builder and no data after the first eight bytes. */
    public OpaqueRoutingBuilder() {
        this(new RoutingHeaderBuilder());
    }

    /** A builder whose first eight bytes {@code header} writes. */
    public OpaqueRoutingBuilder(RoutingHeaderBuilder header) {
        this.header = Objects.requireNonNull(header, "header");
    }

    /** The builder of the first eight bytes: next header, routing type, segments left, the first data bytes. */
    public RoutingHeaderBuilder header() {
        return header;
    }

    @Override
    public OpaqueRoutingBuilder nextHeader(IpProtocol nextHeader) {
        header.nextHeader(nextHeader);
        return this;
    }

    /**
     * Sets the data after the first eight bytes to a copy of {@code bytes[offset, offset + length)}.
     *
     * @throws IllegalArgumentException if {@code length} is not a multiple of 8 or exceeds 2040
     */
    public OpaqueRoutingBuilder data(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (length % 8 != 0 || length > RoutingHeaders.MAX_LENGTH - RoutingHeaders.FIXED_LENGTH) {
            throw new IllegalArgumentException("a Routing header's data after its first 8 bytes is a multiple of 8"
                    + " bytes, at most 2040; was " + length);
        }
        if (data.length < length) {
            data = Arrays.copyOf(data, length);
        }
        System.arraycopy(bytes, offset, data, 0, length);
        dataLength = length;
        return this;
    }

    /**
     * Sets the fields and the data from a parsed Routing header of any type, so that it is written
     * again byte for byte.
     *
     * @return this builder
     */
    public OpaqueRoutingBuilder copyFrom(RoutingHeader parsed) {
        header.copyFrom(parsed);
        return data(parsed.array(), RoutingHeaders.dataOffset(parsed), RoutingHeaders.dataLength(parsed));
    }

    @Override
    public PacketConstraints constraints() {
        int length = RoutingHeaders.FIXED_LENGTH + dataLength;
        if (cached == null || cached.headerLength() != length) {
            cached = PacketConstraints.of(length, 0, 0, Integer.MAX_VALUE);
        }
        return cached;
    }

    @Override
    public void serialize(SerializeTarget target, PacketBuffer body) {
        header.serialize(target, body);
        System.arraycopy(data, 0, target.array(), target.headerOffset() + RoutingHeaders.FIXED_LENGTH, dataLength);
    }
}
