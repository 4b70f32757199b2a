package io.zerowire.protocols.icmpv6.ndp;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.OptionHeader;
import io.zerowire.annotations.OptionKind;
import io.zerowire.annotations.OptionLength;

/**
 * The header of a Neighbor Discovery option (RFC 4861 section 4.6): a type byte and a length byte
 * counting the whole option in units of 8 bytes, so that a length of 0 is malformed. The processor
 * generates {@code NdpOptionFormat.FORMAT}.
 */
@OptionHeader(name = "ndp", regionAlignment = 8)
public interface NdpOptionLayout {
    /** The option's kind. */
    @Bits(8) @OptionKind int type();

    /** The option's length. */
    @Bits(8) @OptionLength(unit = 8, counts = OptionLength.Counts.WHOLE_OPTION) int length();
}
