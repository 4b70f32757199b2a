package io.zerowire.benchmarks.build;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.IpV4Rfc791Tos;
import org.pcap4j.packet.UdpPacket;
import org.pcap4j.packet.UnknownPacket;
import org.pcap4j.packet.namednumber.EtherType;
import org.pcap4j.packet.namednumber.IpNumber;
import org.pcap4j.packet.namednumber.IpVersion;
import org.pcap4j.packet.namednumber.UdpPort;
import org.pcap4j.util.MacAddress;

/**
 * pcap4j's builders, one set kept and re-set for each datagram, with lengths, checksums and padding
 * corrected at build; {@code build().getRawData()} gives the bytes. pcap4j builds immutable packet
 * objects, so it has no way to write into a reused buffer.
 */
public final class Pcap4jUdpWriter {
    private final Inet4Address[] sources = new Inet4Address[Datagrams.COUNT];
    private final Inet4Address[] destinations = new Inet4Address[Datagrams.COUNT];
    private final MacAddress[] sourceMacs = new MacAddress[Datagrams.COUNT];
    private final MacAddress[] destinationMacs = new MacAddress[Datagrams.COUNT];
    private final Datagrams d;
    private final UdpPacket.Builder udp = new UdpPacket.Builder().correctLengthAtBuild(true).correctChecksumAtBuild(true);
    private final IpV4Packet.Builder ip = new IpV4Packet.Builder().version(IpVersion.IPV4).ihl((byte) 5)
            .tos(IpV4Rfc791Tos.newInstance((byte) 0)).ttl((byte) 64).protocol(IpNumber.UDP).dontFragmentFlag(true)
            .correctLengthAtBuild(true).correctChecksumAtBuild(true);
    private final EthernetPacket.Builder ethernet = new EthernetPacket.Builder().type(EtherType.IPV4).paddingAtBuild(true);

    public Pcap4jUdpWriter(Datagrams datagrams) {
        this.d = datagrams;
        for (int i = 0; i < Datagrams.COUNT; i++) {
            sources[i] = address(d.sourceIp[i]);
            destinations[i] = address(d.destinationIp[i]);
            sourceMacs[i] = MacAddress.getByAddress(mac(d.sourceMac[i]));
            destinationMacs[i] = MacAddress.getByAddress(mac(d.destinationMac[i]));
        }
        udp.payloadBuilder(new UnknownPacket.Builder().rawData(d.payload));
        ip.payloadBuilder(udp);
        ethernet.payloadBuilder(ip);
    }

    public byte[] fresh(int i) {
        udp.srcPort(UdpPort.getInstance((short) d.sourcePort[i])).dstPort(UdpPort.getInstance((short) d.destinationPort[i]))
                .srcAddr(sources[i]).dstAddr(destinations[i]);
        ip.identification((short) d.identification[i]).srcAddr(sources[i]).dstAddr(destinations[i]);
        ethernet.srcAddr(sourceMacs[i]).dstAddr(destinationMacs[i]);
        return ethernet.build().getRawData();
    }

    private static Inet4Address address(int bits) {
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[] {
                (byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits});
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] mac(long bits) {
        byte[] b = new byte[6];
        for (int i = 0; i < 6; i++) {
            b[i] = (byte) (bits >>> 40 - 8 * i);
        }
        return b;
    }
}
