package io.zerowire.processor.behaviour;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Const;
import io.zerowire.annotations.Endian;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.Signed;

/** The little-endian twin of {@link CaptureHeaderLayout}, as layouts of one order declare it. */
@Header(layer = "pcap", order = Endian.LITTLE)
interface CaptureHeaderLeLayout {
    @Bits(32) long magic();

    @Bits(16) @Const(2) int versionMajor();

    @Bits(16) int versionMinor();

    @Bits(32) @Signed int thisZone();

    @Bits(32) long sigFigs();

    @Bits(32) long snapLength();

    /** The link type in the low 16 bits, the FCS length in the top 4 and its flag in bit 26. */
    @Bits(32) long linkTypeWord();
}
