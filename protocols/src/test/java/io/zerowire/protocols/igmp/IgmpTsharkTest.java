package io.zerowire.protocols.igmp;

import static io.zerowire.protocols.icmp.Comparison.number;
import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.options.OptionsBuilder;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.icmp.Comparison;
import io.zerowire.protocols.icmp.IpFrames;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ipv4.Ipv4Builder;
import io.zerowire.protocols.ipv4.Ipv4OptionFormat;
import io.zerowire.protocols.ipv4.Ipv4Options;
import io.zerowire.protocols.testing.Corpus;
import io.zerowire.pcap.testing.TestEnvironment;
import io.zerowire.protocols.testing.Tshark;
import io.zerowire.serialize.Serializer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every IGMP message of every frame of every capture compared field by field with tshark: type,
 * version (RFC 3376 section 7.1), max response time, checksum and tshark's checksum verdict, group
 * address; for IGMPv3 queries S, QRV, QQIC and the sources; for IGMPv3 reports every group record
 * (type, auxiliary data length, number of sources, multicast address, sources).
 *
 * <p>tshark hands DVMRP (type 0x13) to its own dissector, whose fields are not in the shared JSON
 * run: for those frames a second tshark run reads {@code dvmrp.type} and
 * {@code dvmrp.checksum.status}, and our {@link IgmpMessageKind#OTHER} message must agree on both.
 * Checksum status 2 (unverified) must come from a fragment or a frame cut short; every other
 * status must equal ours.
 */
class IgmpTsharkTest {
    private static final Map<String, String> ALLOWED = Map.of();

    private final Comparison c = new Comparison(ALLOWED);
    private final Map<Path, Map<Integer, String[]>> dvmrp = new HashMap<>();
    private int frames;
    private int messages;
    private int records;
    private int verdicts;

    @Test
    void everyIgmpMessageAgreesWithTshark() throws Exception {
        List<Corpus.Capture> captures = Corpus.captures();
        List<Path> files = new ArrayList<>();
        captures.forEach(capture -> files.add(capture.file()));
        Tshark.prefetch(files);
        for (Corpus.Capture capture : captures) {
            Map<Integer, Tshark.Packet> dissection = Tshark.dissect(capture.file());
            for (Corpus.Frame frame : capture.frames()) {
                Tshark.Packet p = dissection.get(frame.number());
                if (p != null) {
                    compareFrame(frame, p);
                }
            }
        }
        System.out.printf("igmp vs tshark: %d frames, %d messages (%d checksum verdicts, %d group records), "
                + "%d field comparisons%n%s", frames, messages, verdicts, records, c.total(), c.summary());
        assertThat(c.disagreements()).as("disagreements with tshark").isEmpty();
        assertThat(c.allowedUsed()).as("allowlist entries that explain something").isEqualTo(ALLOWED.keySet());
        assertThat(messages).isGreaterThan(50);
        assertThat(c.count("igmp.qqic")).isPositive();
        assertThat(c.count("igmp.record_type")).isPositive();
        assertThat(c.count("dvmrp.checksum.status")).isPositive();
    }

    /**
     * Messages of every kind built with our builders and dissected by tshark, with what no capture
     * holds: IGMPv3 query sources, S and QRV set, codes of 128 and more, report records with
     * sources and auxiliary data.
     */
    @Test
    void builtMessagesAgreeWithTshark() throws Exception {
        Ipv4Address group = Ipv4Address.parse("239.1.2.3");
        Ipv4Address s1 = Ipv4Address.parse("192.0.2.1");
        Ipv4Address s2 = Ipv4Address.parse("192.0.2.2");
        IgmpV3QueryMessageBuilder sourceQuery = IgmpV3QueryMessageBuilder.groupAndSourceQuery(group, List.of(s1, s2))
                .maxResponseTime(240).querierQueryInterval(200);
        sourceQuery.query().suppressRouterProcessing(true).querierRobustnessVariable(3);
        List<byte[]> datagrams = List.of(
                igmp(IgmpMessageBuilder.v1Query()),
                igmp(IgmpMessageBuilder.v1Report(group)),
                igmp(IgmpMessageBuilder.v2Query(100, Ipv4Address.of(0))),
                igmp(IgmpMessageBuilder.v2Query(10, group)),
                igmp(IgmpMessageBuilder.v2Report(group)),
                igmp(IgmpMessageBuilder.leaveGroup(group)),
                igmp(IgmpV3QueryMessageBuilder.generalQuery()),
                igmp(sourceQuery),
                igmp(new IgmpV3ReportMessageBuilder()
                        .addRecord(IgmpRecordType.CHANGE_TO_EXCLUDE_MODE, group)
                        .addRecord(IgmpRecordType.ALLOW_NEW_SOURCES, Ipv4Address.parse("239.9.9.9"), List.of(s1, s2))
                        .addRecord(IgmpRecordType.MODE_IS_INCLUDE, group, List.of(s2), new byte[] {1, 2, 3, 4})));
        List<Corpus.Frame> frames = io.zerowire.protocols.icmp.BuiltCapture.write("igmp-built", datagrams);
        Map<Integer, Tshark.Packet> dissection = Tshark.dissect(frames.get(0).file());
        for (Corpus.Frame frame : frames) {
            compareFrame(frame, dissection.get(frame.number()));
        }
        System.out.printf("built igmp vs tshark: %d messages, %d field comparisons%n%s", messages, c.total(), c.summary());
        assertThat(c.disagreements()).as("disagreements with tshark").isEmpty();
        assertThat(messages).isEqualTo(datagrams.size());
        assertThat(verdicts).isEqualTo(datagrams.size());
        assertThat(records).isEqualTo(3);
        assertThat(c.count("igmp.saddr")).isEqualTo(5);
    }

    private static byte[] igmp(io.zerowire.serialize.PacketBuilder message) throws Exception {
        return Serializer.of(new byte[0]).encapsulate(message)
                .encapsulate(new Ipv4Builder().ttl(1).protocol(IpProtocol.IGMP).source(Ipv4Address.parse("192.0.2.9"))
                        .destination(Ipv4Address.parse("224.0.0.22"))
                        .options(new OptionsBuilder(Ipv4OptionFormat.FORMAT).addU16(Ipv4Options.ROUTER_ALERT, 0)))
                .serialize().toByteArray();
    }

    private void compareFrame(Corpus.Frame frame, Tshark.Packet p) throws Exception {
        IpFrames.Walk walk = IpFrames.walk(frame);
        Map<String, Integer> next = new HashMap<>();
        int reached = 0;
        for (IpFrames.Datagram d : walk.datagrams()) {
            if (d.ip().protocolValue() != 2 || d.ip().fragmentOffset() != 0) {
                continue;
            }
            reached++;
            compareMessage(frame, p, d, next);
        }
        int tshark = p.all("igmp.type").size() + (dvmrp(frame).length > 0 ? 1 : 0);
        if (reached > 0 || tshark > 0) {
            frames++;
            c.check(frame, "igmp (messages reached)", reached == tshark,
                    "we reached " + reached + " IGMP messages, tshark shows " + tshark + " (walk stopped by: "
                            + walk.stoppedBy() + ")");
        }
    }

    private void compareMessage(Corpus.Frame frame, Tshark.Packet p, IpFrames.Datagram d, Map<String, Integer> next)
            throws Exception {
        IgmpPacket igmp = new IgmpPacket();
        PacketBuffer payload = d.payload();
        try {
            igmp.wrapUnverified(payload);
        } catch (ParseException e) {
            String type = Comparison.at(p, "igmp.type", next.getOrDefault("igmp.type", 0));
            c.check(frame, "igmp (rejection)", e.kind() == ParseErrorKind.MALFORMED && (type == null || p.malformed()),
                    "we reject " + e.getMessage() + ", tshark shows type " + type);
            next.merge("igmp.type", 1, Integer::sum);
            return;
        }
        messages++;
        boolean unverifiable = d.fragment() || snapLengthCut(p);
        String[] dvmrpFields = dvmrp(frame);
        if (igmp.kind() == IgmpMessageKind.OTHER && dvmrpFields.length > 0) {
            c.equal(frame, "dvmrp.type", dvmrpFields[0], igmp.typeValue());
            compareVerdict(frame, "dvmrp.checksum.status", dvmrpFields[1], igmp, unverifiable || d.truncated());
            return;
        }
        c.equal(frame, "igmp.type", take(p, next, "igmp.type"), igmp.typeValue());
        c.equal(frame, "igmp.checksum", take(p, next, "igmp.checksum"), igmp.checksum());
        compareVerdict(frame, "igmp.checksum.status", take(p, next, "igmp.checksum.status"), igmp, unverifiable);
        String version = take(p, next, "igmp.version");
        if (igmp.kind() == IgmpMessageKind.OTHER) {
            c.check(frame, "igmp.version", version == null, "tshark version " + version + ", we know none");
            return;
        }
        c.equal(frame, "igmp.version", version, igmp.version());
        switch (igmp.kind()) {
            case V1_MEMBERSHIP_QUERY, V1_MEMBERSHIP_REPORT -> {
                c.equal(frame, "igmp.reserved", take(p, next, "igmp.reserved"),
                        String.format("%02x", igmp.maxResponseCode()));
                c.equal(frame, "igmp.maddr", take(p, next, "igmp.maddr"), igmp.groupAddress().groupAddress().toString());
            }
            case V2_MEMBERSHIP_QUERY, V2_MEMBERSHIP_REPORT, V2_LEAVE_GROUP -> {
                c.equal(frame, "igmp.max_resp", take(p, next, "igmp.max_resp"), igmp.maxResponseCode());
                c.equal(frame, "igmp.maddr", take(p, next, "igmp.maddr"), igmp.groupAddress().groupAddress().toString());
            }
            case V3_MEMBERSHIP_QUERY -> {
                IgmpV3Query query = igmp.v3Query();
                c.equal(frame, "igmp.max_resp", take(p, next, "igmp.max_resp"), igmp.maxResponseTime());
                c.equal(frame, "igmp.maddr", take(p, next, "igmp.maddr"), query.groupAddress().toString());
                c.equal(frame, "igmp.s", take(p, next, "igmp.s"), query.suppressRouterProcessing() ? 1 : 0);
                c.equal(frame, "igmp.qrv", take(p, next, "igmp.qrv"), query.querierRobustnessVariable());
                // tshark decodes the max response code but shows QQIC as the raw code.
                c.equal(frame, "igmp.qqic", take(p, next, "igmp.qqic"), query.querierQueryIntervalCode());
                c.equal(frame, "igmp.num_src", take(p, next, "igmp.num_src"), query.numberOfSources());
                for (int i = 0; i < query.numberOfSources(); i++) {
                    c.equal(frame, "igmp.saddr", take(p, next, "igmp.saddr"), igmp.source(i).toString());
                }
            }
            case V3_MEMBERSHIP_REPORT -> {
                c.equal(frame, "igmp.num_grp_recs", take(p, next, "igmp.num_grp_recs"),
                        igmp.v3Report().numberOfGroupRecords());
                IgmpGroupRecords it = igmp.records();
                while (it.next()) {
                    records++;
                    IgmpGroupRecord record = it.record();
                    c.equal(frame, "igmp.record_type", take(p, next, "igmp.record_type"), record.recordTypeValue());
                    c.equal(frame, "igmp.aux_data_len", take(p, next, "igmp.aux_data_len"), record.auxDataLength());
                    c.equal(frame, "igmp.num_src", take(p, next, "igmp.num_src"), record.numberOfSources());
                    c.equal(frame, "igmp.maddr", take(p, next, "igmp.maddr"), record.multicastAddress().toString());
                    for (int i = 0; i < record.numberOfSources(); i++) {
                        c.equal(frame, "igmp.saddr", take(p, next, "igmp.saddr"), it.source(i).toString());
                    }
                }
            }
            case OTHER -> { }
        }
    }

    private void compareVerdict(Corpus.Frame frame, String field, String status, IgmpPacket igmp, boolean unverifiable) {
        if (unverifiable) {
            c.check(frame, field + " (unverified)", "2".equals(status),
                    "a fragmented or cut-short message, tshark's status " + status);
            return;
        }
        verdicts++;
        c.equal(frame, field, status, igmp.checksumValid() ? "1" : "0");
        PacketBuffer again = PacketBuffer.wrap(igmp.array(), igmp.offset(), igmp.messageLength());
        boolean agrees;
        try {
            new IgmpPacket().wrap(again);
            agrees = igmp.checksumValid();
        } catch (ParseException e) {
            agrees = e.kind() == ParseErrorKind.CHECKSUM && !igmp.checksumValid();
        }
        c.check(frame, "igmp (verified parse)", agrees, "wrap and checksumValid() differ");
    }

    /** tshark's DVMRP type and checksum status for the frame, or an empty array. */
    private String[] dvmrp(Corpus.Frame frame) throws Exception {
        Map<Integer, String[]> fields = dvmrp.get(frame.file());
        if (fields == null) {
            fields = new HashMap<>();
            if (Tshark.dissect(frame.file()).values().stream().anyMatch(p -> "2".equals(p.first("ip.proto"))
                    || p.all("ip.proto").contains("2"))) {
                TestEnvironment.Run run = TestEnvironment.run(List.of(TestEnvironment.requireTshark().toString(), "-n",
                        "-r", frame.file().toString(), "-o", "ip.defragment:FALSE", "-T", "fields",
                        "-e", "frame.number", "-e", "dvmrp.type", "-e", "dvmrp.checksum.status"));
                for (String line : run.lines()) {
                    String[] columns = line.split("\t", -1);
                    if (columns.length == 3 && !columns[1].isEmpty()) {
                        fields.put(Integer.parseInt(columns[0]), new String[] {columns[1], columns[2]});
                    }
                }
            }
            dvmrp.put(frame.file(), fields);
        }
        return fields.getOrDefault(frame.number(), new String[0]);
    }

    private static boolean snapLengthCut(Tshark.Packet p) {
        Long length = number(p.first("frame.len"));
        Long captured = number(p.first("frame.cap_len"));
        return length != null && captured != null && length > captured;
    }

    private static String take(Tshark.Packet p, Map<String, Integer> next, String field) {
        int i = next.getOrDefault(field, 0);
        next.put(field, i + 1);
        return Comparison.at(p, field, i);
    }
}
