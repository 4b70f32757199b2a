package io.zerowire.benchmarks.scan;

import io.zerowire.benchmarks.frames.TcpFrames;
import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.link.MacAddress;
import io.zerowire.pcap.LinkType;
import io.zerowire.pcap.PcapWriter;
import io.zerowire.protocols.ethernet.EtherType;
import io.zerowire.protocols.ethernet.EthernetBuilder;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ipv4.Ipv4Builder;
import io.zerowire.protocols.ipv6.Ipv6HeaderBuilder;
import io.zerowire.protocols.udp.UdpV4Builder;
import io.zerowire.protocols.udp.UdpV6Builder;
import io.zerowire.serialize.Serializer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * The capture scenario 7 scans, written by the benchmark itself (never committed): a classic pcap
 * of Ethernet frames cycling through 4096 different ones, TCP over IPv4 with options and 0 to 1459
 * bytes of payload (six in ten), UDP over IPv4 (two in ten) and UDP over IPv6 (two in ten) with 0
 * to 1023 bytes, until the file reaches the size asked. Run as a program:
 * {@code java -cp benchmarks.jar io.zerowire.benchmarks.scan.ScanFile FILE MEGABYTES}.
 */
public final class ScanFile {
    static final int DISTINCT = 4096;

    private ScanFile() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: ScanFile FILE MEGABYTES");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        long bytes = ensure(file, Integer.parseInt(args[1]));
        System.out.printf("%s: %,d bytes%n", file, bytes);
    }

    /** Writes {@code file} unless it already holds at least {@code megabytes} MB; returns its size. */
    public static long ensure(Path file, int megabytes) throws IOException {
        long target = megabytes * 1_000_000L;
        if (Files.isRegularFile(file) && Files.size(file) >= target) {
            return Files.size(file);
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = Files.createTempFile(parent, "scan", ".part");
        byte[][] frames = frames(7);
        try (PcapWriter writer = PcapWriter.builder(LinkType.ETHERNET).open(partial)) {
            long written = 24;
            for (int n = 0; written < target; n++) {
                byte[] frame = frames[n % DISTINCT];
                writer.write(1_700_000_000L + n / 1000, n % 1000 * 1000, frame, 0, frame.length, frame.length);
                written += 16 + frame.length;
            }
        }
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return Files.size(file);
    }

    static byte[][] frames(long seed) throws IOException {
        Random random = new Random(seed);
        byte[][] tcp = TcpFrames.generate(seed, DISTINCT, 1460);
        byte[][] frames = new byte[DISTINCT][];
        for (int i = 0; i < DISTINCT; i++) {
            int kind = i % 10;
            frames[i] = kind < 6 ? tcp[i] : kind < 8 ? udp4(random) : udp6(random);
        }
        return frames;
    }

    private static byte[] udp4(Random random) throws IOException {
        Ipv4Address source = Ipv4Address.of(random.nextInt());
        Ipv4Address destination = Ipv4Address.of(random.nextInt());
        return build(Serializer.of(payload(random))
                .encapsulate(new UdpV4Builder().sourcePort(1 + random.nextInt(0xFFFF))
                        .destinationPort(1 + random.nextInt(0xFFFF)).addresses(source, destination))
                .encapsulate(new Ipv4Builder().ttl(64).identification(random.nextInt(0x10000)).protocol(IpProtocol.UDP)
                        .source(source).destination(destination))
                .encapsulate(ethernet(random, EtherType.IPV4)));
    }

    private static byte[] udp6(Random random) throws IOException {
        Ipv6Address source = Ipv6Address.of(0x2001_0db8_0000_0000L | random.nextInt() & 0xFFFF_FFFFL, random.nextLong());
        Ipv6Address destination = Ipv6Address.of(0x2001_0db8_0000_0000L | random.nextInt() & 0xFFFF_FFFFL, random.nextLong());
        return build(Serializer.of(payload(random))
                .encapsulate(new UdpV6Builder().sourcePort(1 + random.nextInt(0xFFFF))
                        .destinationPort(1 + random.nextInt(0xFFFF)).addresses(source, destination))
                .encapsulate(new Ipv6HeaderBuilder().hopLimit(64).nextHeader(IpProtocol.UDP)
                        .source(source).destination(destination))
                .encapsulate(ethernet(random, EtherType.IPV6)));
    }

    private static EthernetBuilder ethernet(Random random, EtherType type) {
        return new EthernetBuilder().source(MacAddress.of(0x02_0000_0000_00L | random.nextLong() & 0xFF_FFFF_FFFFL))
                .destination(MacAddress.of(0x02_0000_0000_00L | random.nextLong() & 0xFF_FFFF_FFFFL)).etherType(type);
    }

    private static byte[] payload(Random random) {
        byte[] payload = new byte[random.nextInt(1024)];
        random.nextBytes(payload);
        return payload;
    }

    private static byte[] build(Serializer frame) throws IOException {
        try {
            PacketBuffer out = frame.serialize();
            return out.toByteArray();
        } catch (io.zerowire.serialize.SizeLimitExceededException e) {
            throw new IOException(e);
        }
    }
}
