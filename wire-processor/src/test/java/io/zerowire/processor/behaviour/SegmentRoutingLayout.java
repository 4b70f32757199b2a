package io.zerowire.processor.behaviour;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Const;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.HeaderLength;
import io.zerowire.annotations.Repeated;
import io.zerowire.ip.Ipv6Address;
import java.util.List;

/**
 * The IPv6 Segment Routing Header (RFC 8754 2): Last Entry + 1 segments, within the header length
 * (any TLVs after them are left in the header, unread).
 */
@Header(layer = "srh")
interface SegmentRoutingLayout {
    @Bits(8) int nextHeader();

    @Bits(8) @HeaderLength(unit = 8, offset = 8) int headerExtensionLength();

    @Bits(8) @Const(4) int routingType();

    @Bits(8) int segmentsLeft();

    @Bits(8) int lastEntry();

    @Bits(8) int flags();

    @Bits(16) int tag();

    @Repeated(count = "lastEntry", countOffset = 1, max = 64) List<Ipv6Address> segments();
}
