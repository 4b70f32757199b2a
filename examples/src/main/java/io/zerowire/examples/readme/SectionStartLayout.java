package io.zerowire.examples.readme;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.ByteOrderMark;
import io.zerowire.annotations.Const;
import io.zerowire.annotations.Endian;
import io.zerowire.annotations.Header;

/** README, "Declaring a header": the start of a pcapng section, whose byte-order magic gives its order. */
@Header(layer = "pcapng.shb", order = Endian.AT_PARSE)
interface SectionStartLayout {
    @Bits(32) @Const(0x0A0D0D0AL) long blockType();
    @Bits(32) long blockTotalLength();
    @Bits(32) @Const(0x1A2B3C4DL) @ByteOrderMark long byteOrderMagic();
}
