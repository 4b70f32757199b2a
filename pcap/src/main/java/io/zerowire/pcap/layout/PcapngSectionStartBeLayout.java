package io.zerowire.pcap.layout;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Const;
import io.zerowire.annotations.Endian;
import io.zerowire.annotations.Header;

/**
 * The first 12 bytes of a pcapng section header block read as a big-endian section: enough to learn
 * the section's byte order (the byte-order magic parses in exactly one of the two twins) and so
 * the block's length, before the whole block is brought in and parsed as a
 * {@link SectionHeaderBlockBeLayout}.
 */
@Header(layer = "pcapng.shb", order = Endian.BIG)
public interface PcapngSectionStartBeLayout {
    /** {@code 0x0A0D0D0A}, the same in both byte orders. */
    @Bits(32) @Const(0x0A0D0D0AL) long blockType();

    /** Bytes of the whole block. */
    @Bits(32) long blockTotalLength();

    /** {@code 0x1A2B3C4D} in the section's byte order. */
    @Bits(32) @Const(0x1A2B3C4DL) long byteOrderMagic();
}
