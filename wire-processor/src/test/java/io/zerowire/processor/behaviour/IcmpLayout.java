package io.zerowire.processor.behaviour;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Checksum;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.Variant;
import io.zerowire.annotations.Variants;

/**
 * ICMPv4 (RFC 792): the type selects what follows type, code and checksum. Echo request and reply
 * share one shape; destination unreachable and time exceeded share another (four unused bytes,
 * then the quoted datagram as the body). Other types are kept as unknown.
 */
@Header(layer = "icmp")
interface IcmpLayout {
    @Bits(8) @Variants({
        @Variant(name = "echoReply", value = 0, layout = IcmpEchoLayout.class),
        @Variant(name = "echoRequest", value = 8, layout = IcmpEchoLayout.class),
        @Variant(name = "error", value = {3, 11}, layout = IcmpErrorLayout.class)})
    int type();

    @Bits(8) int code();

    @Bits(16) @Checksum(covers = Checksum.Coverage.HEADER_AND_BODY) int checksum();
}
