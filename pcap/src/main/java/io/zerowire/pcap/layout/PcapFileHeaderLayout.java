package io.zerowire.pcap.layout;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Const;
import io.zerowire.annotations.Endian;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.Signed;
import io.zerowire.pcap.LinkType;

/**
 * The 24-byte pcap file header (draft-ietf-opsawg-pcap section 4), in the file's byte order, which
 * the magic number tells (given at wrap). The last 32-bit word is the link-type field: the link
 * type in its low 16 bits and the FCS length in its upper bits. Bits packed into a word lie in
 * different bytes in the two orders, so the word is one field, taken apart by the helpers.
 */
@Header(layer = "pcap", order = Endian.AT_PARSE)
public interface PcapFileHeaderLayout {
    /** {@code 0xA1B2C3D4} (microsecond timestamps) or {@code 0xA1B23C4D} (nanosecond timestamps). */
    @Bits(32) long magic();

    /** 2; older formats are not supported. */
    @Bits(16) @Const(2) int versionMajor();

    /** 4 in practice; not checked. */
    @Bits(16) int versionMinor();

    /** Offset of local time from UTC in seconds; always 0 in practice, and not applied. */
    @Bits(32) @Signed int thisZone();

    /** Accuracy of the timestamps; always 0 in practice. */
    @Bits(32) long sigFigs();

    /** The largest number of bytes captured per packet. */
    @Bits(32) long snapLength();

    /**
     * The link-type field: the link type in bits 0 to 15, whether the FCS length is given in bit 26,
     * the FCS length in 16-bit words in bits 28 to 31; bits 16 to 25 and 27 are reserved.
     */
    @Bits(32) long linkTypeField();

    /** The link type: the low 16 bits of the link-type field. */
    default LinkType linkType() {
        return LinkType.of((int) (linkTypeField() & 0xFFFF));
    }

    /** Bit 26: whether {@link #fcsLength()} is meaningful. */
    default boolean fcsPresent() {
        return (linkTypeField() & 1L << 26) != 0;
    }

    /** Bits 28 to 31: the number of 16-bit words of frame check sequence at the end of each packet. */
    default int fcsLength() {
        return (int) (linkTypeField() >>> 28);
    }

    /**
     * The link-type field of {@code linkType} with an FCS length of {@code fcsWords} 16-bit words
     * when {@code fcsPresent}, its reserved bits zero.
     */
    static long linkTypeFieldOf(LinkType linkType, boolean fcsPresent, int fcsWords) {
        if ((linkType.value() & ~0xFFFF) != 0 || (fcsWords & ~0xF) != 0) {
            throw new IllegalArgumentException("link type " + linkType.value() + " or FCS length " + fcsWords
                    + " does not fit the link-type field");
        }
        return linkType.value() | (fcsPresent ? 1L << 26 : 0) | (long) fcsWords << 28;
    }
}
