package io.zerowire.processor.behaviour;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Const;
import io.zerowire.annotations.Endian;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.Signed;

/**
 * The 24-byte pcap file header, whose byte order its magic number tells the reader: one layout for
 * both orders. The link-type word packs bits in the file's order, so it is one field, taken apart
 * by helpers.
 */
@Header(layer = "pcap", order = Endian.AT_PARSE)
interface CaptureHeaderLayout {
    @Bits(32) long magic();

    @Bits(16) @Const(2) int versionMajor();

    @Bits(16) int versionMinor();

    @Bits(32) @Signed int thisZone();

    @Bits(32) long sigFigs();

    @Bits(32) long snapLength();

    /** The link type in the low 16 bits, the FCS length in the top 4 and its flag in bit 26. */
    @Bits(32) long linkTypeWord();

    default int linkType() {
        return (int) (linkTypeWord() & 0xFFFF);
    }

    default boolean fcsPresent() {
        return (linkTypeWord() & 1L << 26) != 0;
    }

    default int fcsLength() {
        return (int) (linkTypeWord() >>> 28);
    }
}
