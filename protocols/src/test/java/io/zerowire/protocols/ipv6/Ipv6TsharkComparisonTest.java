package io.zerowire.protocols.ipv6;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.checksum.InternetChecksum;
import io.zerowire.checksum.PseudoHeader;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.options.OptionsIterator;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.ip.ParameterProblemException;
import io.zerowire.protocols.testing.Corpus;
import io.zerowire.protocols.testing.Tshark;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every IPv6 packet of every capture (Ethernet, raw IP, Linux cooked v1/v2 and loopback link
 * types), parsed with {@link Ipv6Packet} and compared field by field with tshark's dissection: the
 * fixed header, every extension header of the outer chain (Hop-by-Hop and Destination Options with
 * their options, Routing headers of type 0 and 4 with their addresses, Fragment headers), and the
 * upper-layer checksum verdicts, which tshark computes with the final destination of a Routing
 * header and which this test computes with {@link Ipv6Packet#pseudoHeaderDestination()}.
 *
 * <p>tshark lists the headers of tunnelled or quoted packets after the outer ones, so the i-th header
 * of a kind in our chain is compared with tshark's i-th; tshark may only show more when the frame
 * holds an inner IPv6 packet. A packet we reject must be rejected for a reason tshark's own values
 * show (see {@link #explain}); its fixed header is still compared, read with the bare view, and when
 * the capture cut the packet short its chain too, read with {@link Ipv6Packet#wrapQuoted}.
 */
class Ipv6TsharkComparisonTest {
    /** Disagreements that are understood, as "dir/file#frame field" -> reason. Every entry must be used. */
    private static final Map<String, String> ALLOWED = Map.of();

    /** Frames tshark dissects as IPv6 that no link layer leads to, with the reason. Every entry must be used. */
    private static final Map<String, String> NOT_REACHED = Map.of(
            "tcpdump/bad-ipv4-version-pgm-heapoverflow.pcap#1",
            "EtherType IPv4 (0x0800) on a header whose version nibble is 6: tshark's IPv4 dissector hands it to"
                    + " IPv6, while the link layer says IPv4 (and the IPv4 parser rejects version 6)",
            "tcpdump/LINKTYPE_IPV4_invalid.pcap#1",
            "link type LINKTYPE_IPV4 (228) on a version-6 header: the link type says IPv4, tshark goes by the"
                    + " version nibble");

    private final Map<String, Integer> compared = new TreeMap<>();
    private final List<String> disagreements = new ArrayList<>();
    private final Set<String> allowedUsed = new HashSet<>();

    @Test
    void everyIpv6PacketAgreesWithTshark() throws Exception {
        List<Ipv6Frames.Located> frames = Ipv6Frames.all();
        Tshark.prefetch(Corpus.captures().stream().map(Corpus.Capture::file).toList());
        Ipv6Packet ip = new Ipv6Packet();
        Ipv6Packet quoted = new Ipv6Packet();
        int truncatedChains = 0;
        int parsed = 0;
        int rejected = 0;
        Set<String> located = new HashSet<>();
        for (Ipv6Frames.Located l : frames) {
            Corpus.Frame frame = l.frame();
            located.add(frame.name());
            Tshark.Packet t = Tshark.dissect(frame.file()).get(frame.number());
            if (t == null || !t.has("ipv6.version")) {
                disagree(frame, "ipv6", "tshark does not dissect this frame as IPv6");
                continue;
            }
            PacketBuffer buffer = l.buffer();
            try {
                ip.wrap(buffer);
                parsed++;
                compareFixed(frame, ip.header(), t);
                compareChain(frame, ip, t);
                compareChecksum(frame, ip, t);
            } catch (ParseException e) {
                rejected++;
                explain(l, t, e);
                if (l.available() >= Ipv6Header.FIXED_LENGTH && (frame.bytes()[l.offset()] & 0xF0) == 0x60) {
                    compareFixed(frame, Ipv6Header.parseQuoted(l.buffer()), t);
                }
                if (!(e instanceof ParameterProblemException) && e.field().equals("payloadLength")) {
                    // A capture cut short: its chain is still compared, read as a quote is.
                    try {
                        compareChain(frame, quoted.wrapQuoted(l.buffer()), t);
                        truncatedChains++;
                    } catch (ParseException cut) {
                        // an extension header is cut too: nothing more to compare
                    }
                }
            }
        }
        Set<String> notReachedUsed = new HashSet<>();
        for (Corpus.Capture capture : Corpus.captures()) {
            Map<Integer, Tshark.Packet> dissection = Tshark.dissect(capture.file());
            for (Corpus.Frame frame : capture.frames()) {
                Tshark.Packet t = dissection.get(frame.number());
                if (t != null && t.has("ipv6.version") && !located.contains(frame.name())) {
                    if (NOT_REACHED.containsKey(frame.name())) {
                        notReachedUsed.add(frame.name());
                    } else {
                        disagree(frame, "link", "tshark sees IPv6, no link layer leads us to it");
                    }
                }
            }
        }
        System.out.printf("ipv6 vs tshark: %d frames (%d parsed, %d rejected, %d of those cut short with their chain"
                + " compared), %d field comparisons%n", frames.size(), parsed, rejected, truncatedChains,
                compared.values().stream().mapToInt(Integer::intValue).sum());
        compared.forEach((field, count) -> System.out.printf("  %-30s %6d%n", field, count));
        List<String> unexplained = new ArrayList<>();
        for (String d : disagreements) {
            String key = d.substring(0, d.indexOf(':'));
            if (ALLOWED.containsKey(key)) {
                allowedUsed.add(key);
            } else {
                unexplained.add(d);
            }
        }
        assertThat(unexplained).as("disagreements with tshark").isEmpty();
        assertThat(allowedUsed).as("allowlist entries that explain something").isEqualTo(ALLOWED.keySet());
        assertThat(notReachedUsed).as("frames not reached, each explained").isEqualTo(NOT_REACHED.keySet());
        assertThat(frames.size()).isGreaterThan(280);
        assertThat(parsed).isGreaterThan(240);
        assertThat(rejected).isGreaterThan(20);
        for (String field : List.of("ipv6.src", "ipv6.flow", "ipv6.hopopts.nxt", "ipv6.opt.type", "ipv6.opt.router_alert",
                "ipv6.opt.jumbo", "ipv6.dstopts.nxt", "ipv6.routing.type", "ipv6.routing.src.addr", "ipv6.routing.srh.addr",
                "ipv6.routing.srh.last_entry", "checksum.status (pseudo-header destination)",
                "rejection: unrecognized next header", "rejection: unrecognized option", "rejection: payloadLength")) {
            assertThat(compared.get(field)).as(field).isPositive();
        }
    }

    private void compareFixed(Corpus.Frame frame, Ipv6Header h, Tshark.Packet t) {
        equal(frame, "ipv6.version", number(t.first("ipv6.version")), (long) h.version());
        equal(frame, "ipv6.tclass", number(t.first("ipv6.tclass")), (long) (h.dscp() << 2 | h.ecn()));
        equal(frame, "ipv6.tclass.dscp", number(t.first("ipv6.tclass.dscp")), (long) h.dscp());
        equal(frame, "ipv6.tclass.ecn", number(t.first("ipv6.tclass.ecn")), (long) h.ecn());
        equal(frame, "ipv6.flow", number(t.first("ipv6.flow")), (long) h.flowLabel());
        equal(frame, "ipv6.plen", number(t.first("ipv6.plen")), (long) h.payloadLength());
        equal(frame, "ipv6.nxt", number(t.first("ipv6.nxt")), (long) h.nextHeaderValue());
        equal(frame, "ipv6.hlim", number(t.first("ipv6.hlim")), (long) h.hopLimit());
        equal(frame, "ipv6.src", address(t.first("ipv6.src")), h.source());
        equal(frame, "ipv6.dst", address(t.first("ipv6.dst")), h.destination());
    }

    /** Each extension header, read again through its view at the offset the walk recorded. */
    private void compareChain(Corpus.Frame frame, Ipv6Packet ip, Tshark.Packet t) throws ParseException {
        int hop = 0;
        int dst = 0;
        int routing = 0;
        int fragment = 0;
        int[] options = new int[4]; // option types, lengths, router alerts, jumbo lengths seen so far
        int type0Addresses = 0;
        int segments = 0;
        for (int i = 0; i < ip.extensionHeaderCount(); i++) {
            PacketBuffer at = PacketBuffer.wrap(ip.array(), ip.extensionHeaderOffset(i), ip.extensionHeaderLength(i));
            switch (ip.extensionHeaderTypeValue(i)) {
                case Ipv6Packet.HOP_BY_HOP: {
                    HopByHopOptions h = HopByHopOptions.parse(at);
                    optionsHeader(frame, t, "ipv6.hopopts", hop++, h.nextHeaderValue(), h.headerExtensionLength(),
                            h.headerLength(), h.options(), options);
                    break;
                }
                case Ipv6Packet.DESTINATION_OPTIONS: {
                    DestinationOptions h = DestinationOptions.parse(at);
                    optionsHeader(frame, t, "ipv6.dstopts", dst++, h.nextHeaderValue(), h.headerExtensionLength(),
                            h.headerLength(), h.options(), options);
                    break;
                }
                case Ipv6Packet.ROUTING: {
                    RoutingHeader h = RoutingHeader.parse(at);
                    int n = routing++;
                    equal(frame, "ipv6.routing.nxt", number(at(t, "ipv6.routing.nxt", n)), (long) h.nextHeaderValue());
                    equal(frame, "ipv6.routing.len", number(at(t, "ipv6.routing.len", n)), (long) h.headerExtensionLength());
                    equal(frame, "ipv6.routing.len_oct", number(at(t, "ipv6.routing.len_oct", n)), (long) h.headerLength());
                    equal(frame, "ipv6.routing.type", number(at(t, "ipv6.routing.type", n)), (long) h.routingType());
                    equal(frame, "ipv6.routing.segleft", number(at(t, "ipv6.routing.segleft", n)), (long) h.segmentsLeft());
                    if (h.routingType() == RoutingHeaders.TYPE_0) {
                        Type0RoutingHeader h0 = Type0RoutingHeader.parse(PacketBuffer.wrap(ip.array(),
                                ip.extensionHeaderOffset(i), ip.extensionHeaderLength(i)));
                        equal(frame, "ipv6.routing.src.reserved", at(t, "ipv6.routing.src.reserved", n),
                                colonHex(h0.reserved(), 4));
                        for (int a = 0; a < RoutingHeaders.type0AddressCount(h0); a++) {
                            equal(frame, "ipv6.routing.src.addr", address(at(t, "ipv6.routing.src.addr", type0Addresses++)),
                                    RoutingHeaders.type0Address(h0, a));
                        }
                    } else if (h.routingType() == RoutingHeaders.TYPE_SEGMENT_ROUTING) {
                        SegmentRoutingHeader s = SegmentRoutingHeader.parse(PacketBuffer.wrap(ip.array(),
                                ip.extensionHeaderOffset(i), ip.extensionHeaderLength(i)));
                        equal(frame, "ipv6.routing.srh.last_entry", number(at(t, "ipv6.routing.srh.last_entry", n)),
                                (long) s.lastEntry());
                        equal(frame, "ipv6.routing.srh.flags", number(at(t, "ipv6.routing.srh.flags", n)), (long) s.flags());
                        equal(frame, "ipv6.routing.srh.tag", at(t, "ipv6.routing.srh.tag", n), colonHex(s.tag(), 2));
                        for (int a = 0; a < RoutingHeaders.segmentCount(s); a++) {
                            equal(frame, "ipv6.routing.srh.addr", address(at(t, "ipv6.routing.srh.addr", segments++)),
                                    RoutingHeaders.segment(s, a));
                        }
                    }
                    break;
                }
                default: {
                    FragmentHeader h = FragmentHeader.parse(at);
                    int n = fragment++;
                    equal(frame, "ipv6.fraghdr.nxt", number(at(t, "ipv6.fraghdr.nxt", n)), (long) h.nextHeaderValue());
                    equal(frame, "ipv6.fraghdr.reserved_octet", number(at(t, "ipv6.fraghdr.reserved_octet", n)),
                            (long) h.reserved());
                    equal(frame, "ipv6.fraghdr.offset", number(at(t, "ipv6.fraghdr.offset", n)), (long) h.fragmentOffset());
                    equal(frame, "ipv6.fraghdr.reserved_bits", number(at(t, "ipv6.fraghdr.reserved_bits", n)),
                            (long) h.reservedBits());
                    equal(frame, "ipv6.fraghdr.more", number(at(t, "ipv6.fraghdr.more", n)), h.moreFragments() ? 1L : 0L);
                    equal(frame, "ipv6.fraghdr.ident", number(at(t, "ipv6.fraghdr.ident", n)), h.identification());
                    break;
                }
            }
        }
        if (ip.isJumbogram()) {
            equal(frame, "ipv6.opt.jumbo (packet)", number(t.first("ipv6.opt.jumbo")), ip.jumboPayloadLength());
        }
        // Without an inner IPv6 packet, tshark must not see more outer headers or options than we do.
        if (t.all("ipv6.version").size() == 1) {
            int[] ours = {hop, dst, routing, fragment, options[0], type0Addresses, segments};
            String[] fields = {"ipv6.hopopts.nxt", "ipv6.dstopts.nxt", "ipv6.routing.nxt", "ipv6.fraghdr.nxt",
                "ipv6.opt.type", "ipv6.routing.src.addr", "ipv6.routing.srh.addr"};
            for (int f = 0; f < fields.length; f++) {
                int theirs = t.all(fields[f]).size();
                check(frame, fields[f] + " (count)", theirs == ours[f], "tshark shows " + theirs + ", we " + ours[f]);
            }
        }
    }

    private void optionsHeader(Corpus.Frame frame, Tshark.Packet t, String prefix, int n, int nextHeader, int length,
            int octets, OptionsIterator it, int[] seen) {
        equal(frame, prefix + ".nxt", number(at(t, prefix + ".nxt", n)), (long) nextHeader);
        equal(frame, prefix + ".len", number(at(t, prefix + ".len", n)), (long) length);
        equal(frame, prefix + ".len_oct", number(at(t, prefix + ".len_oct", n)), (long) octets);
        while (it.next()) {
            int type = it.kind();
            equal(frame, "ipv6.opt.type", number(at(t, "ipv6.opt.type", seen[0]++)), (long) type);
            if (type != Ipv6Options.PAD1) {
                equal(frame, "ipv6.opt.length", number(at(t, "ipv6.opt.length", seen[1]++)), (long) it.valueLength());
            }
            if (Ipv6Options.routerAlert(it) >= 0 && prefix.equals("ipv6.hopopts")) {
                equal(frame, "ipv6.opt.router_alert", number(at(t, "ipv6.opt.router_alert", seen[2]++)),
                        (long) Ipv6Options.routerAlert(it));
            }
            if (Ipv6Options.jumboPayloadLength(it) >= 0 && prefix.equals("ipv6.hopopts")) {
                equal(frame, "ipv6.opt.jumbo", number(at(t, "ipv6.opt.jumbo", seen[3]++)), Ipv6Options.jumboPayloadLength(it));
            }
        }
    }

    /**
     * tshark verifies TCP, UDP and ICMPv6 checksums over a pseudo-header whose destination is the
     * final one (RFC 8200 section 8.1); ours, from {@link Ipv6Packet#pseudoHeaderDestinationOffset()},
     * must reach the same verdict.
     */
    private void compareChecksum(Corpus.Frame frame, Ipv6Packet ip, Tshark.Packet t) {
        String protocol;
        switch (ip.transportProtocolValue()) {
            case 6:
                protocol = "tcp";
                break;
            case 17:
                protocol = "udp";
                break;
            case 58:
                protocol = "icmpv6";
                break;
            default:
                return;
        }
        String status = t.first(protocol + ".checksum.status");
        if (ip.isFragment() || !("0".equals(status) || "1".equals(status))) {
            return;
        }
        boolean valid = PseudoHeader.addIpv6(new InternetChecksum(), ip.array(), ip.sourceOffset(),
                        ip.pseudoHeaderDestinationOffset(), ip.transportProtocolValue(), ip.payloadLength())
                .add(ip.array(), ip.payloadOffset(), ip.payloadLength()).verify();
        equal(frame, "checksum.status (pseudo-header destination)", status, valid ? "1" : "0");
    }

    /**
     * A rejection must be one that tshark's values show: the reason is checked against them, not
     * against our own reading of the bytes.
     */
    private void explain(Ipv6Frames.Located l, Tshark.Packet t, ParseException e) {
        Corpus.Frame frame = l.frame();
        int available = l.available();
        Long plen = number(t.first("ipv6.plen"));
        Long nxt = number(t.first("ipv6.nxt"));
        if (e instanceof ParameterProblemException) {
            ParameterProblemException p = (ParameterProblemException) e;
            int value = l.frame().bytes()[l.offset() + p.pointer()] & 0xFF;
            switch (p.code()) {
                case ParameterProblemException.UNRECOGNIZED_NEXT_HEADER:
                    check(frame, "rejection: unrecognized next header",
                            (Ipv6Packet.isUnsupportedExtensionHeader(value) || value == 0) && nextHeaders(t).contains((long) value)
                                    && (p.pointer() != Ipv6Header.NEXT_HEADER_OFFSET || nxt == value),
                            "we reject next header " + value + " at pointer " + p.pointer() + "; tshark's next headers "
                                    + nextHeaders(t));
                    return;
                case ParameterProblemException.UNRECOGNIZED_OPTION: {
                    int action = Ipv6Options.action(value);
                    boolean multicast = address(t.first("ipv6.dst")).isMulticast();
                    boolean respond = action == Ipv6Options.ACTION_DISCARD_AND_REPORT
                            || action == Ipv6Options.ACTION_DISCARD_AND_REPORT_UNLESS_MULTICAST && !multicast;
                    List<Long> types = new ArrayList<>();
                    t.all("ipv6.opt.type").forEach(v -> types.add(number(v)));
                    check(frame, "rejection: unrecognized option", types.contains((long) value) && action != 0
                                    && value != Ipv6Options.ROUTER_ALERT && value != Ipv6Options.JUMBO_PAYLOAD
                                    && p.mayRespond() == respond,
                            "we reject option " + value + " (respond " + p.mayRespond() + "); tshark's options " + types);
                    return;
                }
                default:
                    if (p.field().equals("payloadLength") && p.pointer() == Ipv6Header.PAYLOAD_LENGTH_OFFSET
                            && !t.has("ipv6.fraghdr.nxt")) {
                        check(frame, "rejection: payload length 0 without Jumbo Payload",
                                Long.valueOf(0).equals(plen) && Long.valueOf(0).equals(nxt) && !t.has("ipv6.opt.jumbo"),
                                "tshark plen=" + plen + " nxt=" + nxt + " jumbo=" + t.first("ipv6.opt.jumbo"));
                    } else {
                        disagree(frame, "rejection", "no tshark value explains " + e.getMessage());
                    }
                    return;
            }
        }
        if (e.layer().equals(Ipv6Header.LAYER) && e.field().isEmpty()) {
            check(frame, "rejection: short header", available < Ipv6Header.FIXED_LENGTH && !t.has("ipv6.dst"),
                    "we say shorter than 40 bytes (" + available + "); tshark ipv6.dst=" + t.first("ipv6.dst"));
        } else if (e.field().equals("version")) {
            check(frame, "rejection: version", !Long.valueOf(6).equals(number(t.first("ipv6.version"))),
                    "tshark ipv6.version=" + t.first("ipv6.version"));
        } else if (e.field().equals("payloadLength")) {
            check(frame, "rejection: payloadLength", plen != null && plen + Ipv6Header.FIXED_LENGTH > available,
                    "tshark plen=" + plen + ", " + available + " bytes from the IPv6 header");
        } else if (e.layer().equals(HopByHopOptions.LAYER) && t.has("ipv6.opt.jumbo")) {
            Long jumbo = number(t.first("ipv6.opt.jumbo"));
            check(frame, "rejection: jumbo payload length", jumbo + Ipv6Header.FIXED_LENGTH > available,
                    "tshark jumbo=" + jumbo + ", " + available + " bytes from the IPv6 header");
        } else {
            // An extension header that does not fit the payload: tshark marks the frame malformed or cut short.
            check(frame, "rejection: extension header past the payload", t.malformed() || t.has("_ws.short"),
                    "we reject " + e.getMessage() + "; tshark finds nothing wrong");
        }
    }

    /** Every next header value tshark shows, in the fixed header and the extension headers. */
    private static Set<Long> nextHeaders(Tshark.Packet t) {
        Set<Long> values = new HashSet<>();
        for (String field : List.of("ipv6.nxt", "ipv6.hopopts.nxt", "ipv6.dstopts.nxt", "ipv6.routing.nxt", "ipv6.fraghdr.nxt")) {
            t.all(field).forEach(v -> values.add(number(v)));
        }
        return values;
    }

    private void equal(Corpus.Frame frame, String field, Object tshark, Object ours) {
        check(frame, field, ours.equals(tshark), "tshark " + tshark + ", we " + ours);
    }

    private void check(Corpus.Frame frame, String field, boolean agree, String detail) {
        compared.merge(field, 1, Integer::sum);
        if (!agree) {
            disagree(frame, field, detail);
        }
    }

    private void disagree(Corpus.Frame frame, String field, String detail) {
        disagreements.add(frame.name() + " " + field + ": " + detail);
    }

    private static String at(Tshark.Packet t, String field, int i) {
        List<String> values = t.all(field);
        return values.size() > i ? values.get(i) : null;
    }

    static Long number(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.equals("True")) {
            return 1L;
        }
        if (text.equals("False")) {
            return 0L;
        }
        return Long.decode(text);
    }

    private static Ipv6Address address(String text) {
        return text == null ? null : Ipv6Address.parse(text);
    }

    /** tshark's rendering of a byte field: "00:00:00:00". */
    private static String colonHex(long value, int bytes) {
        StringBuilder text = new StringBuilder();
        for (int i = bytes - 1; i >= 0; i--) {
            text.append(String.format("%02x", (value >>> (8 * i)) & 0xFF)).append(i == 0 ? "" : ":");
        }
        return text.toString();
    }
}
