package io.zerowire.examples.readme;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ipv4.Ipv4Builder;
import io.zerowire.protocols.ipv4.Ipv4Packet;
import io.zerowire.protocols.udp.UdpBuilder;
import io.zerowire.protocols.udp.UdpLayout;
import io.zerowire.protocols.udp.UdpParser;
import io.zerowire.serialize.BufferProvider;
import io.zerowire.serialize.SizeLimitExceededException;

/**
 * README, "Parse, undo, serialize": a UDP datagram in IPv4 parsed, edited in place and given back
 * whole, then answered from the array it was received in.
 */
public final class ParseUndoSerialize {
    private ParseUndoSerialize() {}

    /**
     * Parses the IPv4 packet in {@code bytes} down to its UDP payload, decrements the TTL in place
     * and undoes both parses.
     *
     * @return the buffer over {@code bytes}, its body the whole packet again
     */
    public static PacketBuffer parseEditUndo(byte[] bytes) throws ParseException {
        PacketBuffer packet = PacketBuffer.wrap(bytes);              // no copy
        Ipv4Packet ip = Ipv4Packet.parse(packet);                     // validates once; header -> prefix
        UdpParser udp = new UdpParser();
        udp.wrap(packet, ip);                                         // body is now the payload

        ip.header().setTtl(ip.hopLimit() - 1);                        // in place, checksum updated (RFC 1624)

        udp.undoParse(packet);                                        // give the headers back:
        ip.undoParse(packet);                                         // the body is the whole packet again
        return packet;
    }

    /**
     * Answers the UDP datagram in {@code packet} (its body a whole IPv4 packet) from port 7 with its
     * own payload, reusing {@code ip} and {@code udp}.
     *
     * @return the reply, written into {@code packet}'s array when its prefix has room
     */
    public static PacketBuffer answer(PacketBuffer packet, Ipv4Packet ip, UdpParser udp)
            throws ParseException, SizeLimitExceededException {
        ip.wrap(packet);
        UdpLayout<?> request = udp.wrap(packet, ip);
        PacketBuffer reply = packet
                .encapsulate(new UdpBuilder().sourcePort(7).destinationPort(request.sourcePort()).addresses(ip.destination(), ip.source()))
                .encapsulate(new Ipv4Builder().ttl(64).protocol(IpProtocol.UDP).source(ip.destination()).destination(ip.source()))
                .serialize(BufferProvider.reuse());                   // same array when the prefix has room
        return reply;
    }
}
