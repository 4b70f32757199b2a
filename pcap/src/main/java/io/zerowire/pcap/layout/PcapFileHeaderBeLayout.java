package io.zerowire.pcap.layout;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Const;
import io.zerowire.annotations.Endian;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.Reserved;
import io.zerowire.annotations.Signed;
import io.zerowire.pcap.LinkType;

/**
 * The 24-byte pcap file header in a big-endian file (draft-ietf-opsawg-pcap section 4). The last
 * 32-bit word is the link-type field: the link type in its low 16 bits and the FCS length in its
 * upper bits, declared bit by bit from the field's most significant end.
 */
@Header(layer = "pcap", order = Endian.BIG)
public interface PcapFileHeaderBeLayout {
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

    /** Bits 28 to 31: the number of 16-bit words of frame check sequence at the end of each packet. */
    @Bits(4) int fcsLength();

    /** Bit 27, reserved. */
    @Reserved boolean reservedFcsBit();

    /** Bit 26: whether {@link #fcsLength()} is meaningful. */
    boolean fcsPresent();

    /** Bits 16 to 25 of the link-type field, reserved. */
    @Reserved @Bits(10) int reservedLinkBits();

    /** The link type: the low 16 bits of the link-type field. */
    @Bits(16) LinkType linkType();
}
