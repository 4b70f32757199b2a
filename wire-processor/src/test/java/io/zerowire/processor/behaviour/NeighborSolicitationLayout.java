package io.zerowire.processor.behaviour;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.Reserved;
import io.zerowire.ip.Ipv6Address;

/** NDP neighbor solicitation (RFC 4861 section 4.3), after type, code and checksum; the options are the body. */
@Header(layer = "neighbor solicitation")
interface NeighborSolicitationLayout {
    @Bits(32) @Reserved long reserved();

    Ipv6Address targetAddress();
}
