package io.zerowire.protocols.tcp;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.OptionHeader;
import io.zerowire.annotations.OptionKind;
import io.zerowire.annotations.OptionLength;

/**
 * The header of a TCP option (RFC 9293 section 3.1): a kind byte and a length byte counting the
 * whole option; End of Option List (0) and No-Operation (1) are the kind byte alone. The builder
 * pads the options with EOL then zeros to the data offset's 4-byte words. The processor generates
 * {@code TcpOptionFormat.FORMAT}.
 */
@OptionHeader(name = "tcp", singleByteKinds = {0, 1}, endOfList = 0,
        padding = OptionHeader.Padding.END_OF_LIST_THEN_ZEROS, regionAlignment = 4)
public interface TcpOptionLayout {
    /** The option's kind. */
    @Bits(8) @OptionKind int kind();

    /** The option's length. */
    @Bits(8) @OptionLength(unit = 1, counts = OptionLength.Counts.WHOLE_OPTION) int length();
}
