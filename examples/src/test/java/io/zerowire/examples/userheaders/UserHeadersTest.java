package io.zerowire.examples.userheaders;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.link.MacAddress;
import io.zerowire.parse.ParseException;
import io.zerowire.pcap.LinkType;
import io.zerowire.pcap.PcapWriter;
import io.zerowire.protocols.ethernet.EtherType;
import io.zerowire.protocols.ethernet.EthernetBuilder;
import io.zerowire.protocols.icmpv6.EchoBuilder;
import io.zerowire.protocols.icmpv6.Icmpv6HeaderBuilder;
import io.zerowire.protocols.icmpv6.Icmpv6Type;
import io.zerowire.protocols.ip.IpPacket;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ipv4.Ipv4Builder;
import io.zerowire.protocols.ipv4.Ipv4Packet;
import io.zerowire.protocols.ipv6.Ipv6HeaderBuilder;
import io.zerowire.protocols.ipv6.Ipv6Packet;
import io.zerowire.protocols.testing.Tshark;
import io.zerowire.protocols.udp.UdpBuilder;
import io.zerowire.protocols.udp.UdpParser;
import io.zerowire.serialize.Serializer;
import io.zerowire.serialize.SizeLimitExceededException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's headers of this package against two implementations nobody here wrote: frames made by
 * scapy are read by the generated views field for field as tshark reads the same file, and frames
 * built through the nested serializer chain are read by tshark with every checksum good and every
 * field as set.
 */
class UserHeadersTest {
    private static final MacAddress A = MacAddress.parse("02:00:00:00:00:01");
    private static final MacAddress B = MacAddress.parse("02:00:00:00:00:02");

    @TempDir
    Path dir;

    @Test
    void scapysFramesReadAsTsharkReadsThem() throws Exception {
        Path pcap = dir.resolve("scapy.pcap");
        List<String> frames = new ArrayList<>();
        frames.add("Ether()/IP(src='192.0.2.1', dst='192.0.2.2')/UDP(sport=49152, dport=4789)/VXLAN(vni=0x123456)"
                + "/Ether()/IP(src='10.0.0.1', dst='10.0.0.2')/ICMP(id=7, seq=1)/b'ping'");
        frames.add("Ether()/IPv6(src='2001:db8::1', dst='2001:db8::2')/UDP(sport=1, dport=4789)/VXLAN(vni=0xffffff)"
                + "/Ether()/IPv6()/ICMPv6EchoRequest()");
        for (int flags = 0; flags < 8; flags++) {   // every combination of C, K and S
            frames.add(String.format("Ether()/IP(src='192.0.2.1', dst='192.0.2.2')/GRE(chksum_present=%d,"
                    + " key_present=%d, seqnum_present=%d, key=0xdeadbeef, sequence_number=%d, proto=0x0800)"
                    + "/IP(src='10.0.0.1', dst='10.0.0.2')/UDP(sport=1, dport=2)/b'abc%d'",
                    flags >> 2, (flags >> 1) & 1, flags & 1, 1000 + flags, flags));
        }
        frames.add("Ether()/IP(src='192.0.2.1', dst='192.0.2.53')/UDP(sport=5353, dport=53)"
                + "/DNS(id=0x1234, rd=1, qd=DNSQR(qname='example.com'))");
        frames.add("Ether()/IPv6(src='2001:db8::53', dst='2001:db8::1')/UDP(sport=53, dport=5353)"
                + "/DNS(id=0xbeef, qr=1, opcode=0, aa=1, tc=0, rd=1, ra=1, ad=1, cd=1, rcode=3,"
                + " qd=DNSQR(qname='nx.example'), ns=DNSRR(rrname='example', type='A', rdata='192.0.2.9'))");
        frames.add("Ether()/IP()/UDP(sport=53, dport=53)/DNS(id=65535, qr=1, opcode=2, tc=1, rcode=15)");
        Scapy.writePcap(pcap, "from scapy.layers.vxlan import VXLAN", "[" + String.join(", ", frames) + "]");

        List<Map<String, String>> ours = TsharkReadings.read(pcap, UserHeadersTest::read);
        assertThat(ours).hasSize(frames.size());
        int compared = TsharkReadings.assertTsharkAgrees(pcap, ours);
        // Every field of every frame was compared: VXLAN 2 x 2; GRE 8 x 5 always, then C (checksum and
        // its status) in 4 frames, K in 4, S in 4; DNS 11 in the query, 14 in each response.
        assertThat(compared).isEqualTo(4 + (40 + 8 + 4 + 4) + (11 + 28));
    }

    @Test
    void framesBuiltThroughTheChainAreWhatTsharkSees() throws Exception {
        Ipv4Address outerV4Source = Ipv4Address.parse("192.0.2.1");
        Ipv4Address outerV4Destination = Ipv4Address.parse("192.0.2.2");
        Ipv6Address innerSource = Ipv6Address.parse("2001:db8::a");
        Ipv6Address innerDestination = Ipv6Address.parse("2001:db8::b");
        // Ethernet / IPv4 / UDP / VXLAN / Ethernet / IPv6 / ICMPv6 echo request
        PacketBuffer vxlan = Serializer.of("zerowire".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encapsulate(new EchoBuilder().identifier(0x0707).sequenceNumber(9))
                .encapsulate(new Icmpv6HeaderBuilder().type(Icmpv6Type.ECHO_REQUEST).addresses(innerSource, innerDestination))
                .encapsulate(new Ipv6HeaderBuilder().hopLimit(64).nextHeader(IpProtocol.IPV6_ICMP)
                        .source(innerSource).destination(innerDestination))
                .encapsulate(new EthernetBuilder().source(A).destination(B).etherType(EtherType.IPV6))
                .encapsulate(new VxlanBuilder().vni(0xabcdef))
                .encapsulate(new UdpBuilder().sourcePort(50000).destinationPort(4789)
                        .addresses(outerV4Source, outerV4Destination))
                .encapsulate(new Ipv4Builder().ttl(64).protocol(IpProtocol.UDP)
                        .source(outerV4Source).destination(outerV4Destination))
                .encapsulate(new EthernetBuilder().source(B).destination(A).etherType(EtherType.IPV4))
                .serialize();
        // Ethernet / IPv6 / GRE with C, K and S / IPv4 / UDP
        Ipv6Address outerV6Source = Ipv6Address.parse("2001:db8::1");
        Ipv6Address outerV6Destination = Ipv6Address.parse("2001:db8::2");
        Ipv4Address innerV4Source = Ipv4Address.parse("10.1.1.1");
        Ipv4Address innerV4Destination = Ipv4Address.parse("10.2.2.2");
        PacketBuffer gre = Serializer.of(new byte[] {1, 2, 3, 4, 5})
                .encapsulate(new UdpBuilder().sourcePort(1234).destinationPort(5678)
                        .addresses(innerV4Source, innerV4Destination))
                .encapsulate(new Ipv4Builder().ttl(9).protocol(IpProtocol.UDP)
                        .source(innerV4Source).destination(innerV4Destination))
                .encapsulate(new GreBuilder().protocolType(0x0800).key(0xcafef00dL).sequenceNumber(77).withChecksum())
                .encapsulate(new Ipv6HeaderBuilder().hopLimit(64).nextHeader(IpProtocol.GRE)
                        .source(outerV6Source).destination(outerV6Destination))
                .encapsulate(new EthernetBuilder().source(A).destination(B).etherType(EtherType.IPV6))
                .serialize();
        Path pcap = dir.resolve("built.pcap");
        try (PcapWriter out = PcapWriter.builder(LinkType.ETHERNET).open(pcap)) {
            out.write(1, 0, vxlan);
            out.write(2, 0, gre);
        }

        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("_ws.malformed", List.of());
        expected.put("_ws.expert.severity", List.of());
        expected.put("vxlan.vni", List.of("11259375"));
        expected.put("vxlan.flag_i", List.of("1"));
        expected.put("icmpv6.echo.identifier", List.of("0x0707"));
        expected.put("icmpv6.echo.sequence_number", List.of("9"));
        expected.put("icmpv6.checksum.status", List.of("1"));
        expected.put("udp.checksum.status", List.of("1"));
        expected.put("ip.checksum.status", List.of("1"));
        Map<String, List<String>> expectedGre = new LinkedHashMap<>();
        expectedGre.put("_ws.malformed", List.of());
        expectedGre.put("_ws.expert.severity", List.of());
        expectedGre.put("gre.flags.checksum", List.of("1"));
        expectedGre.put("gre.flags.key", List.of("1"));
        expectedGre.put("gre.flags.sequence_number", List.of("1"));
        expectedGre.put("gre.key", List.of("0xcafef00d"));
        expectedGre.put("gre.sequence_number", List.of("77"));
        expectedGre.put("gre.checksum.status", List.of("1"));
        expectedGre.put("ip.src", List.of("10.1.1.1"));
        expectedGre.put("ip.checksum.status", List.of("1"));
        expectedGre.put("udp.dstport", List.of("5678"));
        expectedGre.put("udp.checksum.status", List.of("1"));
        List<String> fields = new ArrayList<>(expected.keySet());
        expectedGre.keySet().stream().filter(f -> !fields.contains(f)).forEach(fields::add);
        Map<Integer, Map<String, List<String>>> tshark = Tshark.fields(pcap, fields);
        assertThat(tshark.get(1)).as("the VXLAN frame").containsAllEntriesOf(expected);
        assertThat(tshark.get(2)).as("the GRE frame").containsAllEntriesOf(expectedGre);
    }

    private static void read(PacketBuffer frame, int type, Map<String, String> fields) throws ParseException {
        IpPacket<?> ip = type == EtherType.IPV4.value() ? Ipv4Packet.parse(frame) : Ipv6Packet.parse(frame);
        if (ip.transportProtocol().equals(IpProtocol.GRE)) {
            gre(Gre.parse(frame), fields);
            return;
        }
        UdpParser udp = new UdpParser();
        int port = udp.wrap(frame, ip).destinationPort();
        if (port == 4789) {
            Vxlan vxlan = Vxlan.parse(frame);
            fields.put("vxlan.vni", Integer.toString(vxlan.vni()));
            fields.put("vxlan.flag_i", vxlan.vniValid() ? "1" : "0");
        } else if (port == 53 || udp.layout().sourcePort() == 53) {
            dns(DnsHeader.parse(frame), fields);
        }
    }

    private static void gre(Gre gre, Map<String, String> fields) {
        fields.put("gre.flags.checksum", gre.checksumPresent() ? "1" : "0");
        fields.put("gre.flags.key", gre.keyPresent() ? "1" : "0");
        fields.put("gre.flags.sequence_number", gre.sequencePresent() ? "1" : "0");
        fields.put("gre.flags.version", Integer.toString(gre.version()));
        fields.put("gre.proto", String.format("0x%04x", gre.protocolType()));
        if (gre.hasChecksum()) {
            fields.put("gre.checksum", String.format("0x%04x", gre.checksum()));
            // tshark's status 1 is "good": our parse verified the same sum.
            fields.put("gre.checksum.status", gre.checksumValid() ? "1" : "0");
        }
        if (gre.hasKey()) {
            fields.put("gre.key", String.format("0x%08x", gre.key()));
        }
        if (gre.hasSequenceNumber()) {
            fields.put("gre.sequence_number", Long.toString(gre.sequenceNumber()));
        }
    }

    private static void dns(DnsHeader dns, Map<String, String> fields) {
        fields.put("dns.id", String.format("0x%04x", dns.id()));
        fields.put("dns.flags.response", dns.response() ? "1" : "0");
        fields.put("dns.flags.opcode", Integer.toString(dns.opcode()));
        fields.put("dns.flags.truncated", dns.truncated() ? "1" : "0");
        fields.put("dns.flags.recdesired", dns.recursionDesired() ? "1" : "0");
        fields.put("dns.flags.z", dns.z() ? "1" : "0");
        fields.put("dns.flags.checkdisable", dns.checkingDisabled() ? "1" : "0");
        fields.put("dns.count.queries", Integer.toString(dns.questionCount()));
        fields.put("dns.count.answers", Integer.toString(dns.answerCount()));
        fields.put("dns.count.auth_rr", Integer.toString(dns.authorityCount()));
        fields.put("dns.count.add_rr", Integer.toString(dns.additionalCount()));
        // tshark shows these three of a response only.
        if (dns.response()) {
            fields.put("dns.flags.authoritative", dns.authoritative() ? "1" : "0");
            fields.put("dns.flags.recavail", dns.recursionAvailable() ? "1" : "0");
            fields.put("dns.flags.rcode", Integer.toString(dns.rcode()));
        }
    }
}
