package io.zerowire.benchmarks.parse;

import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IllegalRawDataException;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.Packet;
import org.pcap4j.packet.TcpPacket;

/**
 * pcap4j 1.8.2 with its static packet factory: {@code EthernetPacket.newPacket} decodes the whole
 * frame into objects; its own {@code hasValidChecksum} checks verify. The fastest way its API allows:
 * casts down the payload chain rather than {@code get(Class)}.
 */
public final class Pcap4jTcpParser implements FrameParser<TcpFields> {
    private final byte[][] frames;

    public Pcap4jTcpParser(byte[][] frames) {
        this.frames = frames;
    }

    @Override
    public String name() {
        return "pcap4j";
    }

    @Override
    public boolean parse(int index, boolean verify, TcpFields out) {
        try {
            return parse(frames[index], verify, out);
        } catch (IllegalRawDataException e) {
            return false;
        }
    }

    public boolean parse(byte[] frame, boolean verify, TcpFields out) throws IllegalRawDataException {
        EthernetPacket eth = EthernetPacket.newPacket(frame, 0, frame.length);
        if (!(eth.getPayload() instanceof IpV4Packet)) {
            return false;
        }
        IpV4Packet ip = (IpV4Packet) eth.getPayload();
        IpV4Packet.IpV4Header header = ip.getHeader();
        Packet payload = ip.getPayload();
        if (!(payload instanceof TcpPacket) || verify && !header.hasValidChecksum(false)) {
            return false;
        }
        TcpPacket tcp = (TcpPacket) payload;
        if (verify && !tcp.hasValidChecksum(header.getSrcAddr(), header.getDstAddr(), false)) {
            return false;
        }
        TcpPacket.TcpHeader t = tcp.getHeader();
        out.destinationMac = Peers.mac(eth.getHeader().getDstAddr().getAddress());
        out.sourceMac = Peers.mac(eth.getHeader().getSrcAddr().getAddress());
        out.sourceIp = header.getSrcAddr().hashCode();            // Inet4Address: the address bits
        out.destinationIp = header.getDstAddr().hashCode();
        out.sourcePort = t.getSrcPort().valueAsInt();
        out.destinationPort = t.getDstPort().valueAsInt();
        out.sequence = t.getSequenceNumberAsLong();
        out.acknowledgment = t.getAcknowledgmentNumberAsLong();
        int reserved = t.getReserved();                           // its last two bits are CWR and ECE
        out.flags = (reserved & 3) << 6 | (t.getUrg() ? 0x20 : 0) | (t.getAck() ? 0x10 : 0) | (t.getPsh() ? 0x08 : 0)
                | (t.getRst() ? 0x04 : 0) | (t.getSyn() ? 0x02 : 0) | (t.getFin() ? 0x01 : 0);
        out.window = t.getWindowAsInt();
        return true;
    }
}
