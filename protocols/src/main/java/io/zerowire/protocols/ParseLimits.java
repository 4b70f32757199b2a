package io.zerowire.protocols;

import io.zerowire.options.OptionFormat;

/**
 * Every bound the parsers of this module hold hostile input to, in one place. A length or count
 * field can claim far more than a packet should make a parser do: 255 extension headers, thousands
 * of one-byte options, 65,535 records. Each bound is above anything a real stack sends and low
 * enough that the work per packet stays small and constant; one past it is a {@code ParseException}
 * of kind {@code UNSUPPORTED} that names the field (the packet may be valid, Zerowire declines to
 * spend more on it). Up to the bound, everything is parsed; nothing is silently dropped.
 *
 * <table>
 *   <caption>Bounds and where they are enforced</caption>
 *   <tr><th>bound</th><th>value</th><th>enforced by</th></tr>
 *   <tr><td>{@link #EXTENSION_HEADERS}</td><td>16</td><td>{@code Ipv6Packet} (field {@code nextHeader})</td></tr>
 *   <tr><td>{@link #OPTIONS_PER_HEADER}</td><td>64</td><td>{@code OptionsIterator}: IPv4 and TCP options,
 *       Hop-by-Hop and Destination Options, Segment Routing TLVs, NDP options (field {@code options})</td></tr>
 *   <tr><td>{@link #RECORDS_PER_REPORT}</td><td>1024</td><td>MLDv2 reports ({@code Mldv2Records}) and IGMPv3
 *       reports ({@code IgmpPacket}) (field {@code numberOfRecords} / {@code numberOfGroupRecords})</td></tr>
 *   <tr><td>{@link #SOURCES_PER_LIST}</td><td>1024</td><td>each MLDv2 and IGMPv3 query and each group record
 *       (field {@code numberOfSources})</td></tr>
 *   <tr><td>{@link #VLAN_TAGS}</td><td>8</td><td>{@code Dissector} (layer {@code vlan})</td></tr>
 * </table>
 *
 * <p>The builders refuse to write past the same bounds ({@code IllegalStateException}), so that what
 * Zerowire builds, Zerowire parses. The pcap reader's bounds on lengths in capture files are
 * {@code io.zerowire.pcap.CaptureLimits}.
 */
public final class ParseLimits {
    /** The most IPv6 extension headers one packet may chain (RFC 8200 sets none; Linux stops far earlier in practice). */
    public static final int EXTENSION_HEADERS = 16;

    /**
     * The most options in one option region: {@link OptionFormat#DEFAULT_MAX_OPTIONS}. A 40-byte
     * IPv4 or TCP region holds at most 40; a Hop-by-Hop header of 2,000 Pad1 bytes is refused.
     */
    public static final int OPTIONS_PER_HEADER = OptionFormat.DEFAULT_MAX_OPTIONS;

    /** The most group records one MLDv2 or IGMPv3 report may carry. */
    public static final int RECORDS_PER_REPORT = 1024;

    /** The most source addresses one MLDv2 or IGMPv3 query, or one group record, may list. */
    public static final int SOURCES_PER_LIST = 1024;

    /** The most VLAN tags (802.1Q, 802.1ad) one frame may carry; QinQ needs two. */
    public static final int VLAN_TAGS = 8;

    private ParseLimits() {}
}
