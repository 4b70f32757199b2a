package io.zerowire.processor.behaviour;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.OptionHeader;
import io.zerowire.annotations.OptionKind;
import io.zerowire.annotations.OptionLength;

/** IPv6 Hop-by-Hop and Destination options (RFC 8200 4.2): Pad1 0 is one byte, the length counts the value. */
@OptionHeader(name = "ipv6-options", singleByteKinds = 0, padding = OptionHeader.Padding.PAD1_PADN,
        pad1 = 0, padN = 1, regionAlignment = 8)
interface Ipv6OptionLayout {
    @Bits(8) @OptionKind int type();

    @Bits(8) @OptionLength(unit = 1, counts = OptionLength.Counts.VALUE) int length();
}
