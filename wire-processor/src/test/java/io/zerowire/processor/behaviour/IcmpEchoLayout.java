package io.zerowire.processor.behaviour;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;

/** ICMP echo request and reply (RFC 792), after type, code and checksum; the data is the body. */
@Header(layer = "icmp echo")
interface IcmpEchoLayout {
    @Bits(16) int identifier();

    @Bits(16) int sequenceNumber();
}
