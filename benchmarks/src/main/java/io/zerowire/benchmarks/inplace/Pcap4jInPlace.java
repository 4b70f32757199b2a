package io.zerowire.benchmarks.inplace;

import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IllegalRawDataException;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.IpV4Rfc791Tos;
import org.pcap4j.packet.TcpPacket;
import org.pcap4j.packet.namednumber.EtherType;
import org.pcap4j.packet.namednumber.IpNumber;
import org.pcap4j.packet.namednumber.IpVersion;
import org.pcap4j.util.MacAddress;

/**
 * Scenarios 4 and 5 the pcap4j way: its packets are immutable, so the received frame is decoded,
 * the answer (or the forwarded packet) is built with its builders, and the new bytes are copied back
 * over the received array, the nearest pcap4j comes to "in place".
 */
public final class Pcap4jInPlace {
    private final TcpPacket.Builder tcpReply = new TcpPacket.Builder().ack(true).dataOffset((byte) 5)
            .correctChecksumAtBuild(true).correctLengthAtBuild(true);
    private final IpV4Packet.Builder ipReply = new IpV4Packet.Builder().version(IpVersion.IPV4).ihl((byte) 5)
            .tos(IpV4Rfc791Tos.newInstance((byte) 0)).ttl((byte) 64).protocol(IpNumber.TCP)
            .correctChecksumAtBuild(true).correctLengthAtBuild(true).payloadBuilder(tcpReply);
    private final EthernetPacket.Builder ethernetReply = new EthernetPacket.Builder().type(EtherType.IPV4)
            .paddingAtBuild(true).payloadBuilder(ipReply);

    public int answer(byte[] frame, int length) throws IllegalRawDataException {
        EthernetPacket eth = EthernetPacket.newPacket(frame, 0, length);
        if (!(eth.getPayload() instanceof IpV4Packet)) {
            return -1;
        }
        IpV4Packet ip = (IpV4Packet) eth.getPayload();
        IpV4Packet.IpV4Header header = ip.getHeader();
        if (!header.hasValidChecksum(false) || !(ip.getPayload() instanceof TcpPacket)) {
            return -1;
        }
        TcpPacket tcp = (TcpPacket) ip.getPayload();
        if (!tcp.hasValidChecksum(header.getSrcAddr(), header.getDstAddr(), false)) {
            return -1;
        }
        TcpPacket.TcpHeader t = tcp.getHeader();
        int data = tcp.getPayload() == null ? 0 : tcp.getPayload().length();
        tcpReply.srcPort(t.getDstPort()).dstPort(t.getSrcPort()).sequenceNumber(t.getAcknowledgmentNumber())
                .acknowledgmentNumber(t.getSequenceNumber() + data).window(t.getWindow())
                .srcAddr(header.getDstAddr()).dstAddr(header.getSrcAddr());
        ipReply.srcAddr(header.getDstAddr()).dstAddr(header.getSrcAddr());
        ethernetReply.srcAddr(eth.getHeader().getDstAddr()).dstAddr(eth.getHeader().getSrcAddr());
        byte[] answer = ethernetReply.build().getRawData();
        System.arraycopy(answer, 0, frame, 0, answer.length);
        return answer.length;
    }

    public boolean forward(byte[] frame, int length, MacAddress router, MacAddress nextHop) throws IllegalRawDataException {
        EthernetPacket eth = EthernetPacket.newPacket(frame, 0, length);
        if (!(eth.getPayload() instanceof IpV4Packet)) {
            return false;
        }
        IpV4Packet ip = (IpV4Packet) eth.getPayload();
        if (!ip.getHeader().hasValidChecksum(false) || ip.getHeader().getTtlAsInt() <= 1) {
            return false;
        }
        IpV4Packet.Builder forwarded = ip.getBuilder().ttl((byte) (ip.getHeader().getTtlAsInt() - 1))
                .correctChecksumAtBuild(true);
        byte[] out = eth.getBuilder().srcAddr(router).dstAddr(nextHop).payloadBuilder(forwarded).build().getRawData();
        System.arraycopy(out, 0, frame, 0, out.length);
        return true;
    }
}
