package io.zerowire.options;

import java.nio.ByteOrder;

/**
 * The Internet's option formats, built here for the runtime's own tests: the runtime keeps no
 * protocol's rules, and the real declarations (protocols' and pcap's {@code @OptionHeader} layouts)
 * are checked against these bytes by their modules' tests.
 */
final class Formats {
    /** RFC 791: 1-byte kind and length counting the whole option; EOL 0, NOP 1. */
    static final OptionFormat IPV4 = OptionFormat.builder()
            .name("ipv4")
            .lengthIncludesHeader(true)
            .singleByteKinds(0, 1)
            .endOfListKind(0)
            .padding(OptionFormat.Padding.END_OF_LIST_THEN_ZEROS)
            .regionAlignment(4)
            .build();

    /** RFC 9293: as IPv4. */
    static final OptionFormat TCP = IPV4.toBuilder().name("tcp").build();

    /** RFC 8200 section 4.2: Pad1 0, PadN 1, length of the value only, 8-byte alignment. */
    static final OptionFormat IPV6_EXTENSION = OptionFormat.builder()
            .name("ipv6-options")
            .lengthIncludesHeader(false)
            .singleByteKinds(0)
            .padding(OptionFormat.Padding.PAD1_PADN)
            .pad1Kind(0)
            .padNKind(1)
            .regionAlignment(8)
            .build();

    /** RFC 4861 section 4.6: length of the whole option in units of 8 bytes. */
    static final OptionFormat NDP = OptionFormat.builder()
            .name("ndp")
            .lengthIncludesHeader(true)
            .lengthUnit(8)
            .padding(OptionFormat.Padding.ZEROS)
            .regionAlignment(8)
            .build();

    /** pcapng, big-endian section: 2-byte code and value length, values padded to 4, opt_endofopt 0. */
    static final OptionFormat PCAPNG_BIG_ENDIAN = OptionFormat.builder()
            .name("pcapng-options-be")
            .kindSize(2)
            .lengthSize(2)
            .byteOrder(ByteOrder.BIG_ENDIAN)
            .lengthIncludesHeader(false)
            .endOfListKind(0)
            .valueAlignment(4)
            .padding(OptionFormat.Padding.ZEROS)
            .regionAlignment(4)
            .build();

    /** pcapng, little-endian section. */
    static final OptionFormat PCAPNG_LITTLE_ENDIAN = PCAPNG_BIG_ENDIAN.toBuilder()
            .name("pcapng-options-le")
            .byteOrder(ByteOrder.LITTLE_ENDIAN)
            .build();

    /**
     * GENEVE (RFC 8926 section 3.5): 16-bit class and 8-bit type as one 24-bit kind, 3 reserved
     * bits, 5-bit length of the value in 4-byte units.
     */
    static final OptionFormat GENEVE = OptionFormat.builder()
            .name("geneve")
            .headerSize(4)
            .kindBits(0, 24)
            .lengthBits(27, 5)
            .lengthIncludesHeader(false)
            .lengthUnit(4)
            .padding(OptionFormat.Padding.ZEROS)
            .regionAlignment(4)
            .build();

    /** NSH MD type 2 (RFC 8300 section 2.5.1): as GENEVE, with a 7-bit length in bytes and values padded to 4. */
    static final OptionFormat NSH = GENEVE.toBuilder()
            .name("nsh")
            .lengthBits(25, 7)
            .lengthUnit(1)
            .valueAlignment(4)
            .build();

    private Formats() {}
}
