package io.zerowire.protocols.icmpv6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv6;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.icmpv6.mld.MldBuilder;
import io.zerowire.protocols.icmpv6.mld.Mldv2;
import io.zerowire.protocols.icmpv6.mld.Mldv2QueryBuilder;
import io.zerowire.protocols.icmpv6.mld.Mldv2Records;
import io.zerowire.protocols.icmpv6.mld.Mldv2RecordsBuilder;
import io.zerowire.protocols.icmpv6.mld.Mldv2ReportBuilder;
import io.zerowire.protocols.icmpv6.mld.SourceAddressesBuilder;
import io.zerowire.serialize.InnerPacketBuilder;
import io.zerowire.serialize.PacketBuilder;
import io.zerowire.serialize.Serializer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MldTest {
    static final Ipv6Address LINK_LOCAL = Ipv6Address.parse("fe80::1");
    static final Ipv6Address GROUP = Ipv6Address.parse("ff02::db8:1");
    static final Ipv6Address MLDV2_ROUTERS = Ipv6Address.parse("ff02::16");

    static byte[] build(InnerPacketBuilder body, PacketBuilder message, Icmpv6Type type, Ipv6Address source,
            Ipv6Address destination) throws Exception {
        return Serializer.of(body).encapsulate(message).encapsulate(new Icmpv6HeaderBuilder().type(type)
                .addresses(source, destination)).serialize().toByteArray();
    }

    static ParseException failure(byte[] bytes, Ipv6Address destination) {
        PacketBuffer buffer = PacketBuffer.wrap(bytes);
        try {
            new Icmpv6Packet().wrap(buffer, LINK_LOCAL, destination);
        } catch (ParseException e) {
            assertThat(buffer.bodyStart()).isZero();
            return e;
        }
        throw new AssertionError("parsed");
    }

    static List<Ipv6Address> sources(int n) {
        List<Ipv6Address> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(Ipv6Address.of(0x20010db800000000L, i));
        }
        return list;
    }

    @Test
    void queryVersionFollowsTheLength() throws Exception {
        byte[] v1 = build(InnerPacketBuilder.of(new byte[0]), new MldBuilder().maximumResponseDelay(10_000),
                Icmpv6Type.MULTICAST_LISTENER_QUERY, LINK_LOCAL, Ipv6.ALL_NODES_LINK_LOCAL_MULTICAST);
        assertThat(v1).hasSize(24);
        Icmpv6Packet query = Icmpv6Packet.parse(PacketBuffer.wrap(v1), LINK_LOCAL, Ipv6.ALL_NODES_LINK_LOCAL_MULTICAST);
        assertThat(query.message()).isEqualTo(Icmpv6Message.MLD_QUERY);
        assertThat(query.mld().maximumResponseDelay()).isEqualTo(10_000);
        for (int extra = 1; extra <= 3; extra++) {
            byte[] between = build(InnerPacketBuilder.of(new byte[extra]), new MldBuilder(),
                    Icmpv6Type.MULTICAST_LISTENER_QUERY, LINK_LOCAL, Ipv6.ALL_NODES_LINK_LOCAL_MULTICAST);
            ParseException e = failure(between, Ipv6.ALL_NODES_LINK_LOCAL_MULTICAST);
            assertThat(e.kind()).isEqualTo(ParseErrorKind.MALFORMED);
            assertThat(e.detail()).contains("neither MLDv1 (24 bytes) nor MLDv2");
        }
        byte[] v2 = build(new SourceAddressesBuilder(), new Mldv2QueryBuilder().querierRobustnessVariable(2)
                .querierQueryIntervalCode(125), Icmpv6Type.MULTICAST_LISTENER_QUERY, LINK_LOCAL,
                Ipv6.ALL_NODES_LINK_LOCAL_MULTICAST);
        assertThat(v2).hasSize(28);
        Icmpv6Packet v2Query = Icmpv6Packet.parse(PacketBuffer.wrap(v2), LINK_LOCAL, Ipv6.ALL_NODES_LINK_LOCAL_MULTICAST);
        assertThat(v2Query.message()).isEqualTo(Icmpv6Message.MLDV2_QUERY);
        assertThat(v2Query.querySources().count()).isZero();
        // A report of more than 24 bytes is still MLDv1: only queries are told apart by length.
        byte[] report = build(InnerPacketBuilder.of(new byte[6]), new MldBuilder().multicastAddress(GROUP),
                Icmpv6Type.MULTICAST_LISTENER_REPORT, LINK_LOCAL, GROUP);
        assertThat(Icmpv6Packet.parse(PacketBuffer.wrap(report), LINK_LOCAL, GROUP).message())
                .isEqualTo(Icmpv6Message.MLD_REPORT);
    }

    @Test
    void querySourcesAreBounded() throws Exception {
        SourceAddressesBuilder most = new SourceAddressesBuilder().addAll(sources(Mldv2.MAX_SOURCES));
        byte[] atBound = build(most, new Mldv2QueryBuilder().numberOfSources(most.count()),
                Icmpv6Type.MULTICAST_LISTENER_QUERY, LINK_LOCAL, GROUP);
        Icmpv6Packet query = Icmpv6Packet.parse(PacketBuffer.wrap(atBound), LINK_LOCAL, GROUP);
        assertThat(query.querySources().count()).isEqualTo(Mldv2.MAX_SOURCES);
        assertThat(query.querySources().get(1023)).isEqualTo(Ipv6Address.of(0x20010db800000000L, 1023));

        SourceAddressesBuilder tooMany = new SourceAddressesBuilder().addAll(sources(Mldv2.MAX_SOURCES + 1));
        byte[] above = build(tooMany, new Mldv2QueryBuilder().numberOfSources(tooMany.count()),
                Icmpv6Type.MULTICAST_LISTENER_QUERY, LINK_LOCAL, GROUP);
        ParseException e = failure(above, GROUP);
        assertThat(e.kind()).isEqualTo(ParseErrorKind.UNSUPPORTED);
        assertThat(e.layer()).isEqualTo("mldv2-query");
        assertThat(e.field()).isEqualTo("numberOfSources");
        assertThat(e.offset()).isEqualTo(4 + 22);

        byte[] short3 = build(new SourceAddressesBuilder().addAll(sources(2)), new Mldv2QueryBuilder().numberOfSources(3),
                Icmpv6Type.MULTICAST_LISTENER_QUERY, LINK_LOCAL, GROUP);
        ParseException past = failure(short3, GROUP);
        assertThat(past.kind()).isEqualTo(ParseErrorKind.MALFORMED);
        assertThat(past.field()).isEqualTo("numberOfSources");
    }

    @Test
    void reportRecordsAreBounded() throws Exception {
        Mldv2RecordsBuilder most = new Mldv2RecordsBuilder();
        for (int i = 0; i < Mldv2.MAX_RECORDS; i++) {
            most.add(Mldv2.MODE_IS_EXCLUDE, Ipv6Address.of(0xff0e000000000000L, i), List.of());
        }
        byte[] atBound = build(most, new Mldv2ReportBuilder().numberOfRecords(most.count()),
                Icmpv6Type.MULTICAST_LISTENER_REPORT_V2, LINK_LOCAL, MLDV2_ROUTERS);
        Mldv2Records records = Icmpv6Packet.parse(PacketBuffer.wrap(atBound), LINK_LOCAL, MLDV2_ROUTERS).records();
        int n = 0;
        while (records.next()) {
            assertThat(records.record().multicastAddress()).isEqualTo(Ipv6Address.of(0xff0e000000000000L, n));
            n++;
        }
        assertThat(n).isEqualTo(Mldv2.MAX_RECORDS);

        most.add(Mldv2.MODE_IS_EXCLUDE, GROUP, List.of());
        byte[] above = build(most, new Mldv2ReportBuilder().numberOfRecords(most.count()),
                Icmpv6Type.MULTICAST_LISTENER_REPORT_V2, LINK_LOCAL, MLDV2_ROUTERS);
        ParseException e = failure(above, MLDV2_ROUTERS);
        assertThat(e.kind()).isEqualTo(ParseErrorKind.UNSUPPORTED);
        assertThat(e.field()).isEqualTo("numberOfRecords");
        assertThat(e.offset()).isEqualTo(6);

        Mldv2RecordsBuilder bigRecord = new Mldv2RecordsBuilder()
                .add(Mldv2.MODE_IS_INCLUDE, GROUP, sources(1))
                .add(Mldv2.ALLOW_NEW_SOURCES, GROUP, sources(Mldv2.MAX_SOURCES + 1));
        byte[] tooManySources = build(bigRecord, new Mldv2ReportBuilder().numberOfRecords(2),
                Icmpv6Type.MULTICAST_LISTENER_REPORT_V2, LINK_LOCAL, MLDV2_ROUTERS);
        ParseException sources = failure(tooManySources, MLDV2_ROUTERS);
        assertThat(sources.kind()).isEqualTo(ParseErrorKind.UNSUPPORTED);
        assertThat(sources.layer()).isEqualTo("mldv2-record");
        assertThat(sources.field()).isEqualTo("numberOfSources");
        assertThat(sources.offset()).isEqualTo(8 + 36 + 2);
    }

    @Test
    void recordsRunningPastTheEndAreMalformed() throws Exception {
        Mldv2RecordsBuilder one = new Mldv2RecordsBuilder().add(Mldv2.MODE_IS_INCLUDE, GROUP, sources(1), new byte[8]);
        byte[] claimsTwo = build(one, new Mldv2ReportBuilder().numberOfRecords(2),
                Icmpv6Type.MULTICAST_LISTENER_REPORT_V2, LINK_LOCAL, MLDV2_ROUTERS);
        assertThat(failure(claimsTwo, MLDV2_ROUTERS).kind()).isEqualTo(ParseErrorKind.MALFORMED);
        byte[] whole = build(one, new Mldv2ReportBuilder().numberOfRecords(1),
                Icmpv6Type.MULTICAST_LISTENER_REPORT_V2, LINK_LOCAL, MLDV2_ROUTERS);
        Mldv2Records records = Icmpv6Packet.parse(PacketBuffer.wrap(whole), LINK_LOCAL, MLDV2_ROUTERS).records();
        assertThat(records.next()).isTrue();
        assertThat(records.auxDataLength()).isEqualTo(8);
        assertThat(records.recordLength()).isEqualTo(20 + 16 + 8);
        // Cut the auxiliary data short: the record no longer fits.
        byte[] cut = build(InnerPacketBuilder.of(java.util.Arrays.copyOfRange(whole, 8, whole.length - 4)),
                new Mldv2ReportBuilder().numberOfRecords(1), Icmpv6Type.MULTICAST_LISTENER_REPORT_V2, LINK_LOCAL,
                MLDV2_ROUTERS);
        ParseException e = failure(cut, MLDV2_ROUTERS);
        assertThat(e.kind()).isEqualTo(ParseErrorKind.MALFORMED);
        assertThat(e.field()).isEqualTo("auxDataLength");
    }

    @Test
    void mldChecks() throws Exception {
        byte[] query = build(InnerPacketBuilder.of(new byte[0]), new MldBuilder(), Icmpv6Type.MULTICAST_LISTENER_QUERY,
                LINK_LOCAL, Ipv6.ALL_NODES_LINK_LOCAL_MULTICAST);
        Icmpv6Packet packet = Icmpv6Packet.parse(PacketBuffer.wrap(query), LINK_LOCAL, Ipv6.ALL_NODES_LINK_LOCAL_MULTICAST);
        packet.checkMld(1);
        assertThatThrownBy(() -> packet.checkMld(2)).isInstanceOfSatisfying(ParseException.class,
                e -> assertThat(e.field()).isEqualTo("hopLimit"));
        byte[] fromNowhere = build(new Mldv2RecordsBuilder(), new Mldv2ReportBuilder(),
                Icmpv6Type.MULTICAST_LISTENER_REPORT_V2, Ipv6.UNSPECIFIED, MLDV2_ROUTERS);
        Icmpv6Packet.parse(PacketBuffer.wrap(fromNowhere), Ipv6.UNSPECIFIED, MLDV2_ROUTERS).checkMld(1);
        Ipv6Address global = Ipv6Address.parse("2001:db8::1");
        byte[] queryFromGlobal = build(InnerPacketBuilder.of(new byte[0]), new MldBuilder(),
                Icmpv6Type.MULTICAST_LISTENER_QUERY, global, Ipv6.ALL_NODES_LINK_LOCAL_MULTICAST);
        Icmpv6Packet bad = Icmpv6Packet.parse(PacketBuffer.wrap(queryFromGlobal), global,
                Ipv6.ALL_NODES_LINK_LOCAL_MULTICAST);
        assertThatThrownBy(() -> bad.checkMld(1)).isInstanceOfSatisfying(ParseException.class,
                e -> assertThat(e.field()).isEqualTo("source"));
    }

    @Test
    void codesDecodeAsRfc3810Says() {
        assertThat(Mldv2.maximumResponseDelay(0)).isZero();
        assertThat(Mldv2.maximumResponseDelay(32767)).isEqualTo(32767);
        assertThat(Mldv2.maximumResponseDelay(0x8000)).isEqualTo(0x1000L << 3);
        assertThat(Mldv2.maximumResponseDelay(0xFFFF)).isEqualTo(Mldv2.MAX_RESPONSE_DELAY).isEqualTo(8_387_584L);
        assertThat(Mldv2.maximumResponseCode(10_000)).isEqualTo(10_000);
        assertThat(Mldv2.queryInterval(125)).isEqualTo(125);
        assertThat(Mldv2.queryInterval(0x80)).isEqualTo(128);
        assertThat(Mldv2.queryInterval(0xFF)).isEqualTo(Mldv2.MAX_QUERY_INTERVAL).isEqualTo(31_744);
        assertThatThrownBy(() -> Mldv2.maximumResponseCode(Mldv2.MAX_RESPONSE_DELAY + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Mldv2.queryIntervalCode(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 500)
    void encodingTakesTheLargestDelayNotAbove(@ForAll @IntRange(max = 0xFFFF) int code,
            @ForAll @IntRange(max = 0xFF) int qqic) {
        long delay = Mldv2.maximumResponseDelay(code);
        assertThat(Mldv2.maximumResponseDelay(Mldv2.maximumResponseCode(delay))).isEqualTo(delay);
        if (delay < Mldv2.MAX_RESPONSE_DELAY) {
            assertThat(Mldv2.maximumResponseDelay(Mldv2.maximumResponseCode(delay + 1))).isBetween(delay, delay + 1);
        }
        int interval = Mldv2.queryInterval(qqic);
        assertThat(Mldv2.queryInterval(Mldv2.queryIntervalCode(interval))).isEqualTo(interval);
    }

    @Test
    void everyCodeDecodesMonotonically() {
        List<Long> delays = new ArrayList<>();
        for (int code = 0; code <= 0xFFFF; code++) {
            delays.add(Mldv2.maximumResponseDelay(code));
        }
        List<Long> sorted = new ArrayList<>(delays);
        Collections.sort(sorted);
        assertThat(delays).isEqualTo(sorted);
    }
}
