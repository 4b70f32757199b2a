package io.zerowire.examples.userheaders;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.OptionHeader;
import io.zerowire.annotations.OptionKind;
import io.zerowire.annotations.OptionLength;
import io.zerowire.annotations.Reserved;

/** README, "Option formats": a GENEVE option's header (RFC 8926, section 3.5). */
@OptionHeader(name = "geneve", regionAlignment = 4)
public interface GeneveOptionLayout {
    @Bits(16) @OptionKind int optionClass();
    @Bits(8) @OptionKind int type();
    @Bits(3) @Reserved int reserved();
    @Bits(5) @OptionLength(unit = 4, counts = OptionLength.Counts.VALUE) int length();
}
