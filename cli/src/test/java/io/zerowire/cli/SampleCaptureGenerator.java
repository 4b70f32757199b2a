package io.zerowire.cli;

import io.zerowire.buffer.Bytes;
import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.link.MacAddress;
import io.zerowire.options.OptionsBuilder;
import io.zerowire.pcap.LinkType;
import io.zerowire.pcap.PcapngWriter;
import io.zerowire.protocols.arp.ArpBuilder;
import io.zerowire.protocols.arp.ArpOperation;
import io.zerowire.protocols.ethernet.EtherType;
import io.zerowire.protocols.ethernet.EthernetBuilder;
import io.zerowire.protocols.ethernet.VlanTagBuilder;
import io.zerowire.protocols.icmp.IcmpMessageBuilder;
import io.zerowire.protocols.icmp.IcmpUnreachableCode;
import io.zerowire.protocols.icmpv6.EchoBuilder;
import io.zerowire.protocols.icmpv6.Icmpv6Errors;
import io.zerowire.protocols.icmpv6.Icmpv6HeaderBuilder;
import io.zerowire.protocols.icmpv6.Icmpv6Type;
import io.zerowire.protocols.icmpv6.PacketTooBigBuilder;
import io.zerowire.protocols.icmpv6.mld.Mldv2;
import io.zerowire.protocols.icmpv6.mld.Mldv2RecordsBuilder;
import io.zerowire.protocols.icmpv6.mld.Mldv2ReportBuilder;
import io.zerowire.protocols.icmpv6.ndp.NdpOptionsBuilder;
import io.zerowire.protocols.icmpv6.ndp.NeighborAdvertisementBuilder;
import io.zerowire.protocols.icmpv6.ndp.NeighborSolicitationBuilder;
import io.zerowire.protocols.icmpv6.ndp.PrefixInformationBuilder;
import io.zerowire.protocols.icmpv6.ndp.RecursiveDnsServerBuilder;
import io.zerowire.protocols.icmpv6.ndp.RoutePreference;
import io.zerowire.protocols.icmpv6.ndp.RouterAdvertisementBuilder;
import io.zerowire.protocols.icmpv6.ndp.RouterSolicitationBuilder;
import io.zerowire.protocols.igmp.IgmpMessageBuilder;
import io.zerowire.protocols.igmp.IgmpRecordType;
import io.zerowire.protocols.igmp.IgmpV3ReportMessageBuilder;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ipv4.Ipv4Builder;
import io.zerowire.protocols.ipv4.Ipv4OptionsBuilder;
import io.zerowire.protocols.ipv6.DestinationOptionsBuilder;
import io.zerowire.protocols.ipv6.FragmentHeaderBuilder;
import io.zerowire.protocols.ipv6.HopByHopOptionsBuilder;
import io.zerowire.protocols.ipv6.Ipv6HeaderBuilder;
import io.zerowire.protocols.ipv6.Ipv6OptionFormat;
import io.zerowire.protocols.ipv6.Ipv6Options;
import io.zerowire.protocols.ipv6.Ipv6PacketBuilder;
import io.zerowire.protocols.ipv6.SegmentRoutingBuilder;
import io.zerowire.protocols.ipv6.SegmentRoutingHeaderBuilder;
import io.zerowire.protocols.tcp.TcpBuilder;
import io.zerowire.protocols.tcp.TcpOptionsBuilder;
import io.zerowire.protocols.udp.UdpBuilder;
import io.zerowire.serialize.PacketBuilder;
import io.zerowire.serialize.Serializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Makes the sample capture that ships in the jar ({@code src/main/resources/io/zerowire/cli/sample.pcapng})
 * with Zerowire's own builders: a short conversation that shows every protocol Zerowire dissects —
 * ARP, IPv4 with options and fragments, ICMP (echo, an error quoting a datagram), IGMPv2 and v3,
 * UDP, TCP with every option, 802.1Q and QinQ tags, IPv6 with Hop-by-Hop, Destination Options,
 * Routing (SRH) and Fragment headers, ICMPv6 echo and Packet Too Big, NDP with its options, MLDv2,
 * two more framings (Linux cooked v2, raw IP) — and exactly one bad checksum (a UDP datagram).
 *
 * <p>{@code SampleCaptureTest} checks that the shipped file is what this makes today, and that
 * tshark dissects it as intended. To write it again after a change:
 * <pre>
 * mvn -o -q -pl cli test-compile exec:java ... or run {@link #main} from the IDE (working directory cli/)
 * </pre>
 */
public final class SampleCaptureGenerator {
    static final Path RESOURCE = Path.of("src/main/resources/io/zerowire/cli/sample.pcapng");

    private static final MacAddress HOST = MacAddress.parse("02:00:5e:00:53:0a");
    private static final MacAddress ROUTER = MacAddress.parse("02:00:5e:00:53:01");
    private static final MacAddress SERVER = MacAddress.parse("02:00:5e:00:53:14");
    private static final MacAddress BROADCAST = MacAddress.parse("ff:ff:ff:ff:ff:ff");
    private static final Ipv4Address HOST4 = Ipv4Address.parse("192.0.2.10");
    private static final Ipv4Address ROUTER4 = Ipv4Address.parse("192.0.2.1");
    private static final Ipv4Address SERVER4 = Ipv4Address.parse("198.51.100.20");
    private static final Ipv4Address HOP4 = Ipv4Address.parse("203.0.113.5");
    private static final Ipv6Address HOST6 = Ipv6Address.parse("2001:db8::a");
    private static final Ipv6Address SERVER6 = Ipv6Address.parse("2001:db8:1::14");
    private static final Ipv6Address SEGMENT6 = Ipv6Address.parse("2001:db8:2::1");
    private static final Ipv6Address HOST_LINK = Ipv6Address.parse("fe80::a");
    private static final Ipv6Address ROUTER_LINK = Ipv6Address.parse("fe80::1");
    private static final long START_SECOND = 1_700_000_000L;

    private final List<byte[]> ethernet = new ArrayList<>();

    private SampleCaptureGenerator() {}

    /** Writes the sample capture to its resource (run from the cli module's directory). */
    public static void main(String[] args) throws Exception {
        Path target = args.length > 0 ? Path.of(args[0]) : RESOURCE;
        Files.write(target, generate());
        System.out.println("wrote " + target);
    }

    /** The sample capture's bytes. */
    public static byte[] generate() throws Exception {
        SampleCaptureGenerator g = new SampleCaptureGenerator();
        g.ipv4();
        g.ipv6();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PcapngWriter out = PcapngWriter.builder().userApplication("zerowire sample").open(bytes)) {
            int eth = out.addInterface(LinkType.ETHERNET);
            int cooked = out.addInterface(LinkType.LINUX_SLL2);
            int raw = out.addInterface(LinkType.RAW);
            int i = 0;
            for (byte[] frame : g.ethernet) {
                write(out, eth, i++, frame);
            }
            write(out, cooked, i++, linuxSll2(udp4(HOST4, SERVER4, 40006, 9, "discard!".getBytes(StandardCharsets.US_ASCII))));
            write(out, raw, i, bytes(Serializer.of(new byte[8])
                    .encapsulate(new EchoBuilder().identifier(0x77).sequenceNumber(2))
                    .encapsulate(icmpv6(Icmpv6Type.ECHO_REPLY, SERVER6, HOST6))
                    .encapsulate(ipv6(SERVER6, HOST6, IpProtocol.IPV6_ICMP, 64))));
        }
        return bytes.toByteArray();
    }

    private static void write(PcapngWriter out, int iface, int i, byte[] frame) throws IOException {
        out.write(iface, START_SECOND, i * 1_250_000, frame, 0, frame.length, frame.length);
    }

    private void ipv4() throws Exception {
        // ARP: who has the router, and its answer.
        ethernet.add(frame(BROADCAST, HOST, EtherType.ARP, new ArpBuilder().operation(ArpOperation.REQUEST)
                .senderHardwareAddress(HOST).senderProtocolAddress(HOST4)
                .targetHardwareAddress(MacAddress.parse("00:00:00:00:00:00")).targetProtocolAddress(ROUTER4), null));
        ethernet.add(frame(HOST, ROUTER, EtherType.ARP, new ArpBuilder().operation(ArpOperation.REPLY)
                .senderHardwareAddress(ROUTER).senderProtocolAddress(ROUTER4)
                .targetHardwareAddress(HOST).targetProtocolAddress(HOST4), null));
        // ICMP echo there and back.
        byte[] ping = "zerowire ping!..".getBytes(StandardCharsets.US_ASCII);
        ethernet.add(ipv4Frame(ROUTER, HOST, Serializer.of(ping).encapsulate(IcmpMessageBuilder.echoRequest(0x1234, 1))
                .encapsulate(ip4(HOST4, SERVER4, IpProtocol.ICMP).identification(0x0101).dontFragment(true))));
        ethernet.add(ipv4Frame(HOST, ROUTER, Serializer.of(ping).encapsulate(IcmpMessageBuilder.echoReply(0x1234, 1))
                .encapsulate(ip4(SERVER4, HOST4, IpProtocol.ICMP).identification(0x0202).ttl(57))));
        // UDP to the echo port in an 802.1Q tag.
        byte[] query = "zerowire echo, please".getBytes(StandardCharsets.US_ASCII);
        ethernet.add(bytes(Serializer.of(query)
                .encapsulate(new UdpBuilder().sourcePort(40000).destinationPort(7).addresses(HOST4, SERVER4))
                .encapsulate(ip4(HOST4, SERVER4, IpProtocol.UDP).identification(0x0303))
                .encapsulate(new VlanTagBuilder().priority(5).vlanId(100).etherType(EtherType.IPV4))
                .encapsulate(new EthernetBuilder().destination(ROUTER).source(HOST).etherType(EtherType.VLAN))));
        // A TCP handshake and data in QinQ (802.1ad outer tag, 802.1Q inner), every TCP option.
        TcpOptionsBuilder synOptions = new TcpOptionsBuilder().mss(1460).sackPermitted().timestamps(1000, 0).nop()
                .windowScale(7);
        ethernet.add(qinq(tcp4(HOST4, SERVER4, new TcpBuilder().sourcePort(41608).destinationPort(80)
                .sequenceNumber(1_000_000).syn(true).window(64240).options(synOptions), new byte[0])));
        ethernet.add(qinq(tcp4(SERVER4, HOST4, new TcpBuilder().sourcePort(80).destinationPort(41608)
                .sequenceNumber(7_000_000).acknowledgmentNumber(1_000_001).syn(true).ack(true).window(65160)
                .options(new TcpOptionsBuilder().mss(1400).sackPermitted().timestamps(5000, 1000).nop().windowScale(9)),
                new byte[0])));
        ethernet.add(qinq(tcp4(HOST4, SERVER4, new TcpBuilder().sourcePort(41608).destinationPort(80)
                .sequenceNumber(1_000_001).acknowledgmentNumber(7_000_001).ack(true).psh(true).window(502)
                .options(new TcpOptionsBuilder().nop().nop().timestamps(1001, 5000).nop().nop()
                        .sack(7_000_101, 7_000_201)),
                "GET / HTTP/1.1\r\nHost: example.org\r\n\r\n".getBytes(StandardCharsets.US_ASCII))));
        // IGMP joins: v2 behind a Router Alert option, then a v3 report.
        ethernet.add(ipv4Frame(MacAddress.parse("01:00:5e:00:00:fb"), HOST, Serializer.of(new byte[0])
                .encapsulate(IgmpMessageBuilder.v2Report(Ipv4Address.parse("224.0.0.251")))
                .encapsulate(ip4(HOST4, Ipv4Address.parse("224.0.0.251"), IpProtocol.IGMP).ttl(1)
                        .options(new Ipv4OptionsBuilder().routerAlert(0).optionsBuilder()))));
        ethernet.add(ipv4Frame(MacAddress.parse("01:00:5e:00:00:16"), HOST, Serializer.of(new byte[0])
                .encapsulate(new IgmpV3ReportMessageBuilder()
                        .addRecord(IgmpRecordType.CHANGE_TO_EXCLUDE_MODE, Ipv4Address.parse("239.1.2.3"))
                        .addRecord(IgmpRecordType.MODE_IS_INCLUDE, Ipv4Address.parse("232.1.1.1"), List.of(SERVER4)))
                .encapsulate(ip4(HOST4, Ipv4Address.parse("224.0.0.22"), IpProtocol.IGMP).ttl(1)
                        .options(new Ipv4OptionsBuilder().routerAlert(0).optionsBuilder()))));
        // A UDP datagram in two fragments.
        byte[] datagram = bytes(Serializer.of(filled(1480 + 200 - 8, 'f'))
                .encapsulate(new UdpBuilder().sourcePort(40001).destinationPort(9999).addresses(HOST4, SERVER4)));
        ethernet.add(ipv4Frame(ROUTER, HOST, Serializer.of(Arrays.copyOfRange(datagram, 0, 1480))
                .encapsulate(ip4(HOST4, SERVER4, IpProtocol.UDP).identification(0x4242).moreFragments(true))));
        ethernet.add(ipv4Frame(ROUTER, HOST, Serializer.of(Arrays.copyOfRange(datagram, 1480, datagram.length))
                .encapsulate(ip4(HOST4, SERVER4, IpProtocol.UDP).identification(0x4242).fragmentOffset(1480 / 8))));
        // A port unreachable that quotes a datagram; the one bad checksum (UDP, left as a NIC's offload would).
        byte[] probe = bytes(Serializer.of(filled(12, 'p'))
                .encapsulate(new UdpBuilder().sourcePort(40002).destinationPort(33434).addresses(HOST4, SERVER4))
                .encapsulate(ip4(HOST4, SERVER4, IpProtocol.UDP).identification(0x0505).ttl(3)));
        ethernet.add(ipv4Frame(HOST, ROUTER, IcmpMessageBuilder.destinationUnreachable(IcmpUnreachableCode.PORT)
                .quoting(PacketBuffer.wrap(probe))
                .encapsulate(ip4(SERVER4, HOST4, IpProtocol.ICMP).identification(0x0606))));
        ethernet.add(ipv4Frame(ROUTER, HOST, Serializer.of(filled(20, 'b'))
                .encapsulate(new UdpBuilder().sourcePort(40003).destinationPort(514).checksum(0xbad0)
                        .addresses(HOST4, SERVER4))
                .encapsulate(ip4(HOST4, SERVER4, IpProtocol.UDP).identification(0x0707))));
        // A loose source route through a hop: the TCP pseudo-header takes the final destination.
        ethernet.add(ipv4Frame(ROUTER, HOST, Serializer.of(new byte[0])
                .encapsulate(new TcpBuilder().sourcePort(41609).destinationPort(443).sequenceNumber(42).rst(true)
                        .addresses(HOST4, SERVER4))
                .encapsulate(ip4(HOST4, HOP4, IpProtocol.TCP).identification(0x0808)
                        .options(new Ipv4OptionsBuilder().looseSourceRoute(HOP4, SERVER4).nop().optionsBuilder()))));
    }

    private void ipv6() throws Exception {
        MacAddress allNodes = MacAddress.parse("33:33:00:00:00:01");
        Ipv6Address solicited = ROUTER_LINK.toSolicitedNodeMulticast();
        // MLDv2 report behind a Hop-by-Hop Router Alert.
        Mldv2RecordsBuilder records = new Mldv2RecordsBuilder()
                .add(Mldv2.CHANGE_TO_EXCLUDE_MODE, solicited, List.of())
                .add(Mldv2.MODE_IS_INCLUDE, Ipv6Address.parse("ff3e::1234"), List.of(SERVER6));
        ethernet.add(ipv6Frame(MacAddress.parse("33:33:00:00:00:16"), HOST, Serializer.of(records)
                .encapsulate(new Mldv2ReportBuilder().numberOfRecords(records.count()))
                .encapsulate(icmpv6(Icmpv6Type.MULTICAST_LISTENER_REPORT_V2, HOST_LINK, Ipv6Address.parse("ff02::16")))
                .encapsulate(new Ipv6PacketBuilder(new Ipv6HeaderBuilder().hopLimit(1).source(HOST_LINK)
                        .destination(Ipv6Address.parse("ff02::16")))
                        .hopByHop(new HopByHopOptionsBuilder().options(
                                Ipv6Options.addRouterAlert(new OptionsBuilder(Ipv6OptionFormat.FORMAT), 0)))
                        .upperLayer(IpProtocol.IPV6_ICMP))));
        // Router discovery, then neighbor discovery, with their options.
        ethernet.add(ipv6Frame(MacAddress.parse("33:33:00:00:00:02"), HOST, Serializer.of(
                        new NdpOptionsBuilder().sourceLinkLayerAddress(HOST))
                .encapsulate(new RouterSolicitationBuilder())
                .encapsulate(icmpv6(Icmpv6Type.ROUTER_SOLICITATION, HOST_LINK, Ipv6.ALL_ROUTERS_LINK_LOCAL_MULTICAST))
                .encapsulate(ipv6(HOST_LINK, Ipv6.ALL_ROUTERS_LINK_LOCAL_MULTICAST, IpProtocol.IPV6_ICMP, 255))));
        ethernet.add(ipv6Frame(allNodes, ROUTER, Serializer.of(new NdpOptionsBuilder().sourceLinkLayerAddress(ROUTER)
                        .mtu(1500)
                        .prefixInformation(new PrefixInformationBuilder().prefixLength(64).onLink(true).autonomous(true)
                                .validLifetime(86_400).preferredLifetime(14_400).prefix(Ipv6Address.parse("2001:db8::")))
                        .routeInformation(48, RoutePreference.HIGH, 1800, Ipv6Address.parse("2001:db8:1::"))
                        .recursiveDnsServers(new RecursiveDnsServerBuilder().lifetime(600),
                                List.of(Ipv6Address.parse("2001:db8::53"))))
                .encapsulate(new RouterAdvertisementBuilder().currentHopLimit(64).otherConfiguration(true)
                        .routerLifetime(1800).reachableTime(30_000).retransTimer(1000))
                .encapsulate(icmpv6(Icmpv6Type.ROUTER_ADVERTISEMENT, ROUTER_LINK, Ipv6.ALL_NODES_LINK_LOCAL_MULTICAST))
                .encapsulate(ipv6(ROUTER_LINK, Ipv6.ALL_NODES_LINK_LOCAL_MULTICAST, IpProtocol.IPV6_ICMP, 255))));
        ethernet.add(ipv6Frame(MacAddress.parse("33:33:ff:00:00:01"), HOST, Serializer.of(
                        new NdpOptionsBuilder().sourceLinkLayerAddress(HOST))
                .encapsulate(new NeighborSolicitationBuilder().target(ROUTER_LINK))
                .encapsulate(icmpv6(Icmpv6Type.NEIGHBOR_SOLICITATION, HOST_LINK, solicited))
                .encapsulate(ipv6(HOST_LINK, solicited, IpProtocol.IPV6_ICMP, 255))));
        ethernet.add(ipv6Frame(HOST, ROUTER, Serializer.of(new NdpOptionsBuilder().targetLinkLayerAddress(ROUTER))
                .encapsulate(new NeighborAdvertisementBuilder().router(true).solicited(true).override(true)
                        .target(ROUTER_LINK))
                .encapsulate(icmpv6(Icmpv6Type.NEIGHBOR_ADVERTISEMENT, ROUTER_LINK, HOST_LINK))
                .encapsulate(ipv6(ROUTER_LINK, HOST_LINK, IpProtocol.IPV6_ICMP, 255))));
        // An echo request carrying a Destination Options header (PadN only).
        ethernet.add(ipv6Frame(ROUTER, HOST, Serializer.of(filled(24, 'e'))
                .encapsulate(new EchoBuilder().identifier(0x77).sequenceNumber(1))
                .encapsulate(icmpv6(Icmpv6Type.ECHO_REQUEST, HOST6, SERVER6))
                .encapsulate(new Ipv6PacketBuilder(new Ipv6HeaderBuilder().hopLimit(64).source(HOST6).destination(SERVER6))
                        .destinationOptions(new DestinationOptionsBuilder())
                        .upperLayer(IpProtocol.IPV6_ICMP))));
        // UDP through a segment routing header with a segment left: the checksum covers the final segment.
        ethernet.add(ipv6Frame(ROUTER, HOST, Serializer.of(filled(16, 's'))
                .encapsulate(new UdpBuilder().sourcePort(40004).destinationPort(9).addresses(HOST6, SERVER6))
                .encapsulate(new Ipv6PacketBuilder(new Ipv6HeaderBuilder().hopLimit(64).source(HOST6).destination(SEGMENT6))
                        .routing(new SegmentRoutingBuilder(new SegmentRoutingHeaderBuilder().segmentsLeft(1))
                                .segments(SERVER6, SEGMENT6))
                        .upperLayer(IpProtocol.UDP))));
        // A UDP datagram in two IPv6 fragments.
        byte[] datagram = bytes(Serializer.of(filled(1300, 'g'))
                .encapsulate(new UdpBuilder().sourcePort(40005).destinationPort(9999).addresses(HOST6, SERVER6)));
        ethernet.add(ipv6Frame(ROUTER, HOST, Serializer.of(Arrays.copyOfRange(datagram, 0, 1232))
                .encapsulate(new Ipv6PacketBuilder(new Ipv6HeaderBuilder().hopLimit(64).source(HOST6).destination(SERVER6))
                        .fragment(new FragmentHeaderBuilder().identification(0xfeed0001L).moreFragments(true))
                        .upperLayer(IpProtocol.UDP))));
        ethernet.add(ipv6Frame(ROUTER, HOST, Serializer.of(Arrays.copyOfRange(datagram, 1232, datagram.length))
                .encapsulate(new Ipv6PacketBuilder(new Ipv6HeaderBuilder().hopLimit(64).source(HOST6).destination(SERVER6))
                        .fragment(new FragmentHeaderBuilder().identification(0xfeed0001L).fragmentOffset(1232 / 8))
                        .upperLayer(IpProtocol.UDP))));
        // TCP over IPv6 with options, and a Packet Too Big quoting a large segment.
        byte[] segment = bytes(Serializer.of(filled(1400, 'd'))
                .encapsulate(new TcpBuilder().sourcePort(41610).destinationPort(443).sequenceNumber(3_000_000)
                        .acknowledgmentNumber(9_000_000).ack(true).window(1000)
                        .options(new TcpOptionsBuilder().nop().nop().timestamps(77, 88)).addresses(HOST6, SERVER6))
                .encapsulate(ipv6(HOST6, SERVER6, IpProtocol.TCP, 64)));
        ethernet.add(ipv6Frame(ROUTER, HOST, Serializer.of(new byte[0])
                .encapsulate(new TcpBuilder().sourcePort(41610).destinationPort(443).sequenceNumber(2_999_999).syn(true)
                        .ece(true).cwr(true).window(65535)
                        .options(new TcpOptionsBuilder().mss(1440).sackPermitted().timestamps(76, 0).nop().windowScale(8))
                        .addresses(HOST6, SERVER6))
                .encapsulate(ipv6(HOST6, SERVER6, IpProtocol.TCP, 64))));
        ethernet.add(ipv6Frame(HOST, ROUTER, Icmpv6Errors.quoting(PacketBuffer.wrap(segment),
                        new PacketTooBigBuilder().mtu(1280),
                        icmpv6(Icmpv6Type.PACKET_TOO_BIG, ROUTER_LINK, HOST6))
                .encapsulate(ipv6(ROUTER_LINK, HOST6, IpProtocol.IPV6_ICMP, 64))));
    }

    private static Ipv4Builder ip4(Ipv4Address source, Ipv4Address destination, IpProtocol protocol) {
        return new Ipv4Builder().ttl(64).protocol(protocol).source(source).destination(destination);
    }

    private static Ipv6HeaderBuilder ipv6(Ipv6Address source, Ipv6Address destination, IpProtocol next, int hops) {
        return new Ipv6HeaderBuilder().hopLimit(hops).nextHeader(next).source(source).destination(destination);
    }

    private static Icmpv6HeaderBuilder icmpv6(Icmpv6Type type, Ipv6Address source, Ipv6Address destination) {
        return new Icmpv6HeaderBuilder().type(type).addresses(source, destination);
    }

    private static byte[] udp4(Ipv4Address source, Ipv4Address destination, int from, int to, byte[] payload)
            throws Exception {
        return bytes(Serializer.of(payload)
                .encapsulate(new UdpBuilder().sourcePort(from).destinationPort(to).addresses(source, destination))
                .encapsulate(ip4(source, destination, IpProtocol.UDP)));
    }

    private static byte[] tcp4(Ipv4Address source, Ipv4Address destination, TcpBuilder tcp, byte[] payload)
            throws Exception {
        return bytes(Serializer.of(payload).encapsulate(tcp.addresses(source, destination))
                .encapsulate(ip4(source, destination, IpProtocol.TCP).dontFragment(true)));
    }

    private static byte[] qinq(byte[] packet) throws Exception {
        return bytes(Serializer.of(packet)
                .encapsulate(new VlanTagBuilder().vlanId(100).etherType(EtherType.IPV4))
                .encapsulate(new VlanTagBuilder().priority(3).vlanId(10).etherType(EtherType.VLAN))
                .encapsulate(new EthernetBuilder().destination(SERVER).source(HOST).etherType(EtherType.QINQ)));
    }

    private static byte[] frame(MacAddress destination, MacAddress source, EtherType type, PacketBuilder inner,
            byte[] payload) throws Exception {
        Serializer s = Serializer.of(payload == null ? new byte[0] : payload);
        if (inner != null) {
            s = s.encapsulate(inner);
        }
        return bytes(s.encapsulate(new EthernetBuilder().destination(destination).source(source).etherType(type)));
    }

    private static byte[] ipv4Frame(MacAddress destination, MacAddress source, Serializer ip) throws Exception {
        return bytes(ip.encapsulate(new EthernetBuilder().destination(destination).source(source).etherType(EtherType.IPV4)));
    }

    private static byte[] ipv6Frame(MacAddress destination, MacAddress source, Serializer ip) throws Exception {
        return bytes(ip.encapsulate(new EthernetBuilder().destination(destination).source(source).etherType(EtherType.IPV6)));
    }

    private static byte[] bytes(Serializer serializer) throws Exception {
        return serializer.serialize().toByteArray();
    }

    private static byte[] linuxSll2(byte[] packet) {
        byte[] frame = new byte[20 + packet.length];
        Bytes.putU16(frame, 0, EtherType.IPV4.value());
        Bytes.putI32(frame, 4, 2);      // interface index
        Bytes.putU16(frame, 8, 1);      // ARPHRD_ETHER
        frame[10] = 4;                  // PACKET_OUTGOING
        frame[11] = 6;                  // address length
        HOST.write(frame, 12);
        System.arraycopy(packet, 0, frame, 20, packet.length);
        return frame;
    }

    private static byte[] filled(int length, char c) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) c);
        return bytes;
    }
}
