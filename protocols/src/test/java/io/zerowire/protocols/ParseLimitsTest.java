package io.zerowire.protocols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.options.OptionFormat;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.ethernet.EtherType;
import io.zerowire.protocols.ethernet.EthernetBuilder;
import io.zerowire.protocols.ethernet.VlanTagBuilder;
import io.zerowire.protocols.framing.Framing;
import io.zerowire.protocols.icmpv6.Icmpv6HeaderBuilder;
import io.zerowire.protocols.icmpv6.Icmpv6Packet;
import io.zerowire.protocols.icmpv6.Icmpv6Type;
import io.zerowire.protocols.icmpv6.mld.Mldv2;
import io.zerowire.protocols.icmpv6.ndp.NdpOptionFormat;
import io.zerowire.protocols.icmpv6.ndp.NdpOptionsBuilder;
import io.zerowire.protocols.icmpv6.ndp.RouterSolicitationBuilder;
import io.zerowire.protocols.igmp.IgmpPacket;
import io.zerowire.protocols.igmp.IgmpRecordType;
import io.zerowire.protocols.igmp.IgmpV3QueryMessageBuilder;
import io.zerowire.protocols.igmp.IgmpV3ReportMessageBuilder;
import io.zerowire.protocols.ipv4.Ipv4OptionFormat;
import io.zerowire.protocols.ipv6.Ipv6OptionFormat;
import io.zerowire.protocols.ipv6.Ipv6Packet;
import io.zerowire.protocols.stack.Dissector;
import io.zerowire.protocols.stack.Layer;
import io.zerowire.protocols.tcp.TcpOptionFormat;
import io.zerowire.serialize.Serializer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every bound of {@link ParseLimits} at its boundary: the bound itself parses, one more is an
 * {@code UNSUPPORTED} parse error naming the field. The IPv6 extension header chain and the MLDv2
 * bounds are tested the same way where they live ({@code Ipv6PacketTest.theWalkIsBounded},
 * {@code MldTest}); here they are only checked to be the same numbers.
 */
class ParseLimitsTest {
    private static final Ipv4Address HOST = Ipv4Address.parse("192.0.2.1");
    private static final Ipv4Address GROUP = Ipv4Address.parse("239.1.2.3");
    private static final Ipv6Address LINK_LOCAL = Ipv6Address.parse("fe80::1");
    private static final Ipv6Address ALL_ROUTERS = Ipv6Address.parse("ff02::2");

    @Test
    void everyParserUsesTheSameBounds() {
        assertThat(Ipv6Packet.MAX_EXTENSION_HEADERS).isEqualTo(ParseLimits.EXTENSION_HEADERS).isEqualTo(16);
        assertThat(Ipv4OptionFormat.FORMAT.maxOptions()).isEqualTo(ParseLimits.OPTIONS_PER_HEADER).isEqualTo(64);
        for (OptionFormat f : new OptionFormat[] {TcpOptionFormat.FORMAT, Ipv6OptionFormat.FORMAT, NdpOptionFormat.FORMAT}) {
            assertThat(f.maxOptions()).as(f.name()).isEqualTo(ParseLimits.OPTIONS_PER_HEADER);
        }
        assertThat(Mldv2.MAX_RECORDS).isEqualTo(IgmpPacket.MAX_GROUP_RECORDS).isEqualTo(ParseLimits.RECORDS_PER_REPORT);
        assertThat(Mldv2.MAX_SOURCES).isEqualTo(IgmpPacket.MAX_SOURCES).isEqualTo(ParseLimits.SOURCES_PER_LIST);
        assertThat(Dissector.MAX_VLAN_TAGS).isEqualTo(ParseLimits.VLAN_TAGS).isEqualTo(8);
    }

    @Test
    void igmpv3ReportRecords() throws Exception {
        IgmpV3ReportMessageBuilder report = new IgmpV3ReportMessageBuilder();
        for (int i = 0; i < ParseLimits.RECORDS_PER_REPORT; i++) {
            report.addRecord(IgmpRecordType.MODE_IS_EXCLUDE, GROUP);
        }
        byte[] atBound = bytes(report);
        assertThat(IgmpPacket.parse(PacketBuffer.wrap(atBound)).records().count()).isEqualTo(1024);
        atBound[7] = 1;   // numberOfGroupRecords 1025, with 8 bytes more to hold it
        byte[] above = java.util.Arrays.copyOf(atBound, atBound.length + 8);
        above[7] = 1;
        above[6] = 4;
        ParseException e = rejected(above, "numberOfGroupRecords");
        assertThat(e.offset()).isEqualTo(6);
    }

    @Test
    void igmpv3QuerySources() throws Exception {
        assertThat(IgmpPacket.parse(PacketBuffer.wrap(query(1024))).v3Query().numberOfSources()).isEqualTo(1024);
        ParseException e = rejected(query(1025), "numberOfSources");
        assertThat(e.layer()).isEqualTo("igmpv3-query");
    }

    @Test
    void igmpv3RecordSources() throws Exception {
        List<Ipv4Address> sources = new ArrayList<>();
        for (int i = 0; i < ParseLimits.SOURCES_PER_LIST; i++) {
            sources.add(Ipv4Address.of(i));
        }
        byte[] atBound = bytes(new IgmpV3ReportMessageBuilder().addRecord(IgmpRecordType.ALLOW_NEW_SOURCES, GROUP, sources));
        assertThat(IgmpPacket.parse(PacketBuffer.wrap(atBound)).records().next()).isTrue();
        byte[] above = java.util.Arrays.copyOf(atBound, atBound.length + 4);
        above[8 + 3] = 1;   // the record's numberOfSources 1024 -> 1025, 4 more bytes to hold it
        ParseException e = rejected(above, "numberOfSources");
        assertThat(e.layer()).isEqualTo("igmpv3-group-record");
        assertThat(e.offset()).isEqualTo(8 + 2);
    }

    @Test
    void optionsPerHopByHopHeader() throws Exception {
        // 63 Pad1 and a 7-byte PadN: 64 options in a 72-byte header; 64 Pad1 and a 6-byte PadN: 65
        Ipv6Packet ip = Ipv6Packet.parse(PacketBuffer.wrap(hopByHop(63)));
        assertThat(ip.hopByHopOptions().options().count()).isEqualTo(64);
        ParseException e = catchThrowableOfType(ParseException.class,
                () -> Ipv6Packet.parse(PacketBuffer.wrap(hopByHop(64))));
        assertThat(e.kind()).isEqualTo(ParseErrorKind.UNSUPPORTED);
        assertThat(e.field()).isEqualTo("options");
        assertThat(e.offset()).as("the 65th option").isEqualTo(40 + 2 + 64);
    }

    @Test
    void optionsPerNdpMessage() throws Exception {
        assertThat(Icmpv6Packet.parse(PacketBuffer.wrap(routerSolicitation(64)), LINK_LOCAL, ALL_ROUTERS)
                .ndpOptions().iterator().count()).isEqualTo(64);
        ParseException e = catchThrowableOfType(ParseException.class,
                () -> Icmpv6Packet.parse(PacketBuffer.wrap(routerSolicitation(65)),
                LINK_LOCAL, ALL_ROUTERS));
        assertThat(e.kind()).isEqualTo(ParseErrorKind.UNSUPPORTED);
        assertThat(e.field()).isEqualTo("options");
        assertThat(e.offset()).as("the 65th option, after the 8-byte message").isEqualTo(8 + 64 * 8);
    }

    @Test
    void vlanTagsPerFrame() throws Exception {
        Dissector d = new Dissector();
        d.dissect(Framing.ETHERNET, PacketBuffer.wrap(tagged(8)));
        assertThat(d.error()).isNull();
        assertThat(d.vlanCount()).isEqualTo(8);
        d.dissect(Framing.ETHERNET, PacketBuffer.wrap(tagged(9)));
        assertThat(d.error().kind()).isEqualTo(ParseErrorKind.UNSUPPORTED);
        assertThat(d.failedLayer()).isEqualTo(Layer.VLAN);
        assertThat(d.error().offset()).as("the ninth tag").isEqualTo(14 + 8 * 4);
    }

    private static ParseException rejected(byte[] message, String field) {
        ParseException e = catchThrowableOfType(ParseException.class,
                () -> IgmpPacket.parse(PacketBuffer.wrap(message)));
        assertThat(e).as("rejected").isNotNull();
        assertThat(e.kind()).isEqualTo(ParseErrorKind.UNSUPPORTED);
        assertThat(e.field()).isEqualTo(field);
        return e;
    }

    private static byte[] query(int sources) throws Exception {
        IgmpV3QueryMessageBuilder query = IgmpV3QueryMessageBuilder.generalQuery();
        for (int i = 0; i < Math.min(sources, ParseLimits.SOURCES_PER_LIST); i++) {
            query.addSource(Ipv4Address.of(i));
        }
        byte[] message = bytes(query);
        if (sources > ParseLimits.SOURCES_PER_LIST) {   // the builder stops at the bound: say more by hand
            message = java.util.Arrays.copyOf(message, message.length + 4 * (sources - ParseLimits.SOURCES_PER_LIST));
            message[10] = (byte) (sources >> 8);
            message[11] = (byte) sources;
        }
        return message;
    }

    private static byte[] bytes(io.zerowire.serialize.PacketBuilder message) throws Exception {
        return Serializer.of(new byte[0]).encapsulate(message).serialize().toByteArray();
    }

    /** An IPv6 packet whose Hop-by-Hop header holds {@code pad1s} Pad1 options then one PadN to 72 bytes. */
    private static byte[] hopByHop(int pad1s) {
        byte[] p = new byte[40 + 72];
        p[0] = 0x60;
        p[5] = 72;          // payload length
        p[6] = 0;           // next header: Hop-by-Hop
        p[7] = 1;
        p[40] = 59;         // no next header
        p[41] = 8;          // (8 + 1) * 8 bytes
        int padN = 40 + 2 + pad1s;
        p[padN] = 1;
        p[padN + 1] = (byte) (70 - pad1s - 2);
        return p;
    }

    /**
     * A router solicitation with {@code count} unknown 8-byte options: the builder writes up to the
     * bound and refuses one more, so the options past it are added by hand.
     */
    private static byte[] routerSolicitation(int count) throws Exception {
        NdpOptionsBuilder options = new NdpOptionsBuilder();
        for (int i = 0; i < Math.min(count, ParseLimits.OPTIONS_PER_HEADER); i++) {
            options.add(200, new byte[6]);
        }
        if (count > ParseLimits.OPTIONS_PER_HEADER) {
            assertThatThrownBy(() -> options.add(200, new byte[6])).isInstanceOf(IllegalStateException.class);
        }
        byte[] region = new byte[8 * count];
        options.writeBytes(region, 0);
        for (int i = ParseLimits.OPTIONS_PER_HEADER; i < count; i++) {
            region[8 * i] = (byte) 200;
            region[8 * i + 1] = 1;
        }
        return Serializer.of(region).encapsulate(new RouterSolicitationBuilder())
                .encapsulate(new Icmpv6HeaderBuilder().type(Icmpv6Type.ROUTER_SOLICITATION)
                        .addresses(LINK_LOCAL, ALL_ROUTERS))
                .serialize().toByteArray();
    }

    /** An Ethernet frame with {@code tags} VLAN tags before an empty IPv4 type payload. */
    private static byte[] tagged(int tags) throws Exception {
        Serializer frame = Serializer.of(new byte[0]);
        for (int i = 0; i < tags; i++) {
            frame = frame.encapsulate(new VlanTagBuilder().vlanId(i + 1)
                    .etherType(i == 0 ? EtherType.of(0x88B5) : EtherType.VLAN));
        }
        return frame.encapsulate(new EthernetBuilder().destination(io.zerowire.link.MacAddress.parse("02:00:00:00:00:01"))
                .source(io.zerowire.link.MacAddress.parse("02:00:00:00:00:02")).etherType(EtherType.VLAN))
                .serialize().toByteArray();
    }
}
