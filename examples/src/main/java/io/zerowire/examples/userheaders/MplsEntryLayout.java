package io.zerowire.examples.userheaders;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;

/** README, "Declaring a header": one MPLS label stack entry (RFC 3032), the element of {@link MplsStackLayout}. */
@Header(layer = "mpls")
public interface MplsEntryLayout {
    @Bits(20) int label();
    @Bits(3) int trafficClass();
    boolean bottomOfStack();
    @Bits(8) int ttl();
}
