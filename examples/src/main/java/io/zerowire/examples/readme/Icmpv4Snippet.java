package io.zerowire.examples.readme;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.icmp.IcmpMessageBuilder;
import io.zerowire.protocols.icmp.IcmpMessageKind;
import io.zerowire.protocols.icmp.IcmpPacket;
import io.zerowire.protocols.icmp.IcmpUnreachableCode;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ipv4.Ipv4;
import io.zerowire.protocols.ipv4.Ipv4Builder;
import io.zerowire.serialize.BufferProvider;
import io.zerowire.serialize.PacketConstraints;
import io.zerowire.serialize.SizeLimitExceededException;

/** README, "ICMPv4": a quoted datagram read, a port unreachable quoting one built. */
public final class Icmpv4Snippet {
    private Icmpv4Snippet() {}

    /**
     * Parses the ICMP message in {@code buffer} (the payload of an IPv4 packet) and, for a destination
     * unreachable, the datagram it quotes; then answers {@code offendingDatagram} (a whole IPv4
     * packet, its body) from {@code me} to {@code sender} with a port unreachable.
     *
     * @return the error, an IPv4 packet
     */
    public static PacketBuffer readAndAnswer(PacketBuffer buffer, PacketBuffer offendingDatagram, Ipv4Address me,
            Ipv4Address sender) throws ParseException, SizeLimitExceededException {
        IcmpPacket icmp = new IcmpPacket().wrap(buffer);          // after an Ipv4Packet carrying ICMP
        if (icmp.kind() == IcmpMessageKind.DESTINATION_UNREACHABLE) {
            Ipv4 quoted = icmp.quotedDatagram(new Ipv4());      // cut short, still parseable
        }
        PacketBuffer error = IcmpMessageBuilder.destinationUnreachable(IcmpUnreachableCode.PORT)
                .quoting(offendingDatagram)                     // cut so the whole datagram is 576 bytes
                .encapsulate(new Ipv4Builder().ttl(64).protocol(IpProtocol.ICMP).source(me).destination(sender))
                .serialize(PacketConstraints.maxBody(IcmpMessageBuilder.ERROR_DATAGRAM_LIMIT), BufferProvider.reuse());
        return error;
    }
}
