package io.zerowire.processor.behaviour;

import io.zerowire.annotations.Header;
import io.zerowire.annotations.Repeated;
import java.util.List;

/** An MPLS label stack (RFC 3032 2.1): entries until the one whose S bit is set. */
@Header(layer = "mplsStack")
interface MplsStackLayout {
    @Repeated(until = "bottomOfStack", max = 16) List<MplsEntryLayout> labels();
}
