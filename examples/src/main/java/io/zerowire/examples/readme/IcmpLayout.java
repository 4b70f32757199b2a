package io.zerowire.examples.readme;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Checksum;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.Variant;
import io.zerowire.annotations.Variants;

/** README, "Declaring a header": ICMP (RFC 792), whose type selects the message after type, code and checksum. */
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
