package io.zerowire.processor.behaviour;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.OptionHeader;
import io.zerowire.annotations.OptionKind;
import io.zerowire.annotations.OptionLength;

/** TCP options (RFC 9293): EOL 0 and NOP 1 are one byte, the length counts the whole option. */
@OptionHeader(name = "tcp", singleByteKinds = {0, 1}, endOfList = 0,
        padding = OptionHeader.Padding.END_OF_LIST_THEN_ZEROS, regionAlignment = 4)
interface TcpOptionLayout {
    @Bits(8) @OptionKind int kind();

    @Bits(8) @OptionLength(unit = 1, counts = OptionLength.Counts.WHOLE_OPTION) int length();
}
