package io.zerowire.protocols.ipv4;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.OptionHeader;
import io.zerowire.annotations.OptionKind;
import io.zerowire.annotations.OptionLength;

/**
 * The header of an IPv4 option (RFC 791): a type byte and a length byte counting the whole
 * option; End of Option List (0) and No Operation (1) are the type byte alone. The builder pads the
 * options with EOL then zeros to the IHL's 4-byte words. The processor generates
 * {@code Ipv4OptionFormat.FORMAT}.
 */
@OptionHeader(name = "ipv4", singleByteKinds = {0, 1}, endOfList = 0,
        padding = OptionHeader.Padding.END_OF_LIST_THEN_ZEROS, regionAlignment = 4)
public interface Ipv4OptionLayout {
    /** The option's kind. */
    @Bits(8) @OptionKind int type();

    /** The option's length. */
    @Bits(8) @OptionLength(unit = 1, counts = OptionLength.Counts.WHOLE_OPTION) int length();
}
