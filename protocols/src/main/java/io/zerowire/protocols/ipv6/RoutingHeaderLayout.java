package io.zerowire.protocols.ipv6;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.HeaderLength;
import io.zerowire.protocols.ip.IpProtocol;

/**
 * A Routing header of any type (RFC 8200 section 4.4): the four fields every type shares and the
 * first four bytes of its type-specific data. The rest of the type-specific data, up to the header
 * length, follows the fixed eight bytes; {@link RoutingHeaders} reads it (type 0 addresses, the
 * segment list and TLVs of a Segment Routing Header) and {@link OpaqueRoutingBuilder} writes it.
 * {@link Type0RoutingHeaderLayout} and {@link SegmentRoutingHeaderLayout} name the first eight
 * bytes of the two types Zerowire understands.
 */
@Header(layer = "ipv6.routing")
public interface RoutingHeaderLayout {
    @Bits(8) IpProtocol nextHeader();

    /** Length in 8-byte units, not counting the first 8 bytes. */
    @Bits(8) @HeaderLength(unit = 8, offset = 8) int headerExtensionLength();

    @Bits(8) int routingType();

    /** Route segments still to visit before the final destination. */
    @Bits(8) int segmentsLeft();

    /** The first four bytes of the type-specific data. */
    @Bits(32) long typeSpecificData();
}
