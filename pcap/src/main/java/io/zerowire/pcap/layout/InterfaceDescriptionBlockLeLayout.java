package io.zerowire.pcap.layout;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Const;
import io.zerowire.annotations.Endian;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.HeaderLength;
import io.zerowire.annotations.Options;
import io.zerowire.annotations.Reserved;
import io.zerowire.options.OptionsIterator;
import io.zerowire.pcap.LinkType;

/**
 * A pcapng interface description block (IDB) in a little-endian section, without its 4-byte trailer
 * (see {@link SectionHeaderBlockLeLayout} for the header-length rule).
 */
@Header(name = "InterfaceDescriptionBlockLe", layer = "pcapng.idb", order = Endian.LITTLE)
public interface InterfaceDescriptionBlockLeLayout {
    /** 1. */
    @Bits(32) @Const(1) long blockType();

    /** Bytes of the whole block; everything but the 4-byte trailer is this header. */
    @Bits(32) @HeaderLength(unit = 1, offset = -4) long blockTotalLength();

    /** The link type of the interface's packets. */
    @Bits(16) LinkType linkType();

    /** Reserved, zero. */
    @Bits(16) @Reserved int reserved();

    /** The largest number of bytes captured per packet; 0 means no limit. */
    @Bits(32) long snapLength();

    /** if_name (2), if_tsresol (9), if_fcslen (13), if_tsoffset (14), ... */
    @Options(PcapngOptionLeLayout.class) OptionsIterator options();
}
