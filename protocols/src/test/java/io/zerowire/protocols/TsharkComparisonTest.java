package io.zerowire.protocols;

import io.zerowire.pcap.testing.TestEnvironment;
import io.zerowire.protocols.testing.Corpus;
import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.Bytes;
import io.zerowire.options.OptionsIterator;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.ethernet.Ethernet;
import io.zerowire.protocols.ethernet.VlanTag;
import io.zerowire.protocols.ipv4.Ipv4;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every Ethernet frame of every capture, parsed field by field and compared with tshark's dissection.
 *
 * <p>Where we parse a header, each of its fields must equal tshark's first occurrence (tshark also
 * lists the headers of tunnelled or quoted packets after the outer ones). Where we reject a header,
 * tshark's own values must say why: an 802.3 length ({@code eth.len}) for {@code UNSUPPORTED}
 * Ethernet, an ARP hardware/protocol type or size other than Ethernet/IPv4 for {@code UNSUPPORTED}
 * ARP, and for {@code MALFORMED} IPv4 the field we name must be the first one tshark's values break
 * (version, then header length, then total length, against the bytes captured). Any other
 * difference fails the test unless {@link #ALLOWED} explains it.
 */
class TsharkComparisonTest {
    /** Disagreements that are understood, as "dir/file#frame field" -> reason. Every entry must be used. */
    private static final Map<String, String> ALLOWED = Map.of();

    private static final List<String> FIELDS = List.of("frame.number", "frame.cap_len", "eth.dst", "eth.src",
            "eth.type", "eth.len", "vlan.id", "vlan.priority", "vlan.dei", "vlan.etype", "vlan.len", "ieee8021ad.id", "ieee8021ad.priority", "ieee8021ad.dei", "arp.hw.type",
            "arp.proto.type", "arp.hw.size", "arp.proto.size", "arp.opcode", "arp.src.hw_mac", "arp.src.proto_ipv4",
            "arp.dst.hw_mac", "arp.dst.proto_ipv4", "ip.version", "ip.hdr_len", "ip.dsfield.dscp", "ip.dsfield.ecn",
            "ip.len", "ip.id", "ip.flags.rb", "ip.flags.df", "ip.flags.mf", "ip.frag_offset", "ip.ttl", "ip.proto",
            "ip.checksum", "ip.checksum.status", "ip.src", "ip.dst", "ip.opt.type");

    private final Map<String, Integer> compared = new TreeMap<>();
    private final List<String> disagreements = new ArrayList<>();
    private final Set<String> allowedUsed = new HashSet<>();
    private int frames;
    private int files;

    @Test
    void everyEthernetFrameAgreesWithTshark() throws Exception {
        List<Corpus.Capture> captures = Corpus.captures();
        Path tshark = TestEnvironment.requireTshark();
        for (Corpus.Capture capture : captures) {
            List<Corpus.Frame> ethernet = capture.ethernetFrames();
            if (ethernet.isEmpty()) {
                continue;
            }
            files++;
            Map<Integer, Map<String, List<String>>> dissections = tshark(tshark, capture.file());
            for (Corpus.Frame frame : ethernet) {
                Map<String, List<String>> fields = dissections.get(frame.number());
                if (fields == null) {
                    disagree(frame, "frame.number", "tshark has no frame " + frame.number());
                    continue;
                }
                frames++;
                compare(frame, Dissection.of(frame.bytes()), fields);
            }
        }
        System.out.printf("tshark comparison: %d files, %d Ethernet frames, %d field comparisons%n", files, frames,
                compared.values().stream().mapToInt(Integer::intValue).sum());
        compared.forEach((field, count) -> System.out.printf("  %-22s %6d%n", field, count));
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
        assertThat(frames).isGreaterThan(1000);
        assertThat(compared.get("ip.src")).isGreaterThan(1000);
        assertThat(compared.get("arp.opcode")).isGreaterThan(100);
        assertThat(compared.get("vlan.id")).isPositive();
        assertThat(compared.get("ip.opt.type")).isPositive();
    }

    private void compare(Corpus.Frame frame, Dissection d, Map<String, List<String>> t) {
        ParseException error = d.error;
        if (d.ethernet == null) {
            if (error.kind() == ParseErrorKind.UNSUPPORTED) {
                check(frame, "eth.len", first(t, "eth.len") != null && first(t, "eth.type") == null,
                        "we say 802.3 length, tshark eth.len=" + first(t, "eth.len") + " eth.type=" + first(t, "eth.type"));
            } else {
                check(frame, "eth (rejection)", frame.bytes().length < Ethernet.FIXED_LENGTH,
                        "rejected a frame of " + frame.bytes().length + " bytes: " + error.getMessage());
            }
            return;
        }
        Ethernet eth = d.ethernet;
        equal(frame, "eth.dst", first(t, "eth.dst"), eth.destination().toString());
        equal(frame, "eth.src", first(t, "eth.src"), eth.source().toString());
        equal(frame, "eth.type", number(first(t, "eth.type")), (long) eth.etherTypeValue());

        // tshark dissects a tag after 0x8100 as "vlan" and a tag after 0x88a8 as "ieee8021ad" (no etype field).
        int customerTags = 0;
        int serviceTags = 0;
        int tagType = eth.etherTypeValue();
        for (VlanTag tag : d.tags) {
            if (tagType == 0x88A8) {
                int i = serviceTags++;
                equal(frame, "ieee8021ad.id", number(at(t, "ieee8021ad.id", i)), (long) tag.vlanId());
                equal(frame, "ieee8021ad.priority", number(at(t, "ieee8021ad.priority", i)), (long) tag.priority());
                equal(frame, "ieee8021ad.dei", number(at(t, "ieee8021ad.dei", i)), tag.dropEligible() ? 1L : 0L);
            } else {
                int i = customerTags++;
                equal(frame, "vlan.id", number(at(t, "vlan.id", i)), (long) tag.vlanId());
                equal(frame, "vlan.priority", number(at(t, "vlan.priority", i)), (long) tag.priority());
                equal(frame, "vlan.dei", number(at(t, "vlan.dei", i)), tag.dropEligible() ? 1L : 0L);
                equal(frame, "vlan.etype", number(at(t, "vlan.etype", i)), (long) tag.etherTypeValue());
            }
            tagType = tag.etherTypeValue();
        }
        if (error != null && d.payloadType == null) {
            // A tag was rejected: too short, or its inner type is an 802.3 length.
            if (error.kind() == ParseErrorKind.UNSUPPORTED) {
                check(frame, "vlan.len", t.containsKey("vlan.len"),
                        "we say 802.3 length in a tag; tshark vlan.len=" + t.get("vlan.len"));
            } else {
                check(frame, "vlan (rejection)", frame.bytes().length < 14 + 4 * (d.tags.size() + 1),
                        "tag rejected: " + error.getMessage());
            }
            return;
        }
        int available = frame.bytes().length - (14 + 4 * d.tags.size());
        if (d.payloadType.value() == 0x0806) {
            compareArp(frame, d, t, available);
        } else if (d.payloadType.value() == 0x0800) {
            compareIpv4(frame, d, t, available);
        }
    }

    private void compareArp(Corpus.Frame frame, Dissection d, Map<String, List<String>> t, int available) {
        if (d.arp == null) {
            ParseException e = d.error;
            if (e.kind() == ParseErrorKind.UNSUPPORTED) {
                boolean other = !Long.valueOf(1).equals(number(first(t, "arp.hw.type")))
                        || !Long.valueOf(0x0800).equals(number(first(t, "arp.proto.type")))
                        || !Long.valueOf(6).equals(number(first(t, "arp.hw.size")))
                        || !Long.valueOf(4).equals(number(first(t, "arp.proto.size")));
                check(frame, "arp (unsupported)", other, "we say unsupported (" + e.getMessage() + "), tshark hw.type="
                        + first(t, "arp.hw.type") + " proto.type=" + first(t, "arp.proto.type"));
            } else {
                check(frame, "arp (rejection)", available < 28, "rejected ARP of " + available + " bytes: " + e.getMessage());
            }
            return;
        }
        equal(frame, "arp.hw.type", number(first(t, "arp.hw.type")), 1L);
        equal(frame, "arp.proto.type", number(first(t, "arp.proto.type")), 0x0800L);
        equal(frame, "arp.opcode", number(first(t, "arp.opcode")), (long) d.arp.operationValue());
        equal(frame, "arp.src.hw_mac", first(t, "arp.src.hw_mac"), d.arp.senderHardwareAddress().toString());
        equal(frame, "arp.src.proto_ipv4", first(t, "arp.src.proto_ipv4"), d.arp.senderProtocolAddress().toString());
        equal(frame, "arp.dst.hw_mac", first(t, "arp.dst.hw_mac"), d.arp.targetHardwareAddress().toString());
        equal(frame, "arp.dst.proto_ipv4", first(t, "arp.dst.proto_ipv4"), d.arp.targetProtocolAddress().toString());
    }

    private void compareIpv4(Corpus.Frame frame, Dissection d, Map<String, List<String>> t, int available) {
        Ipv4 ip = d.ip;
        if (ip == null) {
            ParseException e = d.error;
            String expected;
            Long version = number(first(t, "ip.version"));
            Long headerLength = number(first(t, "ip.hdr_len"));
            Long totalLength = number(first(t, "ip.len"));
            int rawTotalLength = available >= 4 ? Bytes.u16(frame.bytes(), d.payloadOffset + 2) : -1;
            if (available < Ipv4.FIXED_LENGTH) {
                expected = "";
            } else if (rawTotalLength == 0 && Long.valueOf(4).equals(version)) {
                // Total length 0 is what TCP segmentation offload leaves in captures: tshark substitutes
                // the captured length ("assuming TSO"), we reject the header as it is on the wire.
                expected = "totalLength";
            } else if (version == null || version != 4) {
                expected = "version";
            } else if (headerLength == null || headerLength < 20 || headerLength > available) {
                expected = "ihl";
            } else if (totalLength == null || totalLength < headerLength || totalLength > available) {
                expected = "totalLength";
            } else {
                expected = "options (tshark found no length problem)";
            }
            check(frame, "ip (rejection)", e.kind() == ParseErrorKind.MALFORMED && e.field().equals(expected),
                    "we reject " + e.getMessage() + "; tshark's values point at '" + expected + "' (version=" + version
                            + " hdr_len=" + headerLength + " len=" + totalLength + " available=" + available + ")");
            return;
        }
        equal(frame, "ip.version", number(first(t, "ip.version")), (long) ip.version());
        equal(frame, "ip.hdr_len", number(first(t, "ip.hdr_len")), (long) ip.headerLength());
        equal(frame, "ip.dsfield.dscp", number(first(t, "ip.dsfield.dscp")), (long) ip.dscp());
        equal(frame, "ip.dsfield.ecn", number(first(t, "ip.dsfield.ecn")), (long) ip.ecn());
        equal(frame, "ip.len", number(first(t, "ip.len")), (long) ip.totalLength());
        equal(frame, "ip.id", number(first(t, "ip.id")), (long) ip.identification());
        equal(frame, "ip.flags.rb", number(first(t, "ip.flags.rb")), ip.reservedFlag() ? 1L : 0L);
        equal(frame, "ip.flags.df", number(first(t, "ip.flags.df")), ip.dontFragment() ? 1L : 0L);
        equal(frame, "ip.flags.mf", number(first(t, "ip.flags.mf")), ip.moreFragments() ? 1L : 0L);
        equal(frame, "ip.frag_offset", number(first(t, "ip.frag_offset")), (long) ip.fragmentOffset());
        equal(frame, "ip.ttl", number(first(t, "ip.ttl")), (long) ip.ttl());
        equal(frame, "ip.proto", number(first(t, "ip.proto")), (long) ip.protocolValue());
        equal(frame, "ip.checksum", number(first(t, "ip.checksum")), (long) ip.headerChecksum());
        equal(frame, "ip.src", first(t, "ip.src"), ip.source().toString());
        equal(frame, "ip.dst", first(t, "ip.dst"), ip.destination().toString());
        String status = first(t, "ip.checksum.status");
        if ("0".equals(status) || "1".equals(status)) {
            equal(frame, "ip.checksum.status", status, ip.checksumValid() ? "1" : "0");
        }
        List<String> ours = new ArrayList<>();
        OptionsIterator options = ip.options();
        while (options.next()) {
            ours.add(Integer.toString(options.kind()));
        }
        if (options.hasEndOfList()) {
            ours.add("0");
        }
        List<String> theirs = t.getOrDefault("ip.opt.type", List.of());
        if (t.getOrDefault("ip.src", List.of()).size() > 1 && theirs.size() > ours.size()) {
            theirs = theirs.subList(0, ours.size()); // the rest belong to an inner (quoted or tunnelled) header
        }
        if (!ours.isEmpty() || !theirs.isEmpty()) {
            equal(frame, "ip.opt.type", String.join(",", theirs), String.join(",", ours));
        }
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

    private static String first(Map<String, List<String>> t, String field) {
        return at(t, field, 0);
    }

    private static String at(Map<String, List<String>> t, String field, int i) {
        List<String> values = t.get(field);
        return values != null && values.size() > i ? values.get(i) : null;
    }

    private static Long number(String text) {
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

    /** tshark's fields per frame number, each a list of occurrences. */
    private static Map<Integer, Map<String, List<String>>> tshark(Path tshark, Path file) throws Exception {
        List<String> command = new ArrayList<>(List.of(tshark.toString(), "-n", "-r", file.toString(),
                "-o", "ip.check_checksum:TRUE", "-o", "ip.defragment:FALSE", "-T", "fields", "-E", "separator=/t",
                "-E", "occurrence=a", "-E", "aggregator=,"));
        for (String field : FIELDS) {
            command.add("-e");
            command.add(field);
        }
        TestEnvironment.Run run = TestEnvironment.run(command);
        Map<Integer, Map<String, List<String>>> result = new HashMap<>();
        for (String line : run.lines()) {
            String[] columns = line.split("\t", -1);
            Map<String, List<String>> fields = new HashMap<>();
            for (int i = 0; i < FIELDS.size() && i < columns.length; i++) {
                if (!columns[i].isEmpty()) {
                    fields.put(FIELDS.get(i), List.of(columns[i].split(",", -1)));
                }
            }
            result.put(Integer.parseInt(columns[0]), fields);
        }
        return result;
    }
}
