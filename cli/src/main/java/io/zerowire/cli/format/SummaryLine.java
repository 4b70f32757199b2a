package io.zerowire.cli.format;

import io.zerowire.buffer.Bytes;
import io.zerowire.options.OptionsIterator;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.arp.Arp;
import io.zerowire.protocols.icmp.IcmpMessageKind;
import io.zerowire.protocols.icmp.IcmpPacket;
import io.zerowire.protocols.icmpv6.Icmpv6Packet;
import io.zerowire.protocols.igmp.IgmpPacket;
import io.zerowire.protocols.ipv4.Ipv4;
import io.zerowire.protocols.ipv6.FragmentHeader;
import io.zerowire.protocols.ipv6.Ipv6Packet;
import io.zerowire.protocols.stack.Dissector;
import io.zerowire.protocols.stack.Layer;
import io.zerowire.protocols.tcp.TcpLayout;
import io.zerowire.protocols.tcp.TcpOptions;
import io.zerowire.protocols.udp.UdpLayout;
import java.util.Locale;

/**
 * The one-line summary of a dissected frame, in the manner of tshark's default output: number,
 * time since the first frame, source, destination, protocol, captured length, then what the
 * innermost layer says (ports, flags, sequence numbers, ICMP message, lengths) and markers for
 * bad checksums and for the layer that rejected the frame.
 *
 * <pre>
 *     7   0.000412 192.0.2.1 → 198.51.100.7 TCP 78 41608 → 80 [SYN] Seq=1000 Win=64240 Len=0 MSS=1460 SACK_PERM TSval=1 TSecr=0 WS=128
 * </pre>
 *
 * Writes into a reused builder without allocating.
 */
public final class SummaryLine {
    private static final String ARROW = " \u2192 ";
    /** How {@link ParseException#getMessage()} words each kind ("not expected"), made once. */
    private static final String[] KIND_WORDS = kindWords();

    private SummaryLine() {}

    /**
     * Appends the summary of the frame {@code d} holds.
     *
     * @param number the frame's 1-based number in the capture
     * @param relativeSeconds its time since the first frame: whole seconds (negative for a frame
     *     older than the first), or {@link #NOT_REPRESENTABLE}
     * @param relativeNanos and nanoseconds, of the same sign as the seconds, -999,999,999 to 999,999,999
     * @param capturedLength bytes captured
     */
    public static void write(StringBuilder out, Dissector d, long number, long relativeSeconds, int relativeNanos,
            int capturedLength) {
        numberAndTime(out, number, relativeSeconds, relativeNanos);
        addresses(out, d);
        out.append(' ').append(protocol(d)).append(' ').append(capturedLength).append(' ');
        info(out, d);
        if (d.checksumBad(Layer.IPV4) && d.innermost() != Layer.IPV4) {
            out.append(" [bad IPv4 checksum]");
        }
        Layer innermost = d.innermost();
        if (innermost != null && d.checksumBad(innermost)) {
            out.append(" [bad checksum]");
        }
        ParseException error = d.error();
        if (error != null) {
            out.append(" [malformed ").append(d.failedLayer().label()).append(": ");
            message(out, error).append(']');
        }
    }

    private static String[] kindWords() {
        ParseErrorKind[] kinds = ParseErrorKind.values();
        String[] words = new String[kinds.length];
        for (ParseErrorKind kind : kinds) {
            words[kind.ordinal()] = kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
        return words;
    }

    /** The summary of a frame of a link type Zerowire does not dissect. */
    public static void unsupported(StringBuilder out, long number, long relativeSeconds, int relativeNanos,
            int capturedLength, int linkType) {
        numberAndTime(out, number, relativeSeconds, relativeNanos);
        out.append('?').append(ARROW).append("? LINKTYPE_").append(linkType).append(' ').append(capturedLength)
                .append(" link type ").append(linkType).append(" is not dissected");
    }

    /**
     * The relative time of a frame whose timestamp, or the first frame's, the file puts beyond an
     * {@code Instant}'s range ({@code Record.timestampRepresentable()}): the column then says so, in
     * tshark's words for such a time.
     */
    public static final long NOT_REPRESENTABLE = Long.MIN_VALUE;

    private static void numberAndTime(StringBuilder out, long number, long relativeSeconds, int relativeNanos) {
        Text.padLeft(out, number, 5).append(' ');
        if (relativeSeconds == NOT_REPRESENTABLE) {
            out.append("Not representable ");
            return;
        }
        // To the microsecond, truncated toward zero: seconds, a point, six digits.
        if (relativeSeconds < 0 || relativeNanos < 0) {
            out.append('-');
        }
        out.append(Math.abs(relativeSeconds)).append('.');
        int micros = Math.abs(relativeNanos) / 1000;
        for (int digit = 100_000; digit > 0; digit /= 10) {
            out.append((char) ('0' + micros / digit % 10));
        }
        out.append(' ');
    }

    /** The parts of {@link ParseException#getMessage()}, written without building the string. */
    public static StringBuilder message(StringBuilder out, ParseException e) {
        out.append(KIND_WORDS[e.kind().ordinal()]).append(' ').append(e.layer());
        if (!e.field().isEmpty()) {
            out.append('.').append(e.field());
        }
        return out.append(" at byte ").append(e.offset()).append(": ").append(e.detail());
    }

    private static void addresses(StringBuilder out, Dissector d) {
        if (d.has(Layer.IPV4)) {
            Ipv4 h = d.ipv4().header();
            Text.ipv4(out, h.sourceBits()).append(ARROW);
            Text.ipv4(out, h.destinationBits());
        } else if (d.has(Layer.IPV6)) {
            Ipv6Packet ip = d.ipv6();
            Text.ipv6(out, ip.array(), ip.sourceOffset()).append(ARROW);
            Text.ipv6(out, ip.array(), ip.destinationOffset());
        } else if (d.has(Layer.ETHERNET)) {
            Text.mac(out, d.ethernet().array(), d.ethernet().sourceOffset()).append(ARROW);
            Text.mac(out, d.ethernet().array(), d.ethernet().destinationOffset());
        } else if (d.has(Layer.ARP)) {
            Arp arp = d.arp();
            Text.mac(out, arp.array(), arp.senderHardwareAddressOffset()).append(ARROW);
            Text.mac(out, arp.array(), arp.targetHardwareAddressOffset());
        } else {
            out.append('?').append(ARROW).append('?');
        }
    }

    /** The protocol column: the innermost layer, or what the IP packet carries when Zerowire stops at IP. */
    private static String protocol(Dissector d) {
        Layer innermost = d.innermost();
        if (innermost == null) {
            return d.failedLayer() == null ? "?" : display(d.failedLayer());
        }
        return display(innermost);
    }

    /** tshark's spelling of a layer in the protocol column. */
    public static String display(Layer layer) {
        return switch (layer) {
            case LOOPBACK -> "NULL";
            case LINUX_SLL -> "SLL";
            case LINUX_SLL2 -> "SLL2";
            case ETHERNET -> "ETH";
            case VLAN -> "VLAN";
            case ARP -> "ARP";
            case IPV4 -> "IPv4";
            case IPV6 -> "IPv6";
            case ICMP -> "ICMP";
            case ICMPV6 -> "ICMPv6";
            case IGMP -> "IGMP";
            case UDP -> "UDP";
            case TCP -> "TCP";
        };
    }

    private static void info(StringBuilder out, Dissector d) {
        Layer innermost = d.innermost();
        if (innermost == null) {
            return;
        }
        switch (innermost) {
            case TCP -> tcp(out, d);
            case UDP -> udp(out, d);
            case ICMP -> icmp(out, d.icmp());
            case ICMPV6 -> icmpv6(out, d.icmpv6());
            case IGMP -> igmp(out, d.igmp());
            case ARP -> arp(out, d.arp());
            case IPV4 -> ipv4(out, d);
            case IPV6 -> ipv6(out, d.ipv6());
            case ETHERNET, VLAN -> Text.hex(out.append("EtherType "), etherType(d), 4);
            case LINUX_SLL -> Text.hex(out.append("protocol "), d.linuxSll().protocolValue(), 4);
            case LINUX_SLL2 -> Text.hex(out.append("protocol "), d.linuxSll2().protocolValue(), 4);
            case LOOPBACK -> out.append("family ").append(d.loopback().family());
        }
    }

    private static int etherType(Dissector d) {
        return d.vlanCount() > 0 ? d.vlan(d.vlanCount() - 1).etherTypeValue() : d.ethernet().etherTypeValue();
    }

    private static void tcp(StringBuilder out, Dissector d) {
        TcpLayout<?> tcp = d.tcp().layout();
        out.append(tcp.sourcePort()).append(ARROW).append(tcp.destinationPort()).append(" [");
        TcpFlags.names(out, tcp).append("] Seq=").append(tcp.sequenceNumber());
        if (tcp.ack()) {
            out.append(" Ack=").append(tcp.acknowledgmentNumber());
        }
        out.append(" Win=").append(tcp.window()).append(" Len=").append(d.tcp().bodyLength());
        if (tcp.urg()) {
            out.append(" Urg=").append(tcp.urgentPointer());
        }
        OptionsIterator it = d.tcp().options();
        while (it.next()) {
            tcpOption(out, it);
        }
    }

    private static void tcpOption(StringBuilder out, OptionsIterator it) {
        boolean bad = TcpOptions.hasBadLength(it);
        switch (it.kind()) {
            case TcpOptions.END_OF_LIST -> out.append(" EOL");
            case TcpOptions.NOP -> { }
            case TcpOptions.MSS -> {
                if (bad) {
                    out.append(" MSS=?");
                } else {
                    out.append(" MSS=").append(TcpOptions.mss(it));
                }
            }
            case TcpOptions.WINDOW_SCALE -> {
                out.append(" WS=");
                if (bad) {
                    out.append('?');
                } else {
                    out.append(1L << Math.min(TcpOptions.windowScale(it), 14));
                }
            }
            case TcpOptions.SACK_PERMITTED -> out.append(" SACK_PERM");
            case TcpOptions.TIMESTAMPS -> {
                if (bad) {
                    out.append(" TS=?");
                } else {
                    out.append(" TSval=").append(TcpOptions.timestampValue(it))
                            .append(" TSecr=").append(TcpOptions.timestampEchoReply(it));
                }
            }
            case TcpOptions.SACK -> {
                int blocks = bad ? 0 : TcpOptions.sackBlocks(it);
                for (int i = 0; i < blocks; i++) {
                    out.append(" SLE=").append(TcpOptions.sackLeft(it, i)).append(" SRE=").append(TcpOptions.sackRight(it, i));
                }
            }
            default -> out.append(" opt").append(it.kind()).append("(").append(it.length()).append(')');
        }
    }

    private static void udp(StringBuilder out, Dissector d) {
        UdpLayout<?> udp = d.udp().layout();
        out.append(udp.sourcePort()).append(ARROW).append(udp.destinationPort()).append(" Len=").append(d.udp().bodyLength());
    }

    private static void icmp(StringBuilder out, IcmpPacket icmp) {
        switch (icmp.kind()) {
            case ECHO_REQUEST, ECHO_REPLY -> {
                out.append(icmp.kind() == IcmpMessageKind.ECHO_REQUEST
                        ? "Echo (ping) request" : "Echo (ping) reply");
                Text.hex(out.append(" id="), icmp.echo().identifier(), 4).append(", seq=").append(icmp.echo().sequence());
            }
            case DESTINATION_UNREACHABLE -> out.append("Destination unreachable (code ").append(icmp.code()).append(')');
            case REDIRECT -> Text.ipv4(out.append("Redirect (code ").append(icmp.code()).append(") gateway "),
                    icmp.redirect().gatewayBits());
            case TIME_EXCEEDED -> out.append("Time exceeded (code ").append(icmp.code()).append(')');
            case PARAMETER_PROBLEM -> out.append("Parameter problem pointer=").append(icmp.parameterProblem().pointer());
            case TIMESTAMP_REQUEST -> out.append("Timestamp request");
            case TIMESTAMP_REPLY -> out.append("Timestamp reply");
            case OTHER -> out.append("type=").append(icmp.typeValue()).append(" code=").append(icmp.code());
        }
    }

    private static void icmpv6(StringBuilder out, Icmpv6Packet icmp) {
        byte[] a = icmp.array();
        switch (icmp.message()) {
            case DESTINATION_UNREACHABLE -> out.append("Destination Unreachable (code ").append(icmp.code()).append(')');
            case PACKET_TOO_BIG -> out.append("Packet Too Big mtu=").append(icmp.packetTooBig().mtu());
            case TIME_EXCEEDED -> out.append("Time Exceeded (code ").append(icmp.code()).append(')');
            case PARAMETER_PROBLEM -> out.append("Parameter Problem pointer=").append(icmp.parameterProblem().pointer());
            case ECHO_REQUEST, ECHO_REPLY -> {
                out.append(icmp.typeValue() == 128 ? "Echo (ping) request" : "Echo (ping) reply");
                Text.hex(out.append(" id="), icmp.echo().identifier(), 4).append(", seq=").append(icmp.echo().sequenceNumber());
            }
            case MLD_QUERY -> Text.ipv6(out.append("Multicast Listener Query "), a, icmp.mld().multicastAddressOffset());
            case MLD_REPORT -> Text.ipv6(out.append("Multicast Listener Report "), a, icmp.mld().multicastAddressOffset());
            case MLD_DONE -> Text.ipv6(out.append("Multicast Listener Done "), a, icmp.mld().multicastAddressOffset());
            case MLDV2_QUERY -> Text.ipv6(out.append("Multicast Listener Query v2 "), a,
                    icmp.mldv2Query().multicastAddressOffset());
            case MLDV2_REPORT -> out.append("Multicast Listener Report Message v2, ").append(icmp.records().count())
                    .append(" records");
            case ROUTER_SOLICITATION -> out.append("Router Solicitation");
            case ROUTER_ADVERTISEMENT -> out.append("Router Advertisement lifetime=")
                    .append(icmp.routerAdvertisement().routerLifetime());
            case NEIGHBOR_SOLICITATION -> Text.ipv6(out.append("Neighbor Solicitation for "), a,
                    icmp.neighborSolicitation().targetOffset());
            case NEIGHBOR_ADVERTISEMENT -> {
                Text.ipv6(out.append("Neighbor Advertisement "), a, icmp.neighborAdvertisement().targetOffset());
                out.append(" (");
                int start = out.length();
                flag(out, start, icmp.neighborAdvertisement().router(), "rtr");
                flag(out, start, icmp.neighborAdvertisement().solicited(), "sol");
                flag(out, start, icmp.neighborAdvertisement().override(), "ovr");
                out.append(')');
            }
            case REDIRECT -> Text.ipv6(out.append("Redirect for "), a, icmp.redirect().destinationOffset());
            case OTHER -> out.append("type=").append(icmp.typeValue()).append(" code=").append(icmp.code());
        }
    }

    private static void flag(StringBuilder out, int start, boolean set, String name) {
        if (set) {
            if (out.length() > start) {
                out.append(", ");
            }
            out.append(name);
        }
    }

    private static void igmp(StringBuilder out, IgmpPacket igmp) {
        out.append('v').append(igmp.version()).append(' ');
        switch (igmp.kind()) {
            case V1_MEMBERSHIP_QUERY, V2_MEMBERSHIP_QUERY -> Text.ipv4(out.append("Membership Query group "),
                    igmp.groupAddress().groupAddressBits());
            case V3_MEMBERSHIP_QUERY -> Text.ipv4(out.append("Membership Query group "), igmp.v3Query().groupAddressBits())
                    .append(", ").append(igmp.v3Query().numberOfSources()).append(" sources");
            case V1_MEMBERSHIP_REPORT, V2_MEMBERSHIP_REPORT -> Text.ipv4(out.append("Membership Report group "),
                    igmp.groupAddress().groupAddressBits());
            case V2_LEAVE_GROUP -> Text.ipv4(out.append("Leave Group "), igmp.groupAddress().groupAddressBits());
            case V3_MEMBERSHIP_REPORT -> out.append("Membership Report, ").append(igmp.records().count()).append(" records");
            case OTHER -> Text.hex(out.append("type "), igmp.typeValue(), 2);
        }
    }

    private static void arp(StringBuilder out, Arp arp) {
        switch (arp.operationValue()) {
            case 1 -> {
                Text.ipv4(out.append("Who has "), arp.targetProtocolAddressBits()).append("? Tell ");
                Text.ipv4(out, arp.senderProtocolAddressBits());
            }
            case 2 -> {
                Text.ipv4(out, arp.senderProtocolAddressBits()).append(" is at ");
                Text.mac(out, arp.array(), arp.senderHardwareAddressOffset());
            }
            default -> out.append("operation ").append(arp.operationValue());
        }
    }

    private static void ipv4(StringBuilder out, Dissector d) {
        Ipv4 h = d.ipv4().header();
        if (d.ipv4().isFragment()) {
            out.append("Fragmented IP protocol (proto=").append(h.protocolValue()).append(", off=")
                    .append(d.ipv4().fragmentOffsetBytes());
            Text.hex(out.append(", ID="), h.identification(), 4).append(')');
            if (h.moreFragments()) {
                out.append(" [MF]");
            }
        } else {
            out.append("protocol ").append(h.protocolValue()).append(" Len=").append(d.ipv4().payloadLength());
        }
    }

    private static void ipv6(StringBuilder out, Ipv6Packet ip) {
        if (ip.isFragment()) {
            int last = ip.extensionHeaderCount() - 1;
            int at = ip.extensionHeaderOffset(last);
            int offsetAndFlags = Bytes.u16(ip.array(), at + 2);
            out.append("IPv6 fragment (off=").append((offsetAndFlags >>> 3) * 8).append(" more=")
                    .append((offsetAndFlags & 1) != 0);
            Text.hex(out.append(" ident="), Bytes.u32(ip.array(), at + FragmentHeader.IDENTIFICATION_OFFSET), 8)
                    .append(" nxt=").append(ip.transportProtocolValue()).append(')');
        } else {
            out.append("next header ").append(ip.transportProtocolValue()).append(" Len=").append(ip.payloadLength());
        }
    }
}
