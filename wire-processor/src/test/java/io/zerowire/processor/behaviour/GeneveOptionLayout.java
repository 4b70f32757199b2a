package io.zerowire.processor.behaviour;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.OptionHeader;
import io.zerowire.annotations.OptionKind;
import io.zerowire.annotations.OptionLength;
import io.zerowire.annotations.Reserved;

/**
 * A GENEVE option's header (RFC 8926 section 3.5): the 16-bit option class and 8-bit type are one
 * 24-bit kind; 3 reserved bits; a 5-bit length of the value in 4-byte words, not counting this header.
 */
@OptionHeader(name = "geneve", regionAlignment = 4)
interface GeneveOptionLayout {
    @Bits(16) @OptionKind int optionClass();

    @Bits(8) @OptionKind int type();

    @Bits(3) @Reserved int reserved();

    @Bits(5) @OptionLength(unit = 4, counts = OptionLength.Counts.VALUE) int length();
}
