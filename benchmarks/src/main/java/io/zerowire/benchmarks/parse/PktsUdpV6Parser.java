package io.zerowire.benchmarks.parse;

import io.pkts.buffer.Buffers;
import io.pkts.frame.PcapGlobalHeader;
import io.pkts.frame.PcapRecordHeader;
import io.pkts.packet.IPv6Packet;
import io.pkts.packet.MACPacket;
import io.pkts.packet.Packet;
import io.pkts.packet.UDPPacket;
import io.pkts.packet.impl.PCapPacketImpl;
import java.io.IOException;

/**
 * pkts.io over Ethernet / IPv6 / extension headers / UDP, written as for {@link PktsTcpParser}. It
 * fails on this scenario's frames (see {@link UdpV6ParseBenchmark}): kept to show how, and to
 * notice a release that fixes it.
 */
public final class PktsUdpV6Parser implements FrameParser<UdpFields> {
    private final byte[][] frames;
    private final PcapGlobalHeader file = PcapGlobalHeader.createDefaultHeader();
    private final PcapRecordHeader record = PcapRecordHeader.createDefaultHeader(0);

    public PktsUdpV6Parser(byte[][] frames) {
        this.frames = frames;
    }

    @Override
    public String name() {
        return "pkts";
    }

    @Override
    public boolean parse(int index, boolean verify, UdpFields out) throws IOException {
        if (verify) {
            throw new UnsupportedOperationException("pkts cannot verify a UDP checksum");
        }
        return parse(frames[index], out);
    }

    public boolean parse(byte[] frame, UdpFields out) throws IOException {
        Packet next = new PCapPacketImpl(file, record, Buffers.wrap(frame)).getNextPacket();
        if (!(next instanceof MACPacket)) {
            return false;
        }
        MACPacket eth = (MACPacket) next;
        next = eth.getNextPacket();
        if (!(next instanceof IPv6Packet)) {
            return false;
        }
        IPv6Packet ip = (IPv6Packet) next;
        next = ip.getNextPacket();
        if (!(next instanceof UDPPacket)) {
            return false;
        }
        UDPPacket udp = (UDPPacket) next;
        byte[] source = ip.getRawSourceIP();
        byte[] destination = ip.getRawDestinationIP();
        out.destinationMac = Peers.mac(eth.getDestinationMacAddress());
        out.sourceMac = Peers.mac(eth.getSourceMacAddress());
        out.sourceHigh = Peers.int64(source, 0);
        out.sourceLow = Peers.int64(source, 8);
        out.destinationHigh = Peers.int64(destination, 0);
        out.destinationLow = Peers.int64(destination, 8);
        out.hopLimit = ip.getHopLimit();
        out.fragmentId = ip.getIdentification();
        out.sourcePort = udp.getSourcePort();
        out.destinationPort = udp.getDestinationPort();
        out.length = udp.getLength();
        return true;
    }
}
