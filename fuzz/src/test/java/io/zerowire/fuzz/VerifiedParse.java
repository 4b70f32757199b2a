package io.zerowire.fuzz;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.icmp.IcmpPacket;
import io.zerowire.protocols.icmpv6.Icmpv6Packet;
import io.zerowire.protocols.igmp.IgmpPacket;
import io.zerowire.protocols.ip.IpPacket;
import io.zerowire.protocols.ipv4.Ipv4Packet;
import io.zerowire.protocols.ipv6.Ipv6Packet;
import io.zerowire.protocols.stack.Dissector;
import io.zerowire.protocols.stack.Layer;
import io.zerowire.protocols.tcp.TcpParser;
import io.zerowire.protocols.udp.UdpParser;

/**
 * The dissector parses without enforcing checksums; the builders compute them. So a frame the
 * builders wrote again must pass the verifying entry points ({@code Ipv4Packet.parse},
 * {@code TcpParser.wrap}, {@code IcmpPacket.wrap}...) at every layer the dissector found in it.
 */
final class VerifiedParse {
    private static final Ipv4Packet IPV4 = new Ipv4Packet();
    private static final Ipv6Packet IPV6 = new Ipv6Packet();
    private static final TcpParser TCP = new TcpParser();
    private static final UdpParser UDP = new UdpParser();
    private static final IcmpPacket ICMP = new IcmpPacket();
    private static final Icmpv6Packet ICMPV6 = new Icmpv6Packet();
    private static final IgmpPacket IGMP = new IgmpPacket();

    private VerifiedParse() {}

    /** Checks {@code frame}, which {@code d} has just dissected, with the verifying parsers. */
    static void rebuilt(byte[] frame, Dissector d) {
        if (!d.has(Layer.IPV4) && !d.has(Layer.IPV6)) {
            return;
        }
        int start = d.has(Layer.IPV4) ? d.ipv4().header().offset() : d.ipv6().offset();
        PacketBuffer buffer = PacketBuffer.wrap(frame, start, frame.length - start);
        Layer layer = d.has(Layer.IPV4) ? Layer.IPV4 : Layer.IPV6;
        try {
            IpPacket<?> ip = d.has(Layer.IPV4) ? IPV4.wrap(buffer) : IPV6.wrap(buffer);
            layer = d.innermost();
            switch (layer) {
                case TCP -> TCP.wrap(buffer, ip);
                case UDP -> UDP.wrap(buffer, ip);
                case ICMP -> ICMP.wrap(buffer);
                case IGMP -> IGMP.wrap(buffer);
                case ICMPV6 -> ICMPV6.wrap(buffer, IPV6);
                default -> { }
            }
        } catch (ParseException e) {
            FrameProperties.require(false, "the rebuilt frame fails the verifying parse of " + layer + ": "
                    + e.getMessage(), frame);
        }
    }
}
