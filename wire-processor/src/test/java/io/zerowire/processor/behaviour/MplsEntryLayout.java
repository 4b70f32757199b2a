package io.zerowire.processor.behaviour;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;

/** One MPLS label stack entry (RFC 3032 2.1): the element of {@link MplsStackLayout}. */
@Header(layer = "mpls")
interface MplsEntryLayout {
    @Bits(20) int label();

    @Bits(3) int trafficClass();

    boolean bottomOfStack();

    @Bits(8) int ttl();
}
