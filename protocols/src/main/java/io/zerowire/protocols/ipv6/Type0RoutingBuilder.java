package io.zerowire.protocols.ipv6;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.serialize.PacketConstraints;
import io.zerowire.serialize.SerializeTarget;
import java.util.Objects;

/**
 * Builds a type 0 Routing header (RFC 2460 section 4.4): the generated
 * {@link Type0RoutingHeaderBuilder} writes the first eight bytes, this builder the addresses after
 * them; the header extension length (twice the address count) is derived.
 *
 * <p>Type 0 is deprecated (RFC 5095): build it to test how receivers treat it, not to route.
 *
 * <pre>{@code
 * Type0RoutingBuilder route = new Type0RoutingBuilder(new Type0RoutingHeaderBuilder()
 *         .nextHeader(IpProtocol.UDP).segmentsLeft(1))
 *         .addAddress(finalDestination);
 * }</pre>
 */
public final class Type0RoutingBuilder implements RoutingBuilder {
    private final Type0RoutingHeaderBuilder header;
    private final AddressList addresses = new AddressList();
    private PacketConstraints cached;

    /** A builder with its own fixed-part builder and no addresses. */
    public Type0RoutingBuilder() {
        this(new Type0RoutingHeaderBuilder());
    }

    /** A builder whose first eight bytes {@code header} writes. */
    public Type0RoutingBuilder(Type0RoutingHeaderBuilder header) {
        this.header = Objects.requireNonNull(header, "header");
    }

    /** The builder of the first eight bytes: next header, segments left, reserved. */
    public Type0RoutingHeaderBuilder header() {
        return header;
    }

    @Override
    public Type0RoutingBuilder nextHeader(IpProtocol nextHeader) {
        header.nextHeader(nextHeader);
        return this;
    }

    /**
     * Appends an address (Address[1] first, the final destination last).
     *
     * @throws IllegalStateException beyond the 127 addresses a header can hold
     */
    public Type0RoutingBuilder addAddress(Ipv6Address address) {
        addresses.add(address);
        return this;
    }

    /** Replaces the addresses. */
    public Type0RoutingBuilder addresses(Ipv6Address... list) {
        addresses.clear();
        for (Ipv6Address address : list) {
            addresses.add(address);
        }
        return this;
    }

    /** Removes every address, keeping the builder's storage. */
    public Type0RoutingBuilder clearAddresses() {
        addresses.clear();
        return this;
    }

    /**
     * Sets every field and address from a parsed header, so that it is written again as it was.
     *
     * @return this builder
     * @throws IllegalArgumentException if the header's extension length is odd (8 bytes of data that
     *     are not an address): copy such a header with {@link OpaqueRoutingBuilder}
     */
    public Type0RoutingBuilder copyFrom(Type0RoutingHeader parsed) {
        if ((parsed.headerLength() - RoutingHeaders.FIXED_LENGTH) % RoutingHeaders.ADDRESS_LENGTH != 0) {
            throw new IllegalArgumentException("a type 0 header with an odd extension length holds more than"
                    + " addresses; copy it with OpaqueRoutingBuilder");
        }
        header.copyFrom(parsed);
        addresses.clear();
        for (int i = 0; i < RoutingHeaders.type0AddressCount(parsed); i++) {
            addresses.add(RoutingHeaders.type0Address(parsed, i));
        }
        return this;
    }

    /** How many addresses are set. */
    public int addressCount() {
        return addresses.count();
    }

    @Override
    public PacketConstraints constraints() {
        int length = RoutingHeaders.FIXED_LENGTH + addresses.byteLength();
        if (cached == null || cached.headerLength() != length) {
            cached = PacketConstraints.of(length, 0, 0, Integer.MAX_VALUE);
        }
        return cached;
    }

    @Override
    public void serialize(SerializeTarget target, PacketBuffer body) {
        // The generated builder writes the first eight bytes and derives the header extension
        // length from the whole region it is given; the addresses follow.
        header.serialize(target, body);
        addresses.write(target.array(), target.headerOffset() + RoutingHeaders.FIXED_LENGTH);
    }
}
