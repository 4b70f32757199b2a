package io.zerowire.protocols.ipv6;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Const;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.HeaderLength;
import io.zerowire.annotations.Reserved;
import io.zerowire.protocols.ip.IpProtocol;

/**
 * The first eight bytes of a type 0 Routing header (RFC 2460 section 4.4, deprecated by RFC 5095):
 * after them come {@code headerExtensionLength / 2} addresses, read with {@link RoutingHeaders} and
 * written with {@link Type0RoutingBuilder}.
 */
@Header(layer = "ipv6.routing")
public interface Type0RoutingHeaderLayout {
    @Bits(8) IpProtocol nextHeader();

    /** Length in 8-byte units, not counting the first 8 bytes: twice the number of addresses. */
    @Bits(8) @HeaderLength(unit = 8, offset = 8) int headerExtensionLength();

    @Bits(8) @Const(0) int routingType();

    /** Addresses still to visit before the final destination. */
    @Bits(8) int segmentsLeft();

    @Reserved @Bits(32) long reserved();
}
