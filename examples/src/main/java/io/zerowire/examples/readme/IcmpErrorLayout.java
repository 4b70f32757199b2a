package io.zerowire.examples.readme;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.Reserved;

/** README, "Declaring a header": ICMP destination unreachable and time exceeded; the quoted datagram is the body. */
@Header(layer = "icmp error")
interface IcmpErrorLayout {
    @Bits(16) @Reserved int unused();
    @Bits(16) int nextHopMtu();
}
