package io.zerowire.examples.readme;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;

/** README, "Declaring a header": the ICMP echo request and reply (RFC 792) after type, code and checksum. */
@Header(layer = "icmp echo")
interface IcmpEchoLayout {
    @Bits(16) int identifier();
    @Bits(16) int sequenceNumber();
}
