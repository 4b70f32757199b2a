package io.zerowire.protocols.ipv6;

import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.serialize.PacketBuilder;

/**
 * A builder of a whole Routing header, its variable type-specific data included: one of
 * {@link Type0RoutingBuilder}, {@link SegmentRoutingBuilder} and {@link OpaqueRoutingBuilder}.
 * Each wraps the generated builder of the header's first eight bytes (reachable with
 * {@code header()}) and writes the rest, deriving the header extension length from it.
 */
public sealed interface RoutingBuilder extends PacketBuilder
        permits Type0RoutingBuilder, SegmentRoutingBuilder, OpaqueRoutingBuilder {
    /** Sets the next header field (what {@link Ipv6PacketBuilder} does when it links a chain). */
    RoutingBuilder nextHeader(IpProtocol nextHeader);
}
