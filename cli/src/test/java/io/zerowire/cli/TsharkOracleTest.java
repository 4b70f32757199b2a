package io.zerowire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zerowire.pcap.testing.TestEnvironment;
import io.zerowire.protocols.testing.Tshark;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@code zerowire dissect --json} against tshark, frame by frame and field by field, on every
 * capture under {@code ../shared/captures} and on the shipped sample. tshark runs with the options
 * of {@link Tshark} (every checksum checked, no reassembly, absolute sequence numbers); the fields
 * compared are {@link #FIELDS}, the one list of what is compared and under which tshark name.
 *
 * <p>A field is compared when Zerowire dissected its layer; tshark's first value is the outer
 * header's (an ICMP error's quoted packet comes after). A field Zerowire has and tshark does not
 * show is a disagreement too. Whether each layer is there at all is compared up to the transport
 * layer ({@link #PRESENCE}), except where Zerowire stops by design: the payload of an IP fragment.
 * Disagreements kept are listed in {@link #ALLOWED} with the reason; one that is not listed, or an
 * entry that no longer occurs, fails the test. Fails (does not skip) under {@code CI=true} when tshark
 * or the captures are missing.
 */
class TsharkOracleTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where tshark's values of a field come from. */
    enum Source {
        /** The first value in tshark's JSON: the outermost header's. */
        FIRST,
        /** Every value in tshark's JSON, outer headers first. */
        ALL,
        /** Every value from {@code -T fields}, in the protocol tree's order (the JSON merges repeated subtrees). */
        ORDERED
    }

    /**
     * One compared field: its name in the report, tshark's field ({@code a|b}: the first that
     * tshark shows), Zerowire's value(s) from a frame's JSON, and where tshark's values come from.
     */
    record Field(String name, String tshark, Function<JsonNode, List<String>> ours, Source source) {}

    /** Every field compared, in the order of the layers. */
    static final List<Field> FIELDS = List.of(
            one("frame.capturedLength", "frame.cap_len", "capturedLength"),
            one("frame.originalLength", "frame.len", "originalLength"),
            one("eth.destination", "eth.dst", "eth", "destination"),
            one("eth.source", "eth.src", "eth", "source"),
            one("eth.etherType", "eth.type", "eth", "etherType"),
            new Field("vlan.id (802.1Q)", "vlan.id", f -> vlan(f, 0x8100, "id"), Source.ALL),
            new Field("vlan.priority (802.1Q)", "vlan.priority", f -> vlan(f, 0x8100, "priority"), Source.ALL),
            new Field("vlan.dropEligible (802.1Q)", "vlan.dei", f -> vlan(f, 0x8100, "dropEligible"), Source.ALL),
            new Field("vlan.etherType (802.1Q)", "vlan.etype", f -> vlan(f, 0x8100, "etherType"), Source.ALL),
            new Field("vlan.id (802.1ad)", "ieee8021ad.id", f -> vlan(f, 0x88a8, "id"), Source.ALL),
            new Field("vlan.priority (802.1ad)", "ieee8021ad.priority", f -> vlan(f, 0x88a8, "priority"), Source.ALL),
            one("sll.packetType", "sll.pkttype", "sll", "packetType"),
            one("sll.deviceType", "sll.hatype", "sll", "deviceType"),
            one("sll.addressLength", "sll.halen", "sll", "addressLength"),
            one("sll.protocol", "sll.etype|sll.gretype|sll.ltype", "sll", "protocol"),
            one("sll2.protocol", "sll.etype|sll.gretype|sll.ltype", "sll2", "protocol"),
            one("sll2.interfaceIndex", "sll.ifindex", "sll2", "interfaceIndex"),
            one("sll2.deviceType", "sll.hatype", "sll2", "deviceType"),
            one("sll2.packetType", "sll.pkttype", "sll2", "packetType"),
            one("null.family", "null.family", "null", "family"),
            one("arp.hardwareType", "arp.hw.type", "arp", "hardwareType"),
            one("arp.protocolType", "arp.proto.type", "arp", "protocolType"),
            one("arp.hardwareLength", "arp.hw.size", "arp", "hardwareLength"),
            one("arp.protocolLength", "arp.proto.size", "arp", "protocolLength"),
            one("arp.operation", "arp.opcode", "arp", "operation"),
            one("arp.senderHardwareAddress", "arp.src.hw_mac", "arp", "senderHardwareAddress"),
            one("arp.senderProtocolAddress", "arp.src.proto_ipv4", "arp", "senderProtocolAddress"),
            one("arp.targetHardwareAddress", "arp.dst.hw_mac", "arp", "targetHardwareAddress"),
            one("arp.targetProtocolAddress", "arp.dst.proto_ipv4", "arp", "targetProtocolAddress"),
            one("ip.version", "ip.version", "ip", "version"),
            one("ip.headerLength", "ip.hdr_len", "ip", "headerLength"),
            one("ip.dscp", "ip.dsfield.dscp", "ip", "dscp"),
            one("ip.ecn", "ip.dsfield.ecn", "ip", "ecn"),
            one("ip.totalLength", "ip.len", "ip", "totalLength"),
            one("ip.identification", "ip.id", "ip", "identification"),
            one("ip.reservedFlag", "ip.flags.rb", "ip", "reservedFlag"),
            one("ip.dontFragment", "ip.flags.df", "ip", "dontFragment"),
            one("ip.moreFragments", "ip.flags.mf", "ip", "moreFragments"),
            one("ip.fragmentOffset", "ip.frag_offset", "ip", "fragmentOffset"),
            one("ip.ttl", "ip.ttl", "ip", "ttl"),
            one("ip.protocol", "ip.proto", "ip", "protocol"),
            one("ip.headerChecksum", "ip.checksum", "ip", "headerChecksum"),
            new Field("ip.checksumStatus", "ip.checksum.status", f -> status(f, "ip"), Source.FIRST),
            one("ip.source", "ip.src", "ip", "source"),
            // tshark's ip.dst is the final destination of a source route; the header's is ip.cur_rt.
            new Field("ip.finalDestination", "ip.dst",
                    f -> f.path("ip").has("finalDestination") ? text(f.path("ip").get("finalDestination"))
                            : text(f.path("ip").get("destination")), Source.FIRST),
            new Field("ip.options.kind", "ip.opt.type", f -> options(f.path("ip"), "kind"), Source.ORDERED),
            one("ipv6.version", "ipv6.version", "ipv6", "version"),
            one("ipv6.dscp", "ipv6.tclass.dscp", "ipv6", "dscp"),
            one("ipv6.ecn", "ipv6.tclass.ecn", "ipv6", "ecn"),
            one("ipv6.flowLabel", "ipv6.flow", "ipv6", "flowLabel"),
            one("ipv6.payloadLength", "ipv6.plen", "ipv6", "payloadLength"),
            one("ipv6.nextHeader", "ipv6.nxt", "ipv6", "nextHeader"),
            one("ipv6.hopLimit", "ipv6.hlim", "ipv6", "hopLimit"),
            one("ipv6.source", "ipv6.src", "ipv6", "source"),
            one("ipv6.destination", "ipv6.dst", "ipv6", "destination"),
            // The chain in order: each extension header's next header, per kind, in tshark's order.
            new Field("ipv6.hopByHop.nextHeader", "ipv6.hopopts.nxt", f -> chain(f, 0, "nextHeader"), Source.ALL),
            new Field("ipv6.destinationOptions.nextHeader", "ipv6.dstopts.nxt", f -> chain(f, 60, "nextHeader"), Source.ALL),
            new Field("ipv6.routing.nextHeader", "ipv6.routing.nxt", f -> chain(f, 43, "nextHeader"), Source.ALL),
            new Field("ipv6.routing.routingType", "ipv6.routing.type", f -> chain(f, 43, "routingType"), Source.ALL),
            new Field("ipv6.routing.segmentsLeft", "ipv6.routing.segleft", f -> chain(f, 43, "segmentsLeft"), Source.ALL),
            new Field("ipv6.fragment.nextHeader", "ipv6.fraghdr.nxt", f -> chain(f, 44, "nextHeader"), Source.ALL),
            new Field("ipv6.fragment.fragmentOffset", "ipv6.fraghdr.offset", f -> chain(f, 44, "fragmentOffset"), Source.ALL),
            new Field("ipv6.fragment.moreFragments", "ipv6.fraghdr.more", f -> chain(f, 44, "moreFragments"), Source.ALL),
            new Field("ipv6.fragment.identification", "ipv6.fraghdr.ident", f -> chain(f, 44, "identification"), Source.ALL),
            one("icmp.type", "icmp.type", "icmp", "type"),
            one("icmp.code", "icmp.code", "icmp", "code"),
            new Field("icmp.checksumStatus", "icmp.checksum.status", f -> status(f, "icmp"), Source.FIRST),
            one("icmpv6.type", "icmpv6.type", "icmpv6", "type"),
            one("icmpv6.code", "icmpv6.code", "icmpv6", "code"),
            new Field("icmpv6.checksumStatus", "icmpv6.checksum.status", f -> status(f, "icmpv6"), Source.FIRST),
            new Field("icmpv6.ndpOptions.type", "icmpv6.opt.type", f -> each(f.path("icmpv6").path("ndpOptions"), "type"),
                    Source.ORDERED),
            // tshark names IGMP messages of DVMRP types (0x13) apart.
            one("igmp.type", "igmp.type|dvmrp.type", "igmp", "type"),
            new Field("igmp.checksumStatus", "igmp.checksum.status|dvmrp.checksum.status", f -> status(f, "igmp"),
                    Source.FIRST),
            one("udp.sourcePort", "udp.srcport", "udp", "sourcePort"),
            one("udp.destinationPort", "udp.dstport", "udp", "destinationPort"),
            one("udp.length", "udp.length", "udp", "length"),
            new Field("udp.checksumStatus", "udp.checksum.status", f -> status(f, "udp"), Source.FIRST),
            one("tcp.sourcePort", "tcp.srcport", "tcp", "sourcePort"),
            one("tcp.destinationPort", "tcp.dstport", "tcp", "destinationPort"),
            one("tcp.sequenceNumber", "tcp.seq_raw", "tcp", "sequenceNumber"),
            one("tcp.acknowledgmentNumber", "tcp.ack_raw", "tcp", "acknowledgmentNumber"),
            one("tcp.headerLength", "tcp.hdr_len", "tcp", "headerLength"),
            one("tcp.flags", "tcp.flags", "tcp", "flags"),
            one("tcp.window", "tcp.window_size_value", "tcp", "window"),
            one("tcp.urgentPointer", "tcp.urgent_pointer", "tcp", "urgentPointer"),
            one("tcp.payloadLength", "tcp.len", "tcp", "payloadLength"),
            new Field("tcp.options.kind", "tcp.option_kind", f -> options(f.path("tcp"), "kind"), Source.ORDERED),
            new Field("tcp.checksumStatus", "tcp.checksum.status", f -> status(f, "tcp"), Source.FIRST));

    /** The fields tshark is asked for in protocol-tree order (see {@link Source#ORDERED}). */
    static final List<String> ORDERED_FIELDS = FIELDS.stream().filter(f -> f.source() == Source.ORDERED)
            .flatMap(f -> java.util.Arrays.stream(f.tshark().split("\\|"))).toList();

    /** The layers whose presence is compared: Zerowire's label and tshark's protocol name. */
    static final Map<String, String> PRESENCE = Map.of("arp", "arp", "ip", "ip", "ipv6", "ipv6", "icmp", "icmp",
            "icmpv6", "icmpv6", "igmp", "igmp", "udp", "udp", "tcp", "tcp");

    private static final String IPV6_VERSION = "the link type or EtherType says IPv6 and the version field does"
            + " not: Zerowire rejects the header as a malformed IPv6 header (field version), tshark 4.0 does not"
            + " show it as IPv6 at all (its IPv4 dissector, given a bad version, does show ip)";

    /** Disagreements kept: {@code "<dir>/<capture>#<frame> <field>"} and why. */
    static final Map<String, String> ALLOWED = Map.of(
            "tcpdump/mptcp-dss-oobr.pcap#1 tcp.options.kind", "tshark's MPTCP dissector throws on the 3-byte"
                    + " option 30 and shows no option after it; the byte after it is an end-of-list option",
            "tcpdump/LINKTYPE_IPV6_invalid.pcap#1 presence.ipv6", IPV6_VERSION,
            "tcpdump/hoobr_rt6_print.pcap#1 presence.ipv6", IPV6_VERSION,
            "tcpdump/hoobr_rt6_print.pcap#2 presence.ipv6", IPV6_VERSION,
            "tcpdump/ipv6-bad-version.pcap#2 presence.ipv6", IPV6_VERSION,
            "tcpdump/ipv6-bad-version.pcap#4 presence.ipv6", IPV6_VERSION);

    @Test
    void zerowireJsonAgreesWithTsharkFieldByField() throws Exception {
        List<Path> captures = new ArrayList<>(TestEnvironment.captures("tcpdump", "kernel"));
        captures.add(SampleCaptureTest.sampleFile());
        Tshark.prefetch(captures);
        Counts counts = new Counts();
        Map<String, String> disagreements = new TreeMap<>();
        for (Path capture : captures) {
            compare(capture, counts, disagreements);
        }
        Map<String, String> unexpected = new TreeMap<>(disagreements);
        unexpected.keySet().removeAll(ALLOWED.keySet());
        List<String> stale = new ArrayList<>(ALLOWED.keySet());
        stale.removeAll(disagreements.keySet());
        System.out.printf("tshark oracle: %d captures, %d frames, %d fields compared, %d disagreements"
                        + " (%d allowlisted, allowlist of %d)%n", counts.captures, counts.frames, counts.fields,
                disagreements.size(), disagreements.size() - unexpected.size(), ALLOWED.size());
        Map<String, Integer> byField = new TreeMap<>();
        unexpected.keySet().forEach(k -> byField.merge(k.substring(k.indexOf(' ') + 1), 1, Integer::sum));
        unexpected.entrySet().stream().limit(60).forEach(e -> System.out.println("  " + e.getKey() + ": " + e.getValue()));
        java.nio.file.Files.write(Path.of("target", "tshark-oracle-disagreements.txt"), unexpected.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).toList());
        System.out.println("  by field: " + byField);
        assertThat(counts.frames).isGreaterThan(4000);
        assertThat(unexpected).as("disagreements with tshark not in the allowlist").isEmpty();
        assertThat(stale).as("allowlist entries that no longer occur").isEmpty();
    }

    static final class Counts {
        int captures;
        int frames;
        long fields;
    }

    private static void compare(Path capture, Counts counts, Map<String, String> disagreements) throws Exception {
        Map<Integer, Tshark.Packet> tshark = Tshark.dissect(capture);
        Map<Integer, Map<String, List<String>>> ordered = Tshark.fields(capture, ORDERED_FIELDS);
        String name = capture.getParent().getFileName() + "/" + capture.getFileName();
        counts.captures++;
        for (JsonNode frame : zerowire(capture)) {
            int number = frame.get("number").asInt();
            Tshark.Packet t = tshark.get(number);
            String where = name + "#" + number;
            if (t == null) {
                disagreements.put(where + " frame", "tshark has no frame " + number);
                continue;
            }
            counts.frames++;
            if (!frame.path("dissected").asBoolean()) {
                continue;
            }
            for (Field field : FIELDS) {
                List<String> ours = field.ours().apply(frame);
                if (ours.isEmpty()) {
                    continue;
                }
                List<String> theirs = theirs(field, t, ordered.getOrDefault(number, Map.of()));
                counts.fields++;
                if (!same(ours, theirs)) {
                    disagreements.put(where + " " + field.name(), "zerowire " + ours + ", tshark " + theirs);
                }
            }
            presence(frame, t, where, counts, disagreements);
        }
    }

    /** Each layer up to the transport is there for both or for neither, but for a fragment's payload. */
    private static void presence(JsonNode frame, Tshark.Packet t, String where, Counts counts,
            Map<String, String> disagreements) {
        List<String> ours = new ArrayList<>();
        frame.path("layers").forEach(l -> ours.add(l.asText()));
        // The layer that rejected the frame was identified (its parser was chosen) even though it
        // did not parse; Zerowire does not look past it.
        String failed = frame.path("error").path("layer").asText(null);
        if (failed != null) {
            ours.add(failed);
        }
        List<String> theirs = outerProtocols(t.first("frame.protocols"));
        boolean fragment = frame.path("ip").path("fragment").asBoolean() || frame.path("ipv6").path("fragment").asBoolean();
        int stoppedAt = failed == null ? Integer.MAX_VALUE : depth(failed);
        String innermost = ours.isEmpty() ? "" : ours.get(ours.size() - 1);
        if (failed == null && depth(innermost) == 0) {
            // The link layer carries an EtherType Zerowire does not dissect (MACsec, MPLS, RARP...),
            // checked equal to tshark's above: what tshark finds inside is beyond Zerowire.
            return;
        }
        for (Map.Entry<String, String> layer : PRESENCE.entrySet()) {
            boolean transport = depth(layer.getKey()) == 2;
            if (fragment && transport || depth(layer.getKey()) > stoppedAt) {
                continue;
            }
            boolean z = ours.contains(layer.getKey());
            boolean w = theirs.contains(layer.getValue()) || layer.getKey().equals("igmp") && theirs.contains("dvmrp");
            counts.fields++;
            if (z != w) {
                disagreements.put(where + " presence." + layer.getKey(), "zerowire " + z + ", tshark " + w
                        + (frame.has("error") ? " (zerowire stopped: " + frame.get("error") + ")" : ""));
            }
        }
    }

    /** 0 for the link layer, 1 for ARP and IP, 2 above IP. */
    private static int depth(String layer) {
        return switch (layer) {
            case "arp", "ip", "ipv6" -> 1;
            case "icmp", "icmpv6", "igmp", "udp", "tcp" -> 2;
            default -> 0;
        };
    }

    /**
     * tshark's protocols of the outer stack: the link layer, the first IP header (with its
     * extension headers) and what that carries, but nothing an ICMP error quotes or a tunnel holds.
     */
    private static List<String> outerProtocols(String protocols) {
        List<String> result = new ArrayList<>();
        boolean afterIp = false;
        for (String p : protocols == null ? new String[0] : protocols.split(":")) {
            boolean ip = p.equals("ip") || p.equals("ipv6");
            if (afterIp && ip) {
                break;   // a tunnel's inner header (or tshark's IPv4 dissector handing a version 6 header on)
            }
            result.add(p);
            if (ip) {
                afterIp = true;
            } else if (afterIp && !p.startsWith("ipv6.")) {
                break;
            }
        }
        return result;
    }

    /** Runs {@code zerowire dissect --json} on the capture; one JSON object per line. */
    static List<JsonNode> zerowire(Path capture) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Zerowire.run(new String[] {"dissect", "--json", capture.toString()}, out,
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        assertThat(status).as("%s: %s", capture, err.toString(StandardCharsets.UTF_8))
                .isIn(ExitCodes.OK, ExitCodes.CORRUPT);
        List<JsonNode> frames = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                frames.add(JSON.readTree(line));
            }
        }
        return frames;
    }

    private static boolean same(List<String> ours, List<String> theirs) {
        if (ours.size() != theirs.size()) {
            return false;
        }
        for (int i = 0; i < ours.size(); i++) {
            if (!normalize(ours.get(i)).equals(normalize(theirs.get(i)))) {
                return false;
            }
        }
        return true;
    }

    /** Numbers in any base as decimal, booleans as 1 and 0, text in lower case. */
    private static String normalize(String value) {
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        if (v.equals("true")) {
            return "1";
        }
        if (v.equals("false")) {
            return "0";
        }
        try {
            return v.startsWith("0x") ? Long.toString(Long.parseLong(v.substring(2), 16)) : Long.toString(Long.parseLong(v));
        } catch (NumberFormatException e) {
            return v;
        }
    }

    /** tshark's values of {@code field}: from the first of its alternatives that tshark shows. */
    private static List<String> theirs(Field field, Tshark.Packet t, Map<String, List<String>> ordered) {
        for (String name : field.tshark().split("\\|")) {
            List<String> values = switch (field.source()) {
                case FIRST -> t.first(name) == null ? List.of() : List.of(t.first(name));
                case ALL -> t.all(name);
                case ORDERED -> endOfList(ordered.getOrDefault(name, List.of()));
            };
            if (!values.isEmpty()) {
                return values;
            }
        }
        return List.of();
    }

    /**
     * An option list up to its end-of-list option (kind 0): tshark shows every byte of the padding
     * after it as one more end-of-list, but the list ended at the first (RFC 9293, RFC 791).
     */
    private static List<String> endOfList(List<String> kinds) {
        int end = kinds.indexOf("0");
        return end < 0 ? kinds : kinds.subList(0, end + 1);
    }

    /** The option kinds of a layer's JSON, with the end-of-list option that ended them, if one did. */
    private static List<String> options(JsonNode layer, String key) {
        if (layer.isMissingNode()) {
            return List.of();
        }
        List<String> kinds = each(layer.path("options"), key);
        if (layer.path("endOfList").asBoolean()) {
            kinds.add("0");
        }
        return kinds;
    }

    private static Field one(String name, String tshark, String key) {
        return new Field(name, tshark, f -> text(f.get(key)), Source.FIRST);
    }

    private static Field one(String name, String tshark, String layer, String key) {
        return new Field(name, tshark, f -> text(f.path(layer).get(key)), Source.FIRST);
    }

    private static List<String> text(JsonNode node) {
        return node == null || node.isMissingNode() ? List.of() : List.of(node.asText());
    }

    private static List<String> each(JsonNode array, String key) {
        List<String> values = new ArrayList<>();
        array.forEach(e -> values.add(e.path(key).asText()));
        return values;
    }

    private static List<String> vlan(JsonNode frame, int tpid, String key) {
        List<String> values = new ArrayList<>();
        frame.path("vlan").forEach(tag -> {
            if (tag.path("tpid").asInt() == tpid) {
                values.add(tag.path(key).asText());
            }
        });
        return values;
    }

    private static List<String> chain(JsonNode frame, int type, String key) {
        List<String> values = new ArrayList<>();
        frame.path("ipv6").path("extensionHeaders").forEach(h -> {
            if (h.path("type").asInt() == type) {
                values.add(h.path(key).asText());
            }
        });
        return values;
    }

    /** The checksum verdict in tshark's numbers: 0 bad, 1 good, 2 unverified; 3 not present (UDP over IPv4). */
    private static List<String> status(JsonNode frame, String layer) {
        JsonNode status = frame.path(layer).get("checksumStatus");
        if (status == null) {
            return List.of();
        }
        return List.of(switch (status.asText()) {
            case "bad" -> "0";
            case "good" -> "1";
            case "none" -> "3";
            default -> "2";
        });
    }
}
