package io.zerowire.processor.behaviour;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.ByteOrderMark;
import io.zerowire.annotations.Const;
import io.zerowire.annotations.Endian;
import io.zerowire.annotations.Header;

/**
 * The first 16 bytes of a pcapng section header block: its byte-order magic, read in either order,
 * says the order of the whole section.
 */
@Header(layer = "pcapng.shb", order = Endian.AT_PARSE)
interface SectionStartLayout {
    @Bits(32) @Const(0x0A0D0D0AL) long blockType();

    @Bits(32) long blockTotalLength();

    @Bits(32) @Const(0x1A2B3C4DL) @ByteOrderMark long byteOrderMagic();

    @Bits(16) @Const(1) int majorVersion();

    @Bits(16) int minorVersion();
}
