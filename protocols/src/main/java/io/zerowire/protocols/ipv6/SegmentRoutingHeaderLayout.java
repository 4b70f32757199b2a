package io.zerowire.protocols.ipv6;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Const;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.HeaderLength;
import io.zerowire.protocols.ip.IpProtocol;

/**
 * The first eight bytes of a Segment Routing Header (RFC 8754 section 2), Routing header type 4:
 * after them come the segment list ({@code lastEntry + 1} addresses, the final segment first) and
 * optional TLVs up to the header length, read with {@link RoutingHeaders} and written with
 * {@link SegmentRoutingBuilder}.
 */
@Header(layer = "ipv6.routing")
public interface SegmentRoutingHeaderLayout {
    @Bits(8) IpProtocol nextHeader();

    /** Length in 8-byte units, not counting the first 8 bytes. */
    @Bits(8) @HeaderLength(unit = 8, offset = 8) int headerExtensionLength();

    @Bits(8) @Const(4) int routingType();

    /** Segments still to visit; the active segment is {@code segmentList[segmentsLeft]}. */
    @Bits(8) int segmentsLeft();

    /** Index of the last element of the segment list (its first segment). */
    @Bits(8) int lastEntry();

    /** Unused flags: sent as 0, ignored on receipt. */
    @Bits(8) int flags();

    /** Marks the packet as one of a class or group; 0 when unused. */
    @Bits(16) int tag();
}
