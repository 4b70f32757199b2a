package io.zerowire.examples.userheaders;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.OptionHeader;
import io.zerowire.annotations.OptionKind;
import io.zerowire.annotations.OptionLength;
import io.zerowire.annotations.Reserved;

/**
 * An NSH MD Type 2 context header (RFC 8300 section 2.5.1): a 16-bit metadata class and an 8-bit
 * type, one kind; an unassigned bit; a 7-bit length of the value in bytes, the value padded to 4.
 */
@OptionHeader(name = "nsh-context", valueAlignment = 4, regionAlignment = 4)
public interface NshContextLayout {
    @Bits(16) @OptionKind int metadataClass();
    @Bits(8) @OptionKind int type();
    @Reserved boolean unassigned();
    @Bits(7) @OptionLength(unit = 1, counts = OptionLength.Counts.VALUE) int length();
}
