package io.zerowire.examples.userheaders;

import io.zerowire.annotations.Header;
import io.zerowire.annotations.Repeated;
import java.util.List;

/** README, "Declaring a header": an MPLS label stack, entries until the one whose S bit is set. */
@Header(layer = "mplsStack")
public interface MplsStackLayout {
    @Repeated(until = "bottomOfStack", max = 16) List<MplsEntryLayout> labels();
}
