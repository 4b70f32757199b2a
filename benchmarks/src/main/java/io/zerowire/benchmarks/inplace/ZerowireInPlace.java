package io.zerowire.benchmarks.inplace;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.ethernet.EtherType;
import io.zerowire.protocols.ethernet.Ethernet;
import io.zerowire.protocols.ethernet.EthernetBuilder;
import io.zerowire.protocols.ethernet.EthernetFrames;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ipv4.Ipv4;
import io.zerowire.protocols.ipv4.Ipv4Builder;
import io.zerowire.protocols.ipv4.Ipv4Packet;
import io.zerowire.protocols.tcp.TcpLayout;
import io.zerowire.protocols.tcp.TcpParser;
import io.zerowire.protocols.tcp.TcpV4Builder;
import io.zerowire.serialize.BufferProvider;
import io.zerowire.serialize.HeapBufferProvider;
import io.zerowire.serialize.Serializer;
import io.zerowire.serialize.SizeLimitExceededException;

/**
 * The design's two in-place flows with Zerowire's views and builders (as the protocols module's
 * {@code ReplyInPlaceTest} and {@code ForwardInPlaceTest} do them), everything reused: one buffer
 * re-pointed at each received array, one builder per layer, and the serializer chain
 * {@code buffer -> TCP -> IPv4 -> Ethernet} nested once.
 */
public final class ZerowireInPlace {
    private final PacketBuffer buffer = PacketBuffer.wrap(new byte[0]);
    private final Ethernet ethernet = new Ethernet();
    private final Ipv4Packet ip = new Ipv4Packet();
    private final Ipv4 header = new Ipv4();
    private final TcpParser tcp = new TcpParser();
    private final TcpV4Builder tcpReply = new TcpV4Builder().ack(true);
    private final Ipv4Builder ipReply = new Ipv4Builder().ttl(64).protocol(IpProtocol.TCP);
    private final EthernetBuilder ethernetReply = new EthernetBuilder().etherType(EtherType.IPV4);
    private final Serializer reply = buffer.encapsulate(tcpReply).encapsulate(ipReply).encapsulate(ethernetReply);
    private final HeapBufferProvider inPlace = BufferProvider.reuse();

    /**
     * Answers the TCP segment in {@code frame[0, length)} with an ACK written into the same array,
     * its headers ending where the received ones did (so after a received header with options it
     * starts further in); returns the answer's region of the array, or null for a frame that is not IPv4.
     */
    public PacketBuffer answer(byte[] frame, int length) throws ParseException, SizeLimitExceededException {
        PacketBuffer b = buffer.rewrap(frame, 0, length);
        Ethernet eth = EthernetFrames.wrap(ethernet, b, EthernetFrames.MinimumLength.IGNORE);
        if (eth.etherTypeValue() != EtherType.IPV4.value()) {
            return null;
        }
        Ipv4 received = ip.wrap(b).header();
        TcpLayout<?> segment = tcp.wrap(b, ip);
        long ack = segment.sequenceNumber() + b.bodyLength() & 0xFFFF_FFFFL;
        // Addresses as bits: address objects would be garbage on every answer.
        int source = received.sourceBits();
        int destination = received.destinationBits();
        tcpReply.sourcePort(segment.destinationPort()).destinationPort(segment.sourcePort())
                .sequenceNumber(segment.acknowledgmentNumber()).acknowledgmentNumber(ack).window(segment.window())
                .addresses(destination, source);
        ipReply.sourceBits(destination).destinationBits(source);
        ethernetReply.sourceBits(eth.destinationBits()).destinationBits(eth.sourceBits());
        b.shrinkBackTo(0);                                 // no data: the old payload becomes padding
        PacketBuffer out = reply.serialize(inPlace);
        if (out.array() != frame) {
            throw new IllegalStateException("the answer left the received array");
        }
        return out;
    }

    /** Forwards the IPv4 packet in {@code frame[0, length)} in place; false if rejected or out of TTL. */
    public boolean forward(byte[] frame, int length, long router, long nextHop) throws ParseException {
        PacketBuffer b = buffer.rewrap(frame, 0, length);
        Ethernet eth = EthernetFrames.wrap(ethernet, b, EthernetFrames.MinimumLength.IGNORE);
        if (eth.etherTypeValue() != EtherType.IPV4.value()) {
            return false;
        }
        Ipv4 ip = header.wrap(b);                           // verifies the header checksum
        if (ip.ttl() <= 1) {
            return false;
        }
        ip.setTtl(ip.ttl() - 1);                            // RFC 1624 update of the checksum
        ip.undoParse(b);
        eth.undoParse(b);
        eth.setSourceBits(router).setDestinationBits(nextHop);
        return true;
    }
}
