package io.zerowire.options;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Shared fixtures: real option regions as they appear on the wire, and a small recorder for iteration results. */
final class OptionBytes {
    private OptionBytes() {}

    static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replace(" ", ""));
    }

    /** A Linux SYN: MSS 1460, SACK permitted, timestamps (tsval 0x6b8a2d0e, tsecr 0), NOP, window scale 7. */
    static final byte[] LINUX_TCP_SYN = hex("02 04 05 b4 04 02 08 0a 6b 8a 2d 0e 00 00 00 00 01 03 03 07");

    /**
     * A macOS SYN: MSS 1460, NOP, window scale 6, NOP, NOP, timestamps, SACK permitted, then EOL and
     * one zero byte of padding (data offset 11).
     */
    static final byte[] MACOS_TCP_SYN = hex("02 04 05 b4 01 03 03 06 01 01 08 0a 3c 4f 2a 11 00 00 00 00 04 02 00 00");

    /** IPv4 Router Alert (RFC 2113), as in IGMPv2/v3 reports. */
    static final byte[] IPV4_ROUTER_ALERT = hex("94 04 00 00");

    /** IPv4 Record Route with 9 empty slots as `ping -R` sends it, then EOL: a 40-byte region. */
    static final byte[] IPV4_RECORD_ROUTE = hex("07 27 04" + " 00".repeat(36) + " 00");

    /** The options of an MLDv2 report's Hop-by-Hop header (after its 2 fixed bytes 3a 00): Router Alert MLD, PadN. */
    static final byte[] IPV6_HBH_MLD = hex("05 02 00 00 01 00");

    /** NDP source link-layer address option (RFC 4861 4.6.1) with MAC 00:1b:21:3a:4f:5c. */
    static final byte[] NDP_SOURCE_LINK_LAYER = hex("01 01 00 1b 21 3a 4f 5c");

    static final byte[] MAC = hex("00 1b 21 3a 4f 5c");

    /** NDP options of a Router Advertisement: source link-layer address, then MTU 1500 (RFC 4861 4.6.4). */
    static final byte[] NDP_RA_OPTIONS = hex("01 01 00 1b 21 3a 4f 5c 05 01 00 00 00 00 05 dc");

    /** pcapng Interface Description Block options, big-endian: if_name "eth0", if_tsresol 6 (padded), opt_endofopt. */
    static final byte[] PCAPNG_IDB_BE = hex("00 02 00 04 65 74 68 30  00 09 00 01 06 00 00 00  00 00 00 00");

    /** The same options in a little-endian section. */
    static final byte[] PCAPNG_IDB_LE = hex("02 00 04 00 65 74 68 30  09 00 01 00 06 00 00 00  00 00 00 00");

    /** One option as the iterator reported it. */
    record Seen(int kind, int offset, int length, int valueOffset, int valueLength) {}

    static List<Seen> iterate(OptionsIterator it) {
        List<Seen> seen = new ArrayList<>();
        while (it.next()) {
            seen.add(new Seen(it.kind(), it.offset(), it.length(), it.valueOffset(), it.valueLength()));
        }
        return seen;
    }
}
