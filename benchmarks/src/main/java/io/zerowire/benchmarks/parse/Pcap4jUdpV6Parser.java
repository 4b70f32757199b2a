package io.zerowire.benchmarks.parse;

import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.FragmentedPacket;
import org.pcap4j.packet.IllegalRawDataException;
import org.pcap4j.packet.IpV6ExtFragmentPacket;
import org.pcap4j.packet.IpV6Packet;
import org.pcap4j.packet.Packet;
import org.pcap4j.packet.UdpPacket;

/**
 * pcap4j over Ethernet / IPv6 / extension headers / UDP: the decoded chain walked by its payloads.
 * pcap4j 1.8.2 leaves the data after any Fragment header undecoded, even an atomic fragment's
 * (offset 0, M clear: a whole datagram), so the UDP header is decoded from it with pcap4j's own
 * {@code UdpPacket.newPacket}, as its user would have to.
 */
public final class Pcap4jUdpV6Parser implements FrameParser<UdpFields> {
    private final byte[][] frames;

    public Pcap4jUdpV6Parser(byte[][] frames) {
        this.frames = frames;
    }

    @Override
    public String name() {
        return "pcap4j";
    }

    @Override
    public boolean parse(int index, boolean verify, UdpFields out) {
        try {
            return parse(frames[index], verify, out);
        } catch (IllegalRawDataException e) {
            return false;
        }
    }

    public boolean parse(byte[] frame, boolean verify, UdpFields out) throws IllegalRawDataException {
        EthernetPacket eth = EthernetPacket.newPacket(frame, 0, frame.length);
        if (!(eth.getPayload() instanceof IpV6Packet)) {
            return false;
        }
        IpV6Packet ip = (IpV6Packet) eth.getPayload();
        IpV6Packet.IpV6Header header = ip.getHeader();
        long fragmentId = -1;
        Packet p = ip.getPayload();
        while (p != null && !(p instanceof UdpPacket)) {
            if (p instanceof IpV6ExtFragmentPacket) {
                IpV6ExtFragmentPacket.IpV6ExtFragmentHeader fragment = ((IpV6ExtFragmentPacket) p).getHeader();
                fragmentId = fragment.getIdentification() & 0xFFFF_FFFFL;
                if (fragment.getFragmentOffset() != 0 || fragment.getM()) {
                    return false;
                }
                Packet data = p.getPayload();
                if (data instanceof FragmentedPacket && fragment.getNextHeader().value() == 17) {
                    byte[] raw = data.getRawData();
                    p = UdpPacket.newPacket(raw, 0, raw.length);
                    break;
                }
            }
            p = p.getPayload();
        }
        if (p == null) {
            return false;
        }
        UdpPacket udp = (UdpPacket) p;
        if (verify && !udp.hasValidChecksum(header.getSrcAddr(), header.getDstAddr(), false)) {
            return false;
        }
        byte[] source = header.getSrcAddr().getAddress();
        byte[] destination = header.getDstAddr().getAddress();
        out.destinationMac = Peers.mac(eth.getHeader().getDstAddr().getAddress());
        out.sourceMac = Peers.mac(eth.getHeader().getSrcAddr().getAddress());
        out.sourceHigh = Peers.int64(source, 0);
        out.sourceLow = Peers.int64(source, 8);
        out.destinationHigh = Peers.int64(destination, 0);
        out.destinationLow = Peers.int64(destination, 8);
        out.hopLimit = header.getHopLimitAsInt();
        out.fragmentId = fragmentId;
        UdpPacket.UdpHeader u = udp.getHeader();
        out.sourcePort = u.getSrcPort().valueAsInt();
        out.destinationPort = u.getDstPort().valueAsInt();
        out.length = u.getLengthAsInt();
        return true;
    }
}
