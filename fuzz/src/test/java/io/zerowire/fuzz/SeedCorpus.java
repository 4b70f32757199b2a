package io.zerowire.fuzz;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.fuzz.layouts.BlockBuilder;
import io.zerowire.fuzz.layouts.ProbeBuilder;
import io.zerowire.fuzz.layouts.TunnelV4Builder;
import io.zerowire.fuzz.layouts.TunnelV6Builder;
import io.zerowire.ip.IpAddress;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.link.MacAddress;
import io.zerowire.options.OptionsBuilder;
import io.zerowire.options.OptionsIterator;
import io.zerowire.pcap.CaptureFormat;
import io.zerowire.pcap.CaptureReader;
import io.zerowire.pcap.LinkType;
import io.zerowire.pcap.PcapWriter;
import io.zerowire.pcap.PcapngWriter;
import io.zerowire.pcap.Record;
import io.zerowire.pcap.layout.PcapngOptionLeFormat;
import io.zerowire.pcap.testing.TestEnvironment;
import io.zerowire.protocols.arp.ArpBuilder;
import io.zerowire.protocols.arp.ArpOperation;
import io.zerowire.protocols.ethernet.EtherType;
import io.zerowire.protocols.ethernet.EthernetBuilder;
import io.zerowire.protocols.ethernet.VlanTagBuilder;
import io.zerowire.protocols.framing.Framing;
import io.zerowire.protocols.icmp.IcmpMessageBuilder;
import io.zerowire.protocols.icmp.IcmpUnreachableCode;
import io.zerowire.protocols.icmpv6.Icmpv6HeaderBuilder;
import io.zerowire.protocols.icmpv6.Icmpv6Type;
import io.zerowire.protocols.icmpv6.ndp.NdpOptionsBuilder;
import io.zerowire.protocols.icmpv6.ndp.NeighborSolicitationBuilder;
import io.zerowire.protocols.igmp.IgmpRecordType;
import io.zerowire.protocols.igmp.IgmpV3ReportMessageBuilder;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ipv4.Ipv4Builder;
import io.zerowire.protocols.ipv4.Ipv4OptionsBuilder;
import io.zerowire.protocols.ipv6.HopByHopOptionsBuilder;
import io.zerowire.protocols.ipv6.Ipv6HeaderBuilder;
import io.zerowire.protocols.ipv6.Ipv6OptionFormat;
import io.zerowire.protocols.ipv6.Ipv6Options;
import io.zerowire.protocols.ipv6.Ipv6PacketBuilder;
import io.zerowire.protocols.ipv6.RoutingHeaders;
import io.zerowire.protocols.ipv6.SegmentRoutingBuilder;
import io.zerowire.protocols.stack.Dissector;
import io.zerowire.protocols.stack.Layer;
import io.zerowire.protocols.tcp.TcpBuilder;
import io.zerowire.protocols.tcp.TcpOptionsBuilder;
import io.zerowire.protocols.udp.UdpBuilder;
import io.zerowire.serialize.Serializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the seed inputs of every fuzz target, in each target's input layout, from two sources: the
 * frames of {@code ../shared/captures} (when present: the captures are read, never copied) and
 * the project's own samples, built here with the builders (frames with options of every family,
 * the fuzz layouts, small pcap and pcapng files). Each frame is dissected and split into what each
 * target reads: the whole frame, the IP packet, the transport segment with its addresses, the
 * ICMP/IGMP message, each option region, the first records of each capture file.
 *
 * <p>Seeds are deduplicated by content and, per target, by shape (the layers and the first bytes of
 * the innermost header), so that a few hundred frames of one kind do not drown the rest.
 *
 * <pre>
 * java -cp ... io.zerowire.fuzz.SeedCorpus OUT [PER_SHAPE] [--inputs]
 * </pre>
 * writes {@code OUT/<Class>.<method>/<hash>}, or with {@code --inputs} Jazzer's regression layout
 * {@code OUT/io/zerowire/fuzz/<Class>Inputs/<method>/seed-<hash>}, at most a dozen per target spread
 * over the shapes. {@code fuzz/fuzz} runs it before fuzzing; the committed seeds under
 * {@code src/test/resources} came from it with a shape limit of 1 and {@code --inputs}.
 */
public final class SeedCorpus {
    /** The largest capture prefix kept as a pcap or pcapng seed. */
    private static final int CAPTURE_PREFIX = 2048;
    /**
     * The largest seed: libFuzzer's default input limit. A larger seed (a BIG TCP segment) would
     * raise the limit for the whole run and slow every execution down.
     */
    private static final int MAX_SEED = 4096;
    /** How many seeds per target {@code --inputs} writes, for the committed regression corpus. */
    private static final int COMMITTED_PER_TARGET = 12;

    private final Map<String, Map<String, List<byte[]>>> seeds = new LinkedHashMap<>();
    private final int perShape;
    private final Dissector d = new Dissector();

    SeedCorpus(int perShape) {
        this.perShape = perShape;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: SeedCorpus OUT [PER_SHAPE] [--inputs]");
            System.exit(2);
        }
        SeedCorpus corpus = new SeedCorpus(args.length > 1 ? Integer.parseInt(args[1]) : 4);
        corpus.samples();
        int files = corpus.captures();
        int written = corpus.write(Path.of(args[0]), args.length > 2 && args[2].equals("--inputs"));
        System.out.printf("seed corpus: %d capture files read, %d seeds written for %d targets into %s%n", files,
                written, corpus.seeds.size(), args[0]);
    }

    /** The targets and their seeds, for tests. */
    Map<String, Map<String, List<byte[]>>> seeds() {
        return seeds;
    }

    /** Reads every capture under shared/captures, if there is such a directory; returns how many files. */
    int captures() throws IOException {
        if (TestEnvironment.capturesDirectory() == null) {
            System.err.println("seed corpus: no shared/captures directory, only the project's own samples");
            return 0;
        }
        List<Path> files = TestEnvironment.captures("tcpdump", "kernel");
        for (Path file : files) {
            capture(Files.readAllBytes(file));
        }
        return files.size();
    }

    /** One capture file: its first records as a pcap or pcapng seed, and each of its frames split by layer. */
    void capture(byte[] file) {
        Record record = new Record();
        try {
            CaptureReader reader = CaptureReader.of(file);
            String target = reader.format() == CaptureFormat.PCAP ? "CaptureFuzzTest.pcap" : "CaptureFuzzTest.pcapng";
            long prefix = reader.position();
            while (reader.next(record)) {
                if (reader.position() <= CAPTURE_PREFIX) {
                    prefix = reader.position();
                }
                Framing framing = Framing.ofLinkType(record.linkType().value());
                if (framing != null) {
                    frame(framing, record.packet().toByteArray());
                }
                OptionsIterator options = record.options();
                if (options.end() > options.start()) {
                    add("OptionsFuzzTest.pcapngOptions", "record", options.array(), options.start(), options.end());
                }
            }
            add(target, "file", file, 0, (int) Math.min(prefix, file.length));
        } catch (io.zerowire.parse.ParseException e) {
            add("CaptureFuzzTest.pcap", "bad " + e.detail(), file, 0, Math.min(file.length, CAPTURE_PREFIX));
        }
    }

    /** Splits a frame into the inputs of every target that reads part of it. */
    void frame(Framing framing, byte[] frame) {
        d.dissect(framing, PacketBuffer.wrap(frame.clone()));
        String shape = String.valueOf(java.util.Arrays.asList(d.layers())) + d.failedLayer();
        if (framing == Framing.ETHERNET) {
            add("StackFuzzTest.ethernet", shape, frame, 0, frame.length);
        }
        if (d.has(Layer.ARP)) {
            int at = d.arp().offset();
            add("StackFuzzTest.arp", shape, frame, at, frame.length);
        }
        if (d.has(Layer.IPV4)) {
            int at = d.ipv4().header().offset();
            add("StackFuzzTest.ipv4", shape + frame[at + 9], frame, at, frame.length);
            OptionsIterator options = d.ipv4().header().options();
            add("OptionsFuzzTest.ipv4Options", "", frame, options.start(), options.end());
        }
        if (d.has(Layer.IPV6)) {
            int at = d.ipv6().offset();
            add("StackFuzzTest.ipv6", shape + d.ipv6().extensionHeaderCount(), frame, at, frame.length);
            if (d.ipv6().hopByHopOptions() != null) {
                OptionsIterator options = d.ipv6().hopByHopOptions().options();
                add("OptionsFuzzTest.ipv6Options", "", frame, options.start(), options.end());
            }
            if (d.ipv6().destinationOptions() != null) {
                OptionsIterator options = d.ipv6().destinationOptions().options();
                add("OptionsFuzzTest.ipv6Options", "", frame, options.start(), options.end());
            }
            if (d.ipv6().segmentRoutingTlvsValid()) {
                OptionsIterator tlvs = d.ipv6().segmentRoutingTlvs();
                add("OptionsFuzzTest.segmentRoutingTlvs", "", frame, tlvs.start(), tlvs.end());
            }
        }
        int end = io.zerowire.protocols.stack.Rebuild.payloadEnd(d);
        if (d.has(Layer.UDP) || d.has(Layer.TCP)) {
            boolean tcp = d.has(Layer.TCP);
            int at = tcp ? d.tcp().bodyOffset() - d.tcp().headerLength() : d.udp().bodyOffset() - d.udp().headerLength();
            String target = "TransportFuzzTest." + (tcp ? "tcp" : "udp") + (d.has(Layer.IPV4) ? "OverIpv4" : "OverIpv6");
            byte[] addresses = concat(address(d.ip().source()), address(d.ip().pseudoHeaderDestination()));
            add(target, shape + (tcp ? d.tcp().options().count() : 0), concat(addresses,
                    java.util.Arrays.copyOfRange(frame, at, end)));
            if (tcp) {
                OptionsIterator options = d.tcp().options();
                add("OptionsFuzzTest.tcpOptions", "", frame, options.start(), options.end());
            }
        }
        if (d.has(Layer.ICMP)) {
            add("ControlFuzzTest.icmp", shape + d.icmp().typeValue(), frame, d.icmp().offset(), end);
        }
        if (d.has(Layer.IGMP)) {
            add("ControlFuzzTest.igmp", shape + d.igmp().kind(), frame, d.igmp().offset(), end);
        }
        if (d.has(Layer.ICMPV6)) {
            byte[] prefix = concat(concat(address(d.ipv6().source()), address(d.ipv6().destination())),
                    new byte[] {(byte) d.ipv6().hopLimit()});
            add("ControlFuzzTest.icmpv6", shape + d.icmpv6().typeValue(), concat(prefix,
                    java.util.Arrays.copyOfRange(frame, d.icmpv6().offset(), end)));
            if (d.icmpv6().message().isNdp()) {
                OptionsIterator options = d.icmpv6().ndpOptions().iterator();
                add("OptionsFuzzTest.ndpOptions", "", frame, options.start(), options.end());
            }
        }
    }

    /** The project's own samples: frames of every family with options, the fuzz layouts, capture files. */
    void samples() throws Exception {
        MacAddress a = MacAddress.parse("02:00:00:00:00:01");
        MacAddress b = MacAddress.parse("02:00:00:00:00:02");
        Ipv4Address host = Ipv4Address.parse("192.0.2.1");
        Ipv4Address peer = Ipv4Address.parse("198.51.100.7");
        Ipv6Address host6 = Ipv6Address.parse("fe80::1");
        Ipv6Address peer6 = Ipv6Address.parse("2001:db8::7");
        List<byte[]> frames = new ArrayList<>();
        byte[] syn = Serializer.of(new byte[] {1, 2, 3})
                .encapsulate(new TcpBuilder().sourcePort(41608).destinationPort(80).sequenceNumber(1).syn(true)
                        .window(64240).options(new TcpOptionsBuilder().mss(1460).sackPermitted().timestamps(7, 0)
                                .nop().windowScale(7)).addresses(host, peer))
                .encapsulate(new Ipv4Builder().ttl(64).protocol(IpProtocol.TCP).source(host).destination(peer)
                        .options(new Ipv4OptionsBuilder().routerAlert(0).recordRoute(2).timestamps(1).optionsBuilder()))
                .serialize().toByteArray();
        frames.add(ethernet(a, b, EtherType.IPV4, syn));
        byte[] udp6 = Serializer.of(new byte[] {9, 9})
                .encapsulate(new UdpBuilder().sourcePort(546).destinationPort(547).addresses(host6, peer6))
                .encapsulate(new Ipv6PacketBuilder(new Ipv6HeaderBuilder().hopLimit(1).source(host6).destination(peer6))
                        .hopByHop(new HopByHopOptionsBuilder()
                                .options(Ipv6Options.addRouterAlert(new OptionsBuilder(Ipv6OptionFormat.FORMAT), 0)))
                        .upperLayer(IpProtocol.UDP))
                .serialize().toByteArray();
        frames.add(Serializer.of(udp6).encapsulate(new VlanTagBuilder().vlanId(100).etherType(EtherType.IPV6))
                .encapsulate(new EthernetBuilder().destination(a).source(b).etherType(EtherType.VLAN))
                .serialize().toByteArray());
        Ipv6Address target = Ipv6Address.parse("2001:db8::9");
        byte[] ns = Serializer.of(new NdpOptionsBuilder().sourceLinkLayerAddress(a))
                .encapsulate(new NeighborSolicitationBuilder().target(target))
                .encapsulate(new Icmpv6HeaderBuilder().type(Icmpv6Type.NEIGHBOR_SOLICITATION)
                        .addresses(host6, target.toSolicitedNodeMulticast()))
                .encapsulate(new Ipv6HeaderBuilder().hopLimit(255).nextHeader(IpProtocol.IPV6_ICMP).source(host6)
                        .destination(target.toSolicitedNodeMulticast()))
                .serialize().toByteArray();
        frames.add(ethernet(a, b, EtherType.IPV6, ns));
        byte[] report = Serializer.of(new byte[0])
                .encapsulate(new IgmpV3ReportMessageBuilder().addRecord(IgmpRecordType.CHANGE_TO_EXCLUDE_MODE,
                        Ipv4Address.parse("239.1.2.3"), List.of(host, peer)))
                .encapsulate(new Ipv4Builder().ttl(1).protocol(IpProtocol.IGMP).source(host)
                        .destination(Ipv4Address.parse("224.0.0.22")))
                .serialize().toByteArray();
        frames.add(ethernet(a, b, EtherType.IPV4, report));
        byte[] quoted = java.util.Arrays.copyOfRange(syn, 0, 28);
        byte[] unreachable = IcmpMessageBuilder.destinationUnreachable(IcmpUnreachableCode.PORT)
                .quoting(PacketBuffer.wrap(quoted))
                .encapsulate(new Ipv4Builder().ttl(64).protocol(IpProtocol.ICMP).source(peer).destination(host))
                .serialize().toByteArray();
        frames.add(ethernet(a, b, EtherType.IPV4, unreachable));
        frames.add(Serializer.of(new byte[0])
                .encapsulate(new ArpBuilder().operation(ArpOperation.REQUEST).senderHardwareAddress(a)
                        .senderProtocolAddress(host).targetHardwareAddress(MacAddress.parse("00:00:00:00:00:00"))
                        .targetProtocolAddress(peer))
                .encapsulate(new EthernetBuilder().destination(MacAddress.parse("ff:ff:ff:ff:ff:ff")).source(a)
                        .etherType(EtherType.ARP))
                .serialize().toByteArray());
        byte[] udp4 = Serializer.of(new byte[] {0, 1, 0, 0, 0, 1})
                .encapsulate(new UdpBuilder().sourcePort(5353).destinationPort(53).addresses(host, peer))
                .encapsulate(new Ipv4Builder().ttl(64).protocol(IpProtocol.UDP).source(host).destination(peer))
                .serialize().toByteArray();
        frames.add(ethernet(a, b, EtherType.IPV4, udp4));
        Ipv6Address segment = Ipv6Address.parse("2001:db8::5");
        OptionsBuilder tlvs = new OptionsBuilder(RoutingHeaders.SRH_TLV_FORMAT).add(5, new byte[] {1, 2, 3, 4});
        byte[] tcp6 = Serializer.of(new byte[] {4, 5})
                .encapsulate(new TcpBuilder().sourcePort(443).destinationPort(50000).ack(true).window(512)
                        .options(new TcpOptionsBuilder().nop().nop().timestamps(1, 2)).addresses(host6, peer6))
                .encapsulate(new Ipv6PacketBuilder(new Ipv6HeaderBuilder().hopLimit(64).source(host6).destination(segment))
                        .routing(new SegmentRoutingBuilder().segments(peer6, segment).tlvs(tlvs))
                        .upperLayer(IpProtocol.TCP))
                .serialize().toByteArray();
        frames.add(ethernet(a, b, EtherType.IPV6, tcp6));
        for (byte[] frame : frames) {
            frame(Framing.ETHERNET, frame);
        }
        captureFiles(frames);
        layouts(host, peer, host6, peer6, a);
    }

    private void captureFiles(List<byte[]> frames) throws IOException {
        ByteArrayOutputStream pcap = new ByteArrayOutputStream();
        try (PcapWriter writer = PcapWriter.builder(LinkType.ETHERNET).nanosecond(true).open(pcap)) {
            for (int i = 0; i < 2; i++) {
                writer.write(1_700_000_000L + i, 5000, frames.get(i), 0, frames.get(i).length, frames.get(i).length);
            }
        }
        add("CaptureFuzzTest.pcap", "sample", pcap.toByteArray());
        for (boolean bigEndian : new boolean[] {false, true}) {
            ByteArrayOutputStream pcapng = new ByteArrayOutputStream();
            try (PcapngWriter writer = PcapngWriter.builder().bigEndian(bigEndian).userApplication("zerowire fuzz")
                    .open(pcapng)) {
                int id = writer.addInterface(LinkType.ETHERNET, 0, 6, "eth0");
                writer.write(id, 1_700_000_000L, 1000, frames.get(2), 0, frames.get(2).length, frames.get(2).length);
            }
            add("CaptureFuzzTest.pcapng", "sample " + bigEndian, pcapng.toByteArray());
        }
    }

    private void layouts(Ipv4Address host, Ipv4Address peer, Ipv6Address host6, Ipv6Address peer6, MacAddress mac)
            throws Exception {
        OptionsBuilder pcapngOptions = new OptionsBuilder(PcapngOptionLeFormat.FORMAT)
                .add(1, "comment".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).addU32(9, 6).addEndOfList();
        byte[] region = new byte[pcapngOptions.regionLength(0)];
        pcapngOptions.write(region, 0, region.length);
        add("OptionsFuzzTest.pcapngOptions", "sample", region);
        add("LayoutFuzzTest.block", "sample", Serializer.of(new byte[] {1, 2, 3, 4, 5})
                .encapsulate(new BlockBuilder().flags(5).sequence(4000).offsetCorrection(-3)
                        .station(new byte[] {1, 2, 3, 4, 5, 6}).tag(0xBEEF).options(pcapngOptions))
                .serialize().toByteArray());
        OptionsBuilder tcpStyle = new TcpOptionsBuilder().mss(536).nop().windowScale(3).asOptionsBuilder();
        add("LayoutFuzzTest.probe", "sample", Serializer.of(new byte[] {7, 7, 7})
                .encapsulate(new ProbeBuilder().version(2).kind(9).station(mac).target(peer).priority(3).token(123456)
                        .options(tcpStyle))
                .serialize().toByteArray());
        OptionsBuilder padded = Ipv6Options.addRouterAlert(new OptionsBuilder(Ipv6OptionFormat.FORMAT), 2);
        add("LayoutFuzzTest.tunnelOverIpv4", "sample", concat(concat(address(host), address(peer)),
                Serializer.of(new byte[] {1, 2, 3}).encapsulate(new TunnelV4Builder().nextHeader(17).critical(true)
                        .flowId(77).cookie(-2).options(padded).addresses(host, peer)).serialize().toByteArray()));
        add("LayoutFuzzTest.tunnelOverIpv6", "sample", concat(concat(address(host6), address(peer6)),
                Serializer.of(new byte[] {1, 2, 3}).encapsulate(new TunnelV6Builder().nextHeader(6).flowId(5)
                        .cookie(1L << 40).options(padded).addresses(host6, peer6)).serialize().toByteArray()));
    }

    private static byte[] ethernet(MacAddress destination, MacAddress source, EtherType type, byte[] packet)
            throws Exception {
        return Serializer.of(packet).encapsulate(new EthernetBuilder().destination(destination).source(source)
                .etherType(type)).serialize().toByteArray();
    }

    private static byte[] address(IpAddress<?> address) {
        if (address instanceof Ipv4Address v4) {
            byte[] bytes = new byte[4];
            v4.write(bytes, 0);
            return bytes;
        }
        byte[] bytes = new byte[16];
        ((Ipv6Address) address).write(bytes, 0);
        return bytes;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private void add(String target, String shape, byte[] array, int from, int to) {
        if (to > from) {
            add(target, shape, java.util.Arrays.copyOfRange(array, from, to));
        }
    }

    private void add(String target, String shape, byte[] input) {
        if (input.length > MAX_SEED) {
            return;
        }
        String key = shape + "/" + (input.length > 0 ? input[0] : -1) + "/" + Integer.highestOneBit(input.length);
        List<byte[]> same = seeds.computeIfAbsent(target, t -> new LinkedHashMap<>())
                .computeIfAbsent(key, k -> new ArrayList<>());
        if (same.size() < perShape && same.stream().noneMatch(s -> java.util.Arrays.equals(s, input))) {
            same.add(input);
        }
    }

    /** Writes every seed; returns how many. */
    int write(Path root, boolean jazzerInputs) throws Exception {
        int written = 0;
        for (Map.Entry<String, Map<String, List<byte[]>>> target : seeds.entrySet()) {
            String[] classAndMethod = target.getKey().split("\\.");
            Path dir = jazzerInputs
                    ? root.resolve("io/zerowire/fuzz").resolve(classAndMethod[0] + "Inputs").resolve(classAndMethod[1])
                    : root.resolve(target.getKey());
            Files.createDirectories(dir);
            List<byte[]> all = new ArrayList<>();
            target.getValue().values().forEach(all::addAll);
            // the committed regression seeds: a few per target, spread over the shapes (own samples first)
            int step = jazzerInputs ? Math.max(1, (all.size() + COMMITTED_PER_TARGET - 1) / COMMITTED_PER_TARGET) : 1;
            for (int i = 0; i < all.size(); i += step) {
                byte[] seed = all.get(i);
                String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(seed), 0, 8);
                Files.write(dir.resolve((jazzerInputs ? "seed-" : "") + hash), seed);
                written++;
            }
        }
        return written;
    }
}
