package io.zerowire.protocols.igmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.options.OptionsBuilder;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ipv4.Ipv4;
import io.zerowire.protocols.ipv4.Ipv4Builder;
import io.zerowire.protocols.ipv4.Ipv4OptionFormat;
import io.zerowire.protocols.ipv4.Ipv4Options;
import io.zerowire.serialize.PacketBuilder;
import io.zerowire.serialize.Serializer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class IgmpPacketTest {
    private static final Ipv4Address GROUP = Ipv4Address.parse("239.1.2.3");
    private static final Ipv4Address S1 = Ipv4Address.parse("192.0.2.1");
    private static final Ipv4Address S2 = Ipv4Address.parse("192.0.2.2");
    private static final Ipv4Address S3 = Ipv4Address.parse("192.0.2.3");

    private static PacketBuffer build(PacketBuilder message) throws Exception {
        return Serializer.of(new byte[0]).encapsulate(message).serialize();
    }

    private static byte[] bytes(PacketBuilder message) throws Exception {
        return build(message).toByteArray();
    }

    @Test
    void versionsFollowRfc3376Section71() throws Exception {
        IgmpPacket igmp = new IgmpPacket();
        igmp.wrap(build(IgmpMessageBuilder.v1Query()));
        assertThat(igmp.kind()).isEqualTo(IgmpMessageKind.V1_MEMBERSHIP_QUERY);
        assertThat(igmp.version()).isEqualTo(1);
        assertThat(igmp.maxResponseTime()).isEqualTo(100); // RFC 2236 section 4: read as 10 seconds

        igmp.wrap(build(IgmpMessageBuilder.v2Query(55, GROUP)));
        assertThat(igmp.kind()).isEqualTo(IgmpMessageKind.V2_MEMBERSHIP_QUERY);
        assertThat(igmp.maxResponseTime()).isEqualTo(55);
        assertThat(igmp.groupAddress().groupAddress()).isEqualTo(GROUP);

        igmp.wrap(build(IgmpV3QueryMessageBuilder.generalQuery()));
        assertThat(igmp.kind()).isEqualTo(IgmpMessageKind.V3_MEMBERSHIP_QUERY);
        assertThat(igmp.version()).isEqualTo(3);

        assertThat(IgmpPacket.parse(build(IgmpMessageBuilder.v1Report(GROUP))).kind())
                .isEqualTo(IgmpMessageKind.V1_MEMBERSHIP_REPORT);
        assertThat(IgmpPacket.parse(build(IgmpMessageBuilder.v2Report(GROUP))).kind())
                .isEqualTo(IgmpMessageKind.V2_MEMBERSHIP_REPORT);
        assertThat(IgmpPacket.parse(build(IgmpMessageBuilder.leaveGroup(GROUP))).kind())
                .isEqualTo(IgmpMessageKind.V2_LEAVE_GROUP);
        assertThat(IgmpPacket.parse(build(new IgmpV3ReportMessageBuilder())).kind())
                .isEqualTo(IgmpMessageKind.V3_MEMBERSHIP_REPORT);

        // A query of 9 to 11 bytes is no version at all; shorter than 8 is too short for any.
        byte[] v2 = bytes(IgmpMessageBuilder.v2Query(10, GROUP));
        for (int extra = 1; extra <= 3; extra++) {
            byte[] odd = Arrays.copyOf(v2, 8 + extra);
            assertRejected(new IgmpPacket(), odd, ParseErrorKind.MALFORMED, "igmp", "");
        }
        assertRejected(new IgmpPacket(), Arrays.copyOf(v2, 7), ParseErrorKind.MALFORMED, "igmp", "");
        assertRejected(new IgmpPacket(), Arrays.copyOf(bytes(IgmpMessageBuilder.v2Report(GROUP)), 6),
                ParseErrorKind.MALFORMED, "igmp-group", "");
    }

    @Test
    void v2JoinInIpv4WithRouterAlert() throws Exception {
        PacketBuffer packet = Serializer.of(new byte[0]).encapsulate(IgmpMessageBuilder.v2Report(GROUP))
                .encapsulate(new Ipv4Builder().ttl(1).protocol(IpProtocol.IGMP).source(S1).destination(GROUP)
                        .options(new OptionsBuilder(Ipv4OptionFormat.FORMAT).addU16(Ipv4Options.ROUTER_ALERT, 0)))
                .serialize();
        assertThat(packet.bodyLength()).isEqualTo(24 + 8);
        Ipv4.parse(packet);
        IgmpPacket igmp = IgmpPacket.parse(packet);
        assertThat(igmp.type()).isEqualTo(IgmpType.V2_MEMBERSHIP_REPORT);
        assertThat(igmp.groupAddress().groupAddress()).isEqualTo(GROUP);
        assertThat(igmp.checksumValid()).isTrue();
        assertThat(packet.bodyLength()).isZero();
        assertThatThrownBy(igmp::maxResponseTime).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(igmp::records).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void v3QueryWithSourcesAndAdditionalData() throws Exception {
        IgmpV3QueryMessageBuilder builder = IgmpV3QueryMessageBuilder.groupAndSourceQuery(GROUP, List.of(S1, S2))
                .maxResponseTime(240).querierQueryInterval(125);
        builder.query().suppressRouterProcessing(true).querierRobustnessVariable(3);
        byte[] extra = {9, 9, 9, 9};
        PacketBuffer packet = Serializer.of(extra).encapsulate(builder).serialize();
        assertThat(packet.bodyLength()).isEqualTo(12 + 8 + 4);
        IgmpPacket igmp = IgmpPacket.parse(packet);
        assertThat(igmp.maxResponseCode()).isEqualTo(0x8e); // 240 = (0xe | 0x10) << 3
        assertThat(igmp.maxResponseTime()).isEqualTo(240);
        IgmpV3Query query = igmp.v3Query();
        assertThat(query.groupAddress()).isEqualTo(GROUP);
        assertThat(query.suppressRouterProcessing()).isTrue();
        assertThat(query.querierRobustnessVariable()).isEqualTo(3);
        assertThat(igmp.querierQueryInterval()).isEqualTo(125);
        assertThat(query.numberOfSources()).isEqualTo(2);
        assertThat(igmp.source(0)).isEqualTo(S1);
        assertThat(Ipv4Address.of(igmp.sourceBits(1))).isEqualTo(S2);
        assertThatThrownBy(() -> igmp.source(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(packet.toByteArray()).isEqualTo(extra); // additional data: ignored, checksummed
        assertThat(igmp.toString()).contains("sources=[192.0.2.1 192.0.2.2]");
        igmp.undoParse(packet);
        assertThat(packet.bodyLength()).isEqualTo(24);
    }

    @Test
    void v3QueryDefaultsAreRfc3376s() throws Exception {
        IgmpPacket igmp = IgmpPacket.parse(build(IgmpV3QueryMessageBuilder.generalQuery()));
        assertThat(igmp.maxResponseTime()).isEqualTo(100); // Query Response Interval, section 8.3
        assertThat(igmp.v3Query().querierRobustnessVariable()).isEqualTo(2); // section 8.1
        assertThat(igmp.querierQueryInterval()).isEqualTo(125); // section 8.2
        assertThat(igmp.v3Query().groupAddress()).isEqualTo(Ipv4Address.of(0));
    }

    @Test
    void v3ReportRecordsIterateWithoutAllocating() throws Exception {
        byte[] aux = {1, 2, 3, 4, 5, 6, 7, 8};
        PacketBuffer packet = build(new IgmpV3ReportMessageBuilder()
                .addRecord(IgmpRecordType.CHANGE_TO_EXCLUDE_MODE, GROUP)
                .addRecord(IgmpRecordType.MODE_IS_INCLUDE, S3, List.of(S1, S2))
                .addRecord(IgmpRecordType.of(99), GROUP, List.of(S3), aux));
        assertThat(packet.bodyLength()).isEqualTo(8 + 8 + (8 + 8) + (8 + 4 + 8));
        IgmpPacket igmp = IgmpPacket.parse(packet);
        assertThat(igmp.v3Report().numberOfGroupRecords()).isEqualTo(3);
        IgmpGroupRecords records = igmp.records();
        assertThat(records.count()).isEqualTo(3);
        assertThatThrownBy(records::record).isInstanceOf(IllegalStateException.class);

        assertThat(records.next()).isTrue();
        assertThat(records.record().recordType()).isEqualTo(IgmpRecordType.CHANGE_TO_EXCLUDE_MODE);
        assertThat(records.record().multicastAddress()).isEqualTo(GROUP);
        assertThat(records.record().numberOfSources()).isZero();
        assertThat(records.recordLength()).isEqualTo(8);

        assertThat(records.next()).isTrue();
        assertThat(records.record().recordType()).isEqualTo(IgmpRecordType.MODE_IS_INCLUDE);
        assertThat(records.source(0)).isEqualTo(S1);
        assertThat(records.source(1)).isEqualTo(S2);
        assertThatThrownBy(() -> records.sourceBits(2)).isInstanceOf(IndexOutOfBoundsException.class);

        assertThat(records.next()).isTrue();
        assertThat(records.record().recordType().isKnown()).isFalse();
        assertThat(records.record().auxDataLength()).isEqualTo(2);
        assertThat(records.auxDataBytes()).isEqualTo(8);
        assertThat(Arrays.copyOfRange(records.array(), records.auxDataOffset(), records.auxDataOffset() + 8))
                .isEqualTo(aux);
        assertThat(records.index()).isEqualTo(2);
        assertThat(records.next()).isFalse();

        assertThat(igmp.records().next()).isTrue(); // rewound
        assertThat(igmp.records().index()).isEqualTo(-1);
    }

    @Test
    void boundsAreEnforcedWithTypedErrors() throws Exception {
        byte[] report = bytes(new IgmpV3ReportMessageBuilder()
                .addRecord(IgmpRecordType.ALLOW_NEW_SOURCES, GROUP, List.of(S1, S2))
                .addRecord(IgmpRecordType.BLOCK_OLD_SOURCES, GROUP, List.of(S3))
                .addRecord(IgmpRecordType.MODE_IS_EXCLUDE, GROUP));
        // the bound on sources is per record (2 here at most), as MLDv2's
        assertThat(new IgmpPacket(3, 2).wrap(PacketBuffer.wrap(report.clone())).records().count()).isEqualTo(3);
        assertRejected(new IgmpPacket(2, 3), report, ParseErrorKind.UNSUPPORTED, "igmpv3-report", "numberOfGroupRecords");
        assertRejected(new IgmpPacket(3, 1), report, ParseErrorKind.UNSUPPORTED, "igmpv3-group-record", "numberOfSources");

        byte[] query = bytes(IgmpV3QueryMessageBuilder.groupAndSourceQuery(GROUP, List.of(S1, S2, S3)));
        assertRejected(new IgmpPacket(0, 2), query, ParseErrorKind.UNSUPPORTED, "igmpv3-query", "numberOfSources");

        // Counts that run past the end of the message are malformed, whatever the bounds.
        byte[] tooManySources = query.clone();
        tooManySources[4 + IgmpV3Query.NUMBER_OF_SOURCES_OFFSET + 1] = 4;
        assertRejected(new IgmpPacket(), tooManySources, ParseErrorKind.MALFORMED, "igmpv3-query", "numberOfSources");
        byte[] tooManyRecords = report.clone();
        tooManyRecords[4 + IgmpV3Report.NUMBER_OF_GROUP_RECORDS_OFFSET + 1] = 4;
        assertRejected(new IgmpPacket(), tooManyRecords, ParseErrorKind.MALFORMED, "igmpv3-report", "numberOfGroupRecords");
        byte[] longRecord = report.clone();
        longRecord[8 + IgmpGroupRecord.AUX_DATA_LENGTH_OFFSET] = 1;
        assertRejected(new IgmpPacket(), longRecord, ParseErrorKind.MALFORMED, "igmpv3-group-record", "numberOfSources");

        assertThatThrownBy(() -> new IgmpPacket(IgmpPacket.MAX_GROUP_RECORDS + 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(IgmpPacket.MAX_SOURCES).isEqualTo(1024);
        assertThat(IgmpPacket.MAX_GROUP_RECORDS).isEqualTo(1024);
    }

    @Test
    void buildersEnforceTheSameBounds() throws Exception {
        IgmpV3QueryMessageBuilder query = IgmpV3QueryMessageBuilder.generalQuery();
        for (int i = 0; i < IgmpPacket.MAX_SOURCES; i++) {
            query.addSource(Ipv4Address.of(i));
        }
        assertThatThrownBy(() -> query.addSource(S1)).isInstanceOf(IllegalStateException.class);
        PacketBuffer largest = Serializer.of(new byte[0]).encapsulate(query)
                .encapsulate(new Ipv4Builder().protocol(IpProtocol.IGMP)).serialize();
        assertThat(largest.bodyLength()).isEqualTo(20 + 12 + 4 * 1024);
        Ipv4.parse(largest);
        assertThat(IgmpPacket.parse(largest).v3Query().numberOfSources()).isEqualTo(IgmpPacket.MAX_SOURCES);

        IgmpV3ReportMessageBuilder report = new IgmpV3ReportMessageBuilder();
        for (int i = 0; i < IgmpPacket.MAX_GROUP_RECORDS; i++) {
            report.addRecord(IgmpRecordType.MODE_IS_EXCLUDE, GROUP);
        }
        assertThatThrownBy(() -> report.addRecord(IgmpRecordType.MODE_IS_EXCLUDE, GROUP))
                .isInstanceOf(IllegalStateException.class);
        List<Ipv4Address> many = new ArrayList<>();
        for (int i = 0; i <= IgmpPacket.MAX_SOURCES; i++) {
            many.add(S1);
        }
        assertThatThrownBy(() -> new IgmpV3ReportMessageBuilder().addRecord(IgmpRecordType.ALLOW_NEW_SOURCES, GROUP, many))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new IgmpV3ReportMessageBuilder()
                .addRecord(IgmpRecordType.ALLOW_NEW_SOURCES, GROUP, List.of(), new byte[3]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IgmpMessageBuilder.v2Query(0, GROUP)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timeCodesFollowRfc3376Section411() {
        assertThat(IgmpTimeCode.decode(100)).isEqualTo(100);
        assertThat(IgmpTimeCode.decode(0xfe)).isEqualTo(30720); // exp 7, mant 0xe: tshark's 30720
        assertThat(IgmpTimeCode.decode(0xff)).isEqualTo(IgmpTimeCode.MAX_VALUE);
        for (int code = 0; code < 256; code++) {
            assertThat(IgmpTimeCode.encode(IgmpTimeCode.decode(code))).as("code %d", code).isEqualTo(code);
        }
        assertThat(IgmpTimeCode.encode(241)).isEqualTo(0x8e); // rounded down to 240
        assertThatThrownBy(() -> IgmpTimeCode.encode(IgmpTimeCode.MAX_VALUE + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IgmpTimeCode.decode(256)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void otherTypesAreKeptAndLongerV2MessagesKeepTheirTail() throws Exception {
        byte[] dvmrp = {0x13, 5, 0, 0, 0, 0x0a, 4, 0x0c};
        PacketBuffer message = Serializer.of(Arrays.copyOfRange(dvmrp, 4, 8))
                .encapsulate(new IgmpHeaderBuilder().type(IgmpType.DVMRP).maxResponseCode(5)).serialize();
        IgmpPacket igmp = IgmpPacket.parse(message);
        assertThat(igmp.kind()).isEqualTo(IgmpMessageKind.OTHER);
        assertThat(igmp.version()).isZero();
        assertThat(igmp.type()).isEqualTo(IgmpType.DVMRP);
        assertThat(message.bodyLength()).isEqualTo(4);
        assertThatThrownBy(igmp::groupAddress).isInstanceOf(IllegalStateException.class);

        PacketBuffer longer = Serializer.of(new byte[] {7, 7, 7, 7}).encapsulate(IgmpMessageBuilder.v2Report(GROUP))
                .serialize();
        igmp.wrap(longer);
        assertThat(igmp.kind()).isEqualTo(IgmpMessageKind.V2_MEMBERSHIP_REPORT);
        assertThat(longer.toByteArray()).isEqualTo(new byte[] {7, 7, 7, 7});
        assertThat(igmp.messageLength()).isEqualTo(12);
    }

    @Test
    void checksumIsVerifiedAndKeptRight() throws Exception {
        byte[] report = bytes(IgmpMessageBuilder.v2Report(GROUP));
        report[7] ^= 1;
        assertRejected(new IgmpPacket(), report, ParseErrorKind.CHECKSUM, "igmp", "checksum");
        IgmpPacket igmp = new IgmpPacket().wrapUnverified(PacketBuffer.wrap(report));
        assertThat(igmp.checksumValid()).isFalse();
        igmp.updateChecksum();
        assertThat(igmp.checksumValid()).isTrue();
        igmp.groupAddress().setGroupAddress(S1);
        assertThat(igmp.checksumValid()).isFalse();
        igmp.updateChecksum();
        assertThat(igmp.checksumValid()).isTrue();
    }

    static void assertRejected(IgmpPacket parser, byte[] bytes, ParseErrorKind kind, String layer, String field) {
        PacketBuffer buffer = PacketBuffer.wrap(bytes.clone());
        assertThatThrownBy(() -> parser.wrap(buffer)).isInstanceOfSatisfying(ParseException.class, e -> {
            assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
            assertThat(e.layer()).as(e.getMessage()).isEqualTo(layer);
            assertThat(e.field()).as(e.getMessage()).isEqualTo(field);
        });
        assertThat(buffer.bodyStart()).isZero();
        assertThat(buffer.bodyLength()).isEqualTo(bytes.length);
    }
}
