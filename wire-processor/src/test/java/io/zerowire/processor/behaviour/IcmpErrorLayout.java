package io.zerowire.processor.behaviour;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;

/**
 * ICMP destination unreachable and time exceeded (RFC 792), after type, code and checksum: four
 * bytes the RFC leaves unused (RFC 1191 puts the next-hop MTU in the last two), then the quoted
 * datagram as the body.
 */
@Header(layer = "icmp error")
interface IcmpErrorLayout {
    @Bits(16) int unused();

    @Bits(16) int nextHopMtu();
}
