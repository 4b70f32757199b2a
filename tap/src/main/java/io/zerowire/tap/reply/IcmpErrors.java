package io.zerowire.tap.reply;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.link.MacAddress;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.ethernet.EtherType;
import io.zerowire.protocols.icmp.IcmpDestinationUnreachableBuilder;
import io.zerowire.protocols.icmp.IcmpMessageBuilder;
import io.zerowire.protocols.icmp.IcmpTimeExceededBuilder;
import io.zerowire.protocols.icmp.IcmpTimeExceededCode;
import io.zerowire.protocols.icmp.IcmpType;
import io.zerowire.protocols.icmp.IcmpUnreachableCode;
import io.zerowire.protocols.icmpv6.DestinationUnreachableBuilder;
import io.zerowire.protocols.icmpv6.Icmpv6Errors;
import io.zerowire.protocols.icmpv6.Icmpv6HeaderBuilder;
import io.zerowire.protocols.icmpv6.Icmpv6Type;
import io.zerowire.protocols.icmpv6.PacketTooBigBuilder;
import io.zerowire.protocols.icmpv6.ParameterProblemBuilder;
import io.zerowire.protocols.icmpv6.TimeExceededBuilder;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ipv4.Ipv4Builder;
import io.zerowire.protocols.ipv4.Ipv4Packet;
import io.zerowire.protocols.ipv6.Ipv6HeaderBuilder;
import io.zerowire.protocols.ipv6.Ipv6Packet;
import io.zerowire.serialize.PacketBuilder;
import io.zerowire.serialize.Serializer;
import java.io.IOException;

/**
 * ICMP and ICMPv6 errors that quote the offending datagram, written into the buffer it was received
 * in: the caller undoes its parse down to the IP header, so the buffer's body is the whole datagram
 * again, and the error is serialized around it through a truncating serializer, cut so that the
 * error is at most 576 bytes (IPv4, RFC 1812 section 4.3.2.3) or 1280 bytes (IPv6, RFC 4443
 * section 2.4). The quote moves within the same array when the Ethernet header in front of it
 * leaves too little room for the new headers.
 *
 * <p>Each method first applies the rules on when no error may be sent (RFC 1122 section 3.2.2,
 * RFC 1812 section 4.3.2.7, RFC 4443 section 2.4 (e)): not about an ICMP error, not about a datagram
 * sent to a multicast or broadcast address (IPv6 packet too big excepted), not about a later
 * fragment, not to a source that is not a unicast address. It returns whether an error was sent.
 */
public final class IcmpErrors {
    private static final int HOP_LIMIT = 64;

    private final ReplySender sender;
    private final IcmpMessageBuilder<IcmpDestinationUnreachableBuilder> portUnreachable =
            IcmpMessageBuilder.destinationUnreachable(IcmpUnreachableCode.PORT);
    private final IcmpMessageBuilder<IcmpDestinationUnreachableBuilder> netUnreachable =
            IcmpMessageBuilder.destinationUnreachable(IcmpUnreachableCode.NETWORK);
    private final IcmpMessageBuilder<IcmpDestinationUnreachableBuilder> fragmentationNeeded =
            IcmpMessageBuilder.fragmentationNeeded(0);
    private final IcmpMessageBuilder<IcmpTimeExceededBuilder> timeExceeded =
            IcmpMessageBuilder.timeExceeded(IcmpTimeExceededCode.TTL_EXCEEDED);
    private final Ipv4Builder ipv4Header = new Ipv4Builder();
    private final DatagramLimit ipv4Limit = new DatagramLimit(IcmpMessageBuilder.ERROR_DATAGRAM_LIMIT);

    private final DestinationUnreachableBuilder unreachable6 = new DestinationUnreachableBuilder();
    private final PacketTooBigBuilder packetTooBig = new PacketTooBigBuilder();
    private final TimeExceededBuilder timeExceeded6 = new TimeExceededBuilder();
    private final ParameterProblemBuilder parameterProblem6 = new ParameterProblemBuilder();
    private final Icmpv6HeaderBuilder icmpv6Header = new Icmpv6HeaderBuilder();
    private final Ipv6HeaderBuilder ipv6Header = new Ipv6HeaderBuilder();

    /** A second look at the offending datagram, which leaves the caller's buffer alone. */
    private final PacketBuffer look = PacketBuffer.wrap(new byte[0]);
    private final Ipv4Packet offending4 = new Ipv4Packet();
    private final Ipv6Packet offending6 = new Ipv6Packet();

    /** Errors sent through {@code sender}. */
    public IcmpErrors(ReplySender sender) {
        this.sender = sender;
    }

    /** ICMP port unreachable (type 3, code 3) from {@code from} about the IPv4 datagram in {@code datagram}'s body. */
    public boolean portUnreachable(PacketBuffer datagram, Ipv4Address from, MacAddress peer, boolean linkMulticast)
            throws IOException {
        return send4(ReplyKind.ICMP_PORT_UNREACHABLE, portUnreachable, datagram, from, peer, linkMulticast);
    }

    /** ICMP net unreachable (type 3, code 0): no route to the datagram's destination. */
    public boolean netUnreachable(PacketBuffer datagram, Ipv4Address from, MacAddress peer, boolean linkMulticast)
            throws IOException {
        return send4(ReplyKind.ICMP_NET_UNREACHABLE, netUnreachable, datagram, from, peer, linkMulticast);
    }

    /** ICMP fragmentation needed and DF set (type 3, code 4) with the next-hop MTU of RFC 1191. */
    public boolean fragmentationNeeded(PacketBuffer datagram, int nextHopMtu, Ipv4Address from, MacAddress peer,
            boolean linkMulticast) throws IOException {
        fragmentationNeeded.message().nextHopMtu(nextHopMtu);
        return send4(ReplyKind.ICMP_FRAGMENTATION_NEEDED, fragmentationNeeded, datagram, from, peer, linkMulticast);
    }

    /** ICMP time exceeded in transit (type 11, code 0). */
    public boolean timeExceeded(PacketBuffer datagram, Ipv4Address from, MacAddress peer, boolean linkMulticast)
            throws IOException {
        return send4(ReplyKind.ICMP_TIME_EXCEEDED, timeExceeded, datagram, from, peer, linkMulticast);
    }

    /** ICMPv6 destination unreachable, port unreachable (type 1, code 4). */
    public boolean portUnreachable(PacketBuffer packet, Ipv6Address from, MacAddress peer, boolean linkMulticast)
            throws IOException {
        return send6(ReplyKind.ICMPV6_PORT_UNREACHABLE, Icmpv6Type.DESTINATION_UNREACHABLE, 4, unreachable6, packet,
                from, peer, linkMulticast);
    }

    /** ICMPv6 destination unreachable, no route to destination (type 1, code 0). */
    public boolean noRoute(PacketBuffer packet, Ipv6Address from, MacAddress peer, boolean linkMulticast)
            throws IOException {
        return send6(ReplyKind.ICMPV6_NO_ROUTE, Icmpv6Type.DESTINATION_UNREACHABLE, 0, unreachable6, packet, from, peer,
                linkMulticast);
    }

    /** ICMPv6 packet too big (type 2) with the MTU of the next link. */
    public boolean packetTooBig(PacketBuffer packet, int mtu, Ipv6Address from, MacAddress peer, boolean linkMulticast)
            throws IOException {
        packetTooBig.mtu(mtu);
        return send6(ReplyKind.ICMPV6_PACKET_TOO_BIG, Icmpv6Type.PACKET_TOO_BIG, 0, packetTooBig, packet, from, peer,
                linkMulticast);
    }

    /** ICMPv6 time exceeded, hop limit exceeded in transit (type 3, code 0). */
    public boolean timeExceeded(PacketBuffer packet, Ipv6Address from, MacAddress peer, boolean linkMulticast)
            throws IOException {
        return send6(ReplyKind.ICMPV6_TIME_EXCEEDED, Icmpv6Type.TIME_EXCEEDED, 0, timeExceeded6, packet, from, peer,
                linkMulticast);
    }

    /**
     * ICMPv6 parameter problem (type 4) with {@code code} and {@code pointer}, the offset of the
     * faulty byte from the start of the IPv6 header (RFC 4443 section 3.4).
     */
    public boolean parameterProblem(PacketBuffer packet, int code, int pointer, Ipv6Address from, MacAddress peer,
            boolean linkMulticast) throws IOException {
        parameterProblem6.pointer(pointer);
        return send6(ReplyKind.ICMPV6_PARAMETER_PROBLEM, Icmpv6Type.PARAMETER_PROBLEM, code, parameterProblem6, packet,
                from, peer, linkMulticast);
    }

    private boolean send4(ReplyKind kind, IcmpMessageBuilder<?> message, PacketBuffer datagram, Ipv4Address from,
            MacAddress peer, boolean linkMulticast) throws IOException {
        if (linkMulticast || !mayQuote4(datagram)) {
            return false;
        }
        ipv4Header.ttl(HOP_LIMIT).protocol(IpProtocol.ICMP).identification(sender.nextIpv4Identification())
                .dontFragment(false).source(from).destination(offending4.source());
        Serializer error = message.quoting(datagram).encapsulate(ipv4Header).encapsulate(ipv4Limit);
        return sender.send(kind, error, EtherType.IPV4, peer, datagram);
    }

    private boolean mayQuote4(PacketBuffer datagram) {
        look.rewrap(datagram.array(), datagram.bodyStart(), datagram.bodyLength());
        try {
            offending4.wrapQuoted(look);
        } catch (ParseException e) {
            return false;
        }
        Ipv4Address source = offending4.source();
        Ipv4Address destination = offending4.destination();
        if (!source.isUnicast() || source.isLoopback() || destination.isMulticast() || destination.isLimitedBroadcast()
                || offending4.fragmentOffsetBytes() != 0) {
            return false;
        }
        // Not about an ICMP error: only queries (echo, timestamp, information, address mask) may be answered with one.
        if (offending4.transportProtocol().equals(IpProtocol.ICMP)) {
            return look.bodyLength() > 0 && isIcmpQuery(look.array()[look.bodyStart()] & 0xFF);
        }
        return true;
    }

    private static boolean isIcmpQuery(int type) {
        IcmpType t = IcmpType.of(type);
        return t.equals(IcmpType.ECHO_REPLY) || t.equals(IcmpType.ECHO_REQUEST) || t.equals(IcmpType.ROUTER_ADVERTISEMENT)
                || t.equals(IcmpType.ROUTER_SOLICITATION) || t.equals(IcmpType.TIMESTAMP_REQUEST)
                || t.equals(IcmpType.TIMESTAMP_REPLY) || t.equals(IcmpType.INFORMATION_REQUEST)
                || t.equals(IcmpType.INFORMATION_REPLY) || t.equals(IcmpType.ADDRESS_MASK_REQUEST)
                || t.equals(IcmpType.ADDRESS_MASK_REPLY);
    }

    private boolean send6(ReplyKind kind, Icmpv6Type type, int code, PacketBuilder message, PacketBuffer packet,
            Ipv6Address from, MacAddress peer, boolean linkMulticast) throws IOException {
        boolean tooBig = type.equals(Icmpv6Type.PACKET_TOO_BIG);
        if ((linkMulticast && !tooBig) || !mayQuote6(packet, tooBig)) {
            return false;
        }
        Ipv6Address to = offending6.source();
        icmpv6Header.type(type).code(code).addresses(from, to);
        ipv6Header.hopLimit(HOP_LIMIT).nextHeader(IpProtocol.IPV6_ICMP).source(from).destination(to);
        Serializer error = Icmpv6Errors.quoting(packet, message, icmpv6Header).encapsulate(ipv6Header);
        return sender.send(kind, error, EtherType.IPV6, peer, packet);
    }

    private boolean mayQuote6(PacketBuffer packet, boolean tooBig) {
        look.rewrap(packet.array(), packet.bodyStart(), packet.bodyLength());
        try {
            offending6.wrapQuoted(look);
        } catch (ParseException e) {
            return false;
        }
        Ipv6Address source = offending6.source();
        if (!source.isSpecified() || source.isMulticast() || (offending6.destination().isMulticast() && !tooBig)) {
            return false;
        }
        // Not about an ICMPv6 error message (types below 128).
        if (offending6.transportProtocol().equals(IpProtocol.IPV6_ICMP) && !offending6.isFragment()) {
            return look.bodyLength() > 0 && (look.array()[look.bodyStart()] & 0xFF) >= 128;
        }
        return true;
    }
}
