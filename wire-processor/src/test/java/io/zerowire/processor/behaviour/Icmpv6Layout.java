package io.zerowire.processor.behaviour;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Checksum;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.Variant;
import io.zerowire.annotations.Variants;

/**
 * ICMPv6 (RFC 4443): echo request 128 and reply 129 share a shape; neighbor solicitation 135 (RFC
 * 4861) is the one NDP message here, its options left in the body. The checksum covers the IPv6
 * pseudo-header, the header, the variant and the body.
 */
@Header(layer = "icmpv6")
interface Icmpv6Layout {
    @Bits(8) @Variants({
        @Variant(name = "echoRequest", value = 128, layout = Icmpv6EchoLayout.class),
        @Variant(name = "echoReply", value = 129, layout = Icmpv6EchoLayout.class),
        @Variant(name = "neighborSolicitation", value = 135, layout = NeighborSolicitationLayout.class)})
    int type();

    @Bits(8) int code();

    @Bits(16) @Checksum(covers = Checksum.Coverage.PSEUDO_HEADER_AND_BODY, protocol = 58,
            ipVersion = Checksum.IpVersion.V6) int checksum();
}
