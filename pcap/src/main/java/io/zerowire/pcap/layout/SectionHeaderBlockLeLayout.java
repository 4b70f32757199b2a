package io.zerowire.pcap.layout;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Const;
import io.zerowire.annotations.Endian;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.HeaderLength;
import io.zerowire.annotations.Options;
import io.zerowire.annotations.Signed;
import io.zerowire.options.OptionsIterator;

/**
 * A pcapng section header block (SHB) in a little-endian section, without its 4-byte trailer: the
 * header length is the block's total length minus 4, so the options run from the fixed fields to
 * the trailer and the view's body is the trailer.
 */
@Header(name = "SectionHeaderBlockLe", layer = "pcapng.shb", order = Endian.LITTLE)
public interface SectionHeaderBlockLeLayout {
    /** {@code 0x0A0D0D0A}. */
    @Bits(32) @Const(0x0A0D0D0AL) long blockType();

    /** Bytes of the whole block; everything but the 4-byte trailer is this header. */
    @Bits(32) @HeaderLength(unit = 1, offset = -4) long blockTotalLength();

    /** {@code 0x1A2B3C4D} in the section's byte order. */
    @Bits(32) @Const(0x1A2B3C4DL) long byteOrderMagic();

    /** 1. */
    @Bits(16) @Const(1) int majorVersion();

    /** 0, or 2 from some writers (which mean the same). */
    @Bits(16) int minorVersion();

    /** Bytes of the section after this block, or -1 when not given. */
    @Bits(64) @Signed long sectionLength();

    /** shb_hardware (2), shb_os (3), shb_userappl (4), comments (1), ... */
    @Options(PcapngOptionLeLayout.class) OptionsIterator options();
}
