package io.zerowire.protocols.ipv6;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.OptionHeader;
import io.zerowire.annotations.OptionKind;
import io.zerowire.annotations.OptionLength;

/**
 * The header of a Segment Routing Header TLV (RFC 8754 section 2.1): the IPv6 option format with
 * PadN of type 4. The processor generates {@code SrhTlvFormat.FORMAT}.
 */
@OptionHeader(name = "srh-tlv", singleByteKinds = 0, padding = OptionHeader.Padding.PAD1_PADN,
        pad1 = 0, padN = 4, regionAlignment = 8)
public interface SrhTlvLayout {
    /** The option's kind. */
    @Bits(8) @OptionKind int type();

    /** The option's length. */
    @Bits(8) @OptionLength(unit = 1, counts = OptionLength.Counts.VALUE) int length();
}
