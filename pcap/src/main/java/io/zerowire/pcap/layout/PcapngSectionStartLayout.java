package io.zerowire.pcap.layout;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.ByteOrderMark;
import io.zerowire.annotations.Const;
import io.zerowire.annotations.Endian;
import io.zerowire.annotations.Header;

/**
 * The first 12 bytes of a pcapng section header block: enough to learn the section's byte order
 * (the byte-order magic, read in either order) and so the block's length, before the whole block is
 * brought in and parsed as a section header block of that order.
 */
@Header(layer = "pcapng.shb", order = Endian.AT_PARSE)
public interface PcapngSectionStartLayout {
    /** {@code 0x0A0D0D0A}, the same in both byte orders. */
    @Bits(32) @Const(0x0A0D0D0AL) long blockType();

    /** Bytes of the whole block. */
    @Bits(32) long blockTotalLength();

    /** {@code 0x1A2B3C4D} in the section's byte order, which it tells. */
    @Bits(32) @Const(0x1A2B3C4DL) @ByteOrderMark long byteOrderMagic();
}
