package io.zerowire.benchmarks.parse;

import io.pkts.buffer.Buffers;
import io.pkts.frame.PcapGlobalHeader;
import io.pkts.frame.PcapRecordHeader;
import io.pkts.packet.IPv4Packet;
import io.pkts.packet.MACPacket;
import io.pkts.packet.Packet;
import io.pkts.packet.TCPPacket;
import io.pkts.packet.impl.PCapPacketImpl;
import java.io.IOException;

/**
 * pkts.io 3.0.18: a raw frame wrapped in its {@code Buffer} as the packet of a pcap record (the
 * parent its Ethernet framer requires; the headers are made once), then asked for each next packet. pkts has no TCP or UDP checksum check (only the IPv4 header's), so it
 * appears in the unverified runs only.
 */
public final class PktsTcpParser implements FrameParser<TcpFields> {
    private final byte[][] frames;
    private final PcapGlobalHeader file = PcapGlobalHeader.createDefaultHeader();
    private final PcapRecordHeader record = PcapRecordHeader.createDefaultHeader(0);

    public PktsTcpParser(byte[][] frames) {
        this.frames = frames;
    }

    @Override
    public String name() {
        return "pkts";
    }

    @Override
    public boolean parse(int index, boolean verify, TcpFields out) throws IOException {
        if (verify) {
            throw new UnsupportedOperationException("pkts cannot verify a TCP checksum");
        }
        try {
            return parse(frames[index], out);
        } catch (RuntimeException e) {
            return false;
        }
    }

    public boolean parse(byte[] frame, TcpFields out) throws IOException {
        Packet next = new PCapPacketImpl(file, record, Buffers.wrap(frame)).getNextPacket();
        if (!(next instanceof MACPacket)) {
            return false;
        }
        MACPacket eth = (MACPacket) next;
        next = eth.getNextPacket();
        if (!(next instanceof IPv4Packet)) {
            return false;
        }
        IPv4Packet ip = (IPv4Packet) next;
        next = ip.getNextPacket();
        if (!(next instanceof TCPPacket)) {
            return false;
        }
        TCPPacket tcp = (TCPPacket) next;
        out.destinationMac = Peers.mac(eth.getDestinationMacAddress());
        out.sourceMac = Peers.mac(eth.getSourceMacAddress());
        out.sourceIp = Peers.int32(ip.getRawSourceIP(), 0);
        out.destinationIp = Peers.int32(ip.getRawDestinationIP(), 0);
        out.sourcePort = tcp.getSourcePort();
        out.destinationPort = tcp.getDestinationPort();
        out.sequence = tcp.getSequenceNumber();
        out.acknowledgment = tcp.getAcknowledgementNumber();
        out.flags = (tcp.isCWR() ? 0x80 : 0) | (tcp.isECE() ? 0x40 : 0) | (tcp.isURG() ? 0x20 : 0) | (tcp.isACK() ? 0x10 : 0)
                | (tcp.isPSH() ? 0x08 : 0) | (tcp.isRST() ? 0x04 : 0) | (tcp.isSYN() ? 0x02 : 0) | (tcp.isFIN() ? 0x01 : 0);
        out.window = tcp.getWindowSize();
        return true;
    }
}
