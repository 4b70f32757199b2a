package io.zerowire.protocols.ipv6;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.OptionHeader;
import io.zerowire.annotations.OptionKind;
import io.zerowire.annotations.OptionLength;

/**
 * The header of an option of the IPv6 Hop-by-Hop and Destination Options headers (RFC 8200
 * section 4.2): a type byte and a length byte counting the value only; Pad1 (0) is the type byte
 * alone, PadN (1) pads two bytes or more, and the extension header is a multiple of 8 bytes. The
 * processor generates {@code Ipv6OptionFormat.FORMAT}.
 */
@OptionHeader(name = "ipv6-options", singleByteKinds = 0, padding = OptionHeader.Padding.PAD1_PADN,
        pad1 = 0, padN = 1, regionAlignment = 8)
public interface Ipv6OptionLayout {
    /** The option's kind. */
    @Bits(8) @OptionKind int type();

    /** The option's length. */
    @Bits(8) @OptionLength(unit = 1, counts = OptionLength.Counts.VALUE) int length();
}
