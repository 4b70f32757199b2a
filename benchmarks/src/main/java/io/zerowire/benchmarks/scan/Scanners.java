package io.zerowire.benchmarks.scan;

import io.pkts.Pcap;
import io.pkts.packet.IPPacket;
import io.pkts.packet.IPv4Packet;
import io.pkts.packet.IPv6Packet;
import io.pkts.packet.MACPacket;
import io.pkts.packet.Packet;
import io.pkts.packet.TCPPacket;
import io.pkts.packet.UDPPacket;
import io.zerowire.buffer.Bytes;
import io.zerowire.pcap.CaptureReader;
import io.zerowire.pcap.Record;
import io.zerowire.protocols.framing.Framing;
import io.zerowire.protocols.ipv6.Ipv6Packet;
import io.zerowire.protocols.stack.Dissector;
import io.zerowire.protocols.stack.Layer;
import io.zerowire.protocols.tcp.TcpLayout;
import io.zerowire.protocols.udp.UdpLayout;
import java.io.EOFException;
import java.io.IOException;
import java.net.Inet6Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.IpV6Packet;
import org.pcap4j.packet.TcpPacket;
import org.pcap4j.packet.UdpPacket;

/** The three ways of scanning a capture: each reads every packet down to its ports, at most {@code limit} packets. */
public final class Scanners {
    private Scanners() {}

    /**
     * Zerowire: the memory-mapped {@link CaptureReader} hands each record out in place, and the
     * {@link Dissector} parses it through every layer (checksum verdicts included, which the peers do not compute).
     */
    public static ScanResult zerowire(Path file, long limit) throws IOException {
        ScanResult r = new ScanResult();
        Dissector d = new Dissector();
        Record record = new Record();
        try (CaptureReader reader = CaptureReader.open(file)) {
            while (r.packets < limit && reader.next(record)) {
                r.packets++;
                r.bytes += record.capturedLength();
                d.dissect(Framing.ETHERNET, record.packet());
                if (d.has(Layer.IPV4)) {
                    r.ipv4(d.ipv4().header().sourceBits(), d.ipv4().header().destinationBits());
                } else if (d.has(Layer.IPV6)) {
                    Ipv6Packet ip = d.ipv6();
                    r.ipv6(Bytes.i64(ip.array(), ip.sourceOffset() + 8), Bytes.i64(ip.array(), ip.destinationOffset() + 8));
                }
                if (d.has(Layer.TCP)) {
                    TcpLayout<?> tcp = d.tcp().layout();
                    r.tcp(tcp.sourcePort(), tcp.destinationPort());
                } else if (d.has(Layer.UDP)) {
                    UdpLayout<?> udp = d.udp().layout();
                    r.udp(udp.sourcePort(), udp.destinationPort());
                }
            }
        } catch (io.zerowire.pcap.CaptureFormatException e) {
            throw new IOException(e);
        }
        return r;
    }

    /** pkts.io: its own pcap stream reader, each packet framed down its chain of next packets. */
    public static ScanResult pkts(Path file, long limit) throws IOException {
        ScanResult r = new ScanResult();
        Pcap pcap = Pcap.openStream(file.toFile());
        try {
            pcap.loop(packet -> {
                r.packets++;
                Packet mac = packet.getNextPacket();
                r.bytes += ((MACPacket) mac).getPayload().getReadableBytes() + 14;
                Packet ip = mac.getNextPacket();
                if (ip instanceof IPv4Packet) {
                    byte[] s = ((IPPacket) ip).getRawSourceIP();
                    byte[] d = ((IPPacket) ip).getRawDestinationIP();
                    r.ipv4(int32(s, 0), int32(d, 0));
                } else if (ip instanceof io.pkts.packet.IPv6Packet) {
                    byte[] s = ((IPPacket) ip).getRawSourceIP();
                    byte[] d = ((IPPacket) ip).getRawDestinationIP();
                    r.ipv6(int32(s, 12), int32(d, 12));
                }
                Packet transport = ip == null ? null : ip.getNextPacket();
                if (transport instanceof TCPPacket) {
                    r.tcp(((TCPPacket) transport).getSourcePort(), ((TCPPacket) transport).getDestinationPort());
                } else if (transport instanceof UDPPacket) {
                    r.udp(((UDPPacket) transport).getSourcePort(), ((UDPPacket) transport).getDestinationPort());
                }
                return r.packets < limit;
            });
        } finally {
            pcap.close();
        }
        return r;
    }

    /** pcap4j: libpcap reads the file ({@code pcap_next_ex}), pcap4j's static factory decodes each packet. */
    public static ScanResult pcap4j(Path file, long limit) throws IOException {
        Pcap4jLibrary.locate();
        ScanResult r = new ScanResult();
        PcapHandle handle;
        try {
            handle = Pcaps.openOffline(file.toString());
        } catch (PcapNativeException e) {
            throw new IOException(e);
        }
        try {
            while (r.packets < limit) {
                org.pcap4j.packet.Packet packet;
                try {
                    packet = handle.getNextPacketEx();
                } catch (EOFException e) {
                    break;
                }
                r.packets++;
                r.bytes += packet.length();
                org.pcap4j.packet.Packet ip = ((EthernetPacket) packet).getPayload();
                if (ip instanceof IpV4Packet) {
                    IpV4Packet.IpV4Header h = ((IpV4Packet) ip).getHeader();
                    r.ipv4(h.getSrcAddr().hashCode(), h.getDstAddr().hashCode());
                } else if (ip instanceof IpV6Packet) {
                    IpV6Packet.IpV6Header h = ((IpV6Packet) ip).getHeader();
                    r.ipv6(int32(((Inet6Address) h.getSrcAddr()).getAddress(), 12),
                            int32(((Inet6Address) h.getDstAddr()).getAddress(), 12));
                }
                org.pcap4j.packet.Packet transport = ip == null ? null : ip.getPayload();
                if (transport instanceof TcpPacket) {
                    TcpPacket.TcpHeader t = ((TcpPacket) transport).getHeader();
                    r.tcp(t.getSrcPort().valueAsInt(), t.getDstPort().valueAsInt());
                } else if (transport instanceof UdpPacket) {
                    UdpPacket.UdpHeader u = ((UdpPacket) transport).getHeader();
                    r.udp(u.getSrcPort().valueAsInt(), u.getDstPort().valueAsInt());
                }
            }
        } catch (PcapNativeException | TimeoutException | NotOpenException e) {
            throw new IOException(e);
        } finally {
            handle.close();
        }
        return r;
    }

    private static int int32(byte[] b, int i) {
        return (b[i] & 0xFF) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | b[i + 3] & 0xFF;
    }

    /** Where pcap4j finds libpcap: Debian's {@code libpcap0.8} ships only the versioned {@code libpcap.so.0.8}. */
    static final class Pcap4jLibrary {
        private static final String PROPERTY = "org.pcap4j.core.pcapLibName";

        private Pcap4jLibrary() {}

        static void locate() {
            if (System.getProperty(PROPERTY) != null) {
                return;
            }
            for (String dir : new String[] {"/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu",
                "/usr/lib/aarch64-linux-gnu", "/usr/lib", "/lib"}) {
                for (String name : new String[] {"libpcap.so", "libpcap.so.1", "libpcap.so.0.8"}) {
                    Path candidate = Path.of(dir, name);
                    if (Files.exists(candidate)) {
                        System.setProperty(PROPERTY, candidate.toString());
                        return;
                    }
                }
            }
        }

        /** Whether libpcap is installed where {@link #locate} looks. */
        static boolean available() {
            locate();
            return System.getProperty(PROPERTY) != null && Files.exists(Path.of(System.getProperty(PROPERTY)));
        }
    }
}
