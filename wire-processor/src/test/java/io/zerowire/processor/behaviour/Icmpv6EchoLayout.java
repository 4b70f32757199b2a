package io.zerowire.processor.behaviour;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;

/** ICMPv6 echo request and reply (RFC 4443 section 4), after type, code and checksum. */
@Header(layer = "icmpv6 echo")
interface Icmpv6EchoLayout {
    @Bits(16) int identifier();

    @Bits(16) int sequenceNumber();
}
