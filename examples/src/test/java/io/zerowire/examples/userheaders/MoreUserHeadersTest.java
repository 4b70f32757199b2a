package io.zerowire.examples.userheaders;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.link.MacAddress;
import io.zerowire.options.OptionsBuilder;
import io.zerowire.options.OptionsIterator;
import io.zerowire.parse.ParseException;
import io.zerowire.pcap.LinkType;
import io.zerowire.pcap.PcapWriter;
import io.zerowire.protocols.ethernet.EtherType;
import io.zerowire.protocols.ethernet.EthernetBuilder;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ipv4.Ipv4Builder;
import io.zerowire.protocols.ipv4.Ipv4Packet;
import io.zerowire.protocols.ipv6.Ipv6HeaderBuilder;
import io.zerowire.protocols.ipv6.Ipv6Packet;
import io.zerowire.protocols.testing.Tshark;
import io.zerowire.protocols.udp.UdpBuilder;
import io.zerowire.protocols.udp.UdpParser;
import io.zerowire.serialize.Serializer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's headers that need more than fixed fields, against scapy and tshark: GENEVE with
 * options and NSH with MD Type 2 context headers (option formats the user declares), an MPLS label
 * stack (a repeated group), UDP-Lite with partial coverage over both IP versions (a checksum whose
 * coverage a field gives, through the one generic view type).
 */
class MoreUserHeadersTest {
    private static final MacAddress A = MacAddress.parse("02:00:00:00:00:01");
    private static final MacAddress B = MacAddress.parse("02:00:00:00:00:02");
    private static final int MPLS = 0x8847;
    private static final int NSH = 0x894F;
    private static final IpProtocol UDP_LITE = IpProtocol.of(136);

    /**
     * UDP-Lite is raw bytes to scapy: this Python function frames a datagram and computes its RFC 3828
     * checksum with scapy's own RFC 1071 sum over the pseudo-header and the covered bytes.
     */
    private static final String UDP_LITE_PY = String.join("\n",
            "import struct, socket",
            "from scapy.utils import checksum",
            "def udplite(ip, sport, dport, coverage, payload):",
            "    data = struct.pack('!HHHH', sport, dport, coverage, 0) + payload",
            "    covered = data if coverage == 0 else data[:coverage]",
            "    if ip.version == 4:",
            "        pseudo = socket.inet_pton(socket.AF_INET, ip.src) + socket.inet_pton(socket.AF_INET, ip.dst) + struct.pack('!BBH', 0, 136, len(data))",
            "    else:",
            "        pseudo = socket.inet_pton(socket.AF_INET6, ip.src) + socket.inet_pton(socket.AF_INET6, ip.dst) + struct.pack('!I3xB', len(data), 136)",
            "    c = checksum(pseudo + covered) or 0xffff",
            "    return ip / Raw(data[:6] + struct.pack('!H', c) + data[8:])");

    @TempDir
    Path dir;

    @Test
    void scapysFramesReadAsTsharkReadsThem() throws Exception {
        Path pcap = dir.resolve("scapy.pcap");
        List<String> frames = List.of(
                "Ether()/IP(src='192.0.2.1', dst='192.0.2.2')/UDP(sport=1, dport=6081)/GENEVE(vni=0x1234, proto=0x6558,"
                        + " options=[GeneveOptions(classid=0x0102, type=0x80, data=b'\\x01\\x02\\x03\\x04'),"
                        + " GeneveOptions(classid=0xffff, type=1, data=b''), GeneveOptions(classid=0x0103, type=2,"
                        + " data=b'x' * 12)])/Ether()/IP()/ICMP()",
                "Ether()/IP(src='192.0.2.1', dst='192.0.2.2')/UDP(sport=1, dport=6081)/GENEVE(vni=0xabcdef, oam=1,"
                        + " proto=0x0800)/IP()/ICMP()",
                "Ether(type=0x8847)/MPLS(label=16, ttl=64, s=0)/MPLS(label=0xfffff, cos=5, s=0, ttl=63)"
                        + "/MPLS(label=3, cos=7, s=1, ttl=1)/IP()/UDP()",
                "Ether(type=0x894F)/NSH(mdtype=2, length=6, nextproto=1, spi=0x123456, si=254, vlch=["
                        + "NSHTLV(class_=0x0102, type=5, length=4, metadata=b'abcd'),"
                        + " NSHTLV(class_=0xfff6, type=1, length=3, metadata=b'xyz\\x00')])/IP()/ICMP()",
                "Ether()/udplite(IP(src='192.0.2.1', dst='192.0.2.2', proto=136), 5004, 5005, 8, b'partly covered')",
                "Ether()/udplite(IP(src='192.0.2.1', dst='192.0.2.2', proto=136), 5004, 5005, 0, b'all covered')",
                "Ether()/udplite(IPv6(src='2001:db8::1', dst='2001:db8::2', nh=136), 7, 9, 12, b'abcdefgh')");
        Scapy.writePcap(pcap, "from scapy.contrib.geneve import GENEVE, GeneveOptions\n"
                + "from scapy.contrib.mpls import MPLS\n"
                + "from scapy.contrib.nsh import NSH, NSHTLV\n"
                + UDP_LITE_PY, "[" + String.join(", ", frames) + "]");

        List<Map<String, String>> ours = TsharkReadings.read(pcap, MoreUserHeadersTest::read);
        assertThat(ours).hasSize(frames.size());
        int compared = TsharkReadings.assertTsharkAgrees(pcap, ours);
        // GENEVE 8 with options and 6 without, MPLS 4, NSH 11, UDP-Lite 5 x 3: every field above was compared.
        assertThat(compared).isEqualTo(14 + 4 + 11 + 15);
    }

    private static void read(PacketBuffer frame, int type, Map<String, String> fields) throws ParseException {
        if (type == MPLS) {
            mpls(MplsStack.parse(frame), fields);
        } else if (type == NSH) {
            nsh(Nsh.parse(frame), fields);
        } else if (type == EtherType.IPV4.value()) {
            Ipv4Packet ip = Ipv4Packet.parse(frame);
            if (ip.transportProtocol().equals(UDP_LITE)) {
                udpLite(UdpLiteV4.parse(frame, ip.source(), ip.destination()), fields);
            } else {
                new UdpParser().wrap(frame, ip);
                geneve(Geneve.parse(frame), fields);
            }
        } else {
            Ipv6Packet ip = Ipv6Packet.parse(frame);
            udpLite(UdpLiteV6.parse(frame, ip.source(), ip.destination()), fields);
        }
    }

    private static void geneve(Geneve geneve, Map<String, String> fields) {
        fields.put("geneve.version", Integer.toString(geneve.version()));
        fields.put("geneve.flags.oam", geneve.oam() ? "1" : "0");
        fields.put("geneve.flags.critical", geneve.critical() ? "1" : "0");
        fields.put("geneve.proto_type", String.format("0x%04x", geneve.protocolType()));
        fields.put("geneve.vni", String.format("0x%06x", geneve.vni()));
        if (geneve.optionLength() == 0) {
            fields.put("geneve.option.class", "");
            return;
        }
        List<String> classes = new ArrayList<>();
        List<String> types = new ArrayList<>();
        // tshark gives the options' total length first, then each option's, header included.
        List<String> lengths = new ArrayList<>(List.of(Integer.toString(geneve.optionLength() * 4)));
        OptionsIterator options = geneve.options();
        while (options.next()) {
            classes.add(String.format("0x%04x", options.kind() >>> 8));
            types.add(String.format("0x%02x", options.kind() & 0xFF));
            lengths.add(Integer.toString(options.length()));
        }
        fields.put("geneve.option.class", String.join(",", classes));
        fields.put("geneve.option.type", String.join(",", types));
        fields.put("geneve.option.length", String.join(",", lengths));
    }

    private static void mpls(MplsStack stack, Map<String, String> fields) {
        List<String> labels = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        List<String> bottoms = new ArrayList<>();
        List<String> ttls = new ArrayList<>();
        for (int i = 0; i < stack.labelsCount(); i++) {
            MplsEntry entry = stack.labels(i);
            labels.add(Integer.toString(entry.label()));
            classes.add(Integer.toString(entry.trafficClass()));
            bottoms.add(entry.bottomOfStack() ? "1" : "0");
            ttls.add(Integer.toString(entry.ttl()));
        }
        fields.put("mpls.label", String.join(",", labels));
        fields.put("mpls.exp", String.join(",", classes));
        fields.put("mpls.bottom", String.join(",", bottoms));
        fields.put("mpls.ttl", String.join(",", ttls));
    }

    private static void nsh(Nsh nsh, Map<String, String> fields) {
        fields.put("nsh.version", Integer.toString(nsh.version()));
        fields.put("nsh.Obit", nsh.oam() ? "1" : "0");
        fields.put("nsh.ttl", String.format("0x%04x", nsh.ttl()));
        fields.put("nsh.length", Integer.toString(nsh.length()));
        fields.put("nsh.mdtype", Integer.toString(nsh.mdType()));
        fields.put("nsh.nextproto", Integer.toString(nsh.nextProtocol()));
        fields.put("nsh.spi", Integer.toString(nsh.servicePathIdentifier()));
        fields.put("nsh.si", Integer.toString(nsh.serviceIndex()));
        List<String> classes = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<String> lengths = new ArrayList<>();
        OptionsIterator context = nsh.contextHeaders();
        while (context.next()) {
            classes.add(Integer.toString(context.kind() >>> 8));
            types.add(Integer.toString(context.kind() & 0xFF));
            lengths.add(String.format("0x%02x", context.valueLength()));
        }
        fields.put("nsh.metadataclass", String.join(",", classes));
        fields.put("nsh.metadatatype", String.join(",", types));
        fields.put("nsh.metadatalen", String.join(",", lengths));
    }

    private static void udpLite(UdpLite<?> datagram, Map<String, String> fields) {
        fields.put("udp.srcport", Integer.toString(datagram.sourcePort()));
        fields.put("udp.dstport", Integer.toString(datagram.destinationPort()));
        fields.put("udp.checksum_coverage", Integer.toString(datagram.checksumCoverage()));
        fields.put("udp.checksum", String.format("0x%04x", datagram.checksum()));
        // parse verified the checksum; tshark's 1 is "good".
        fields.put("udp.checksum.status", datagram.checksumValid() ? "1" : "0");
    }

    @Test
    void framesBuiltThroughTheChainAreWhatTsharkSees() throws Exception {
        Ipv4Address outerSource = Ipv4Address.parse("192.0.2.1");
        Ipv4Address outerDestination = Ipv4Address.parse("192.0.2.2");
        Ipv4Address innerSource = Ipv4Address.parse("10.0.0.1");
        Ipv4Address innerDestination = Ipv4Address.parse("10.0.0.2");
        byte[] payload = "zerowire".getBytes(StandardCharsets.US_ASCII);
        // Ethernet / IPv4 / UDP / GENEVE with three options / Ethernet / IPv4 / UDP
        Serializer innerFrame = Serializer.of(payload)
                .encapsulate(new UdpBuilder().sourcePort(1000).destinationPort(2000).addresses(innerSource, innerDestination))
                .encapsulate(new Ipv4Builder().ttl(64).protocol(IpProtocol.UDP).source(innerSource).destination(innerDestination))
                .encapsulate(new EthernetBuilder().source(A).destination(B).etherType(EtherType.IPV4));
        OptionsBuilder options = new OptionsBuilder(GeneveOptionFormat.FORMAT)
                .add(0x010280, new byte[] {1, 2, 3, 4})
                .add(0xffff01, new byte[0])
                .add(0x010302, "twelve bytes".getBytes(StandardCharsets.US_ASCII));
        PacketBuffer geneve = innerFrame
                .encapsulate(new GeneveBuilder().protocolType(0x6558).vni(0x0abcde).options(options))
                .encapsulate(new UdpBuilder().sourcePort(40000).destinationPort(6081).addresses(outerSource, outerDestination))
                .encapsulate(new Ipv4Builder().ttl(64).protocol(IpProtocol.UDP).source(outerSource).destination(outerDestination))
                .encapsulate(new EthernetBuilder().source(B).destination(A).etherType(EtherType.IPV4))
                .serialize();
        // Ethernet / MPLS 100, 200 / IPv4 / UDP
        PacketBuffer mpls = Serializer.of(payload)
                .encapsulate(new UdpBuilder().sourcePort(1).destinationPort(2).addresses(innerSource, innerDestination))
                .encapsulate(new Ipv4Builder().ttl(9).protocol(IpProtocol.UDP).source(innerSource).destination(innerDestination))
                .encapsulate(new MplsStackBuilder().labels(List.of(new MplsEntryBuilder().label(100).ttl(64),
                        new MplsEntryBuilder().label(200).trafficClass(3).ttl(63))))
                .encapsulate(new EthernetBuilder().source(A).destination(B).etherType(EtherType.of(MPLS)))
                .serialize();
        // Ethernet / NSH with two context headers / IPv4 / UDP
        PacketBuffer nsh = Serializer.of(payload)
                .encapsulate(new UdpBuilder().sourcePort(3).destinationPort(4).addresses(innerSource, innerDestination))
                .encapsulate(new Ipv4Builder().ttl(9).protocol(IpProtocol.UDP).source(innerSource).destination(innerDestination))
                .encapsulate(new NshBuilder().ttl(63).nextProtocol(1).servicePathIdentifier(0x00beef).serviceIndex(255)
                        .contextHeaders(new OptionsBuilder(NshContextFormat.FORMAT)
                                .add(0x010205, "abcd".getBytes(StandardCharsets.US_ASCII))
                                .add(0xfff601, "xyz".getBytes(StandardCharsets.US_ASCII))))
                .encapsulate(new EthernetBuilder().source(A).destination(B).etherType(EtherType.of(NSH)))
                .serialize();
        // Ethernet / IPv6 / UDP-Lite covering its header and 4 payload bytes
        Ipv6Address v6Source = Ipv6Address.parse("2001:db8::1");
        Ipv6Address v6Destination = Ipv6Address.parse("2001:db8::2");
        PacketBuffer udpLite = Serializer.of(payload)
                .encapsulate(new UdpLiteV6Builder().sourcePort(5004).destinationPort(5005).checksumCoverage(12)
                        .addresses(v6Source, v6Destination))
                .encapsulate(new Ipv6HeaderBuilder().hopLimit(64).nextHeader(UDP_LITE).source(v6Source).destination(v6Destination))
                .encapsulate(new EthernetBuilder().source(A).destination(B).etherType(EtherType.IPV6))
                .serialize();
        Path pcap = dir.resolve("built.pcap");
        try (PcapWriter out = PcapWriter.builder(LinkType.ETHERNET).open(pcap)) {
            out.write(1, 0, geneve);
            out.write(2, 0, mpls);
            out.write(3, 0, nsh);
            out.write(4, 0, udpLite);
        }

        List<Map<String, List<String>>> expected = List.of(
                Map.of("geneve.vni", List.of("0x0abcde"), "geneve.option.class", List.of("0x0102", "0xffff", "0x0103"),
                        "geneve.option.type", List.of("0x80", "0x01", "0x02"),
                        "geneve.option.length", List.of("28", "8", "4", "16"),
                        "udp.checksum.status", List.of("1", "1"), "ip.checksum.status", List.of("1", "1")),
                Map.of("mpls.label", List.of("100", "200"), "mpls.exp", List.of("0", "3"), "mpls.bottom", List.of("0", "1"),
                        "mpls.ttl", List.of("64", "63"), "udp.checksum.status", List.of("1"), "ip.src", List.of("10.0.0.1")),
                Map.of("nsh.length", List.of("6"), "nsh.spi", List.of("48879"), "nsh.si", List.of("255"),
                        "nsh.metadataclass", List.of("258", "65526"), "nsh.metadatatype", List.of("5", "1"),
                        "nsh.metadatalen", List.of("0x04", "0x03"), "udp.checksum.status", List.of("1")),
                Map.of("udp.checksum_coverage", List.of("12"), "udp.checksum.status", List.of("1"),
                        "udp.srcport", List.of("5004")));
        List<String> fields = new ArrayList<>(List.of("_ws.malformed", "_ws.expert.severity"));
        expected.forEach(m -> m.keySet().stream().filter(f -> !fields.contains(f)).forEach(fields::add));
        Map<Integer, Map<String, List<String>>> tshark = Tshark.fields(pcap, fields);
        for (int i = 0; i < expected.size(); i++) {
            Map<String, List<String>> seen = tshark.get(i + 1);
            assertThat(seen.get("_ws.malformed")).as("frame %d malformed", i + 1).isEmpty();
            assertThat(seen.get("_ws.expert.severity")).as("frame %d expert notes", i + 1).isEmpty();
            assertThat(seen).as("frame %d", i + 1).containsAllEntriesOf(expected.get(i));
        }
    }
}
