package io.zerowire.tap.reply;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.tap.link.AddressClass;
import io.zerowire.tap.link.InterfaceAddress;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.link.MacAddress;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.arp.Arp;
import io.zerowire.protocols.arp.ArpBuilder;
import io.zerowire.protocols.arp.ArpOperation;
import io.zerowire.protocols.ethernet.EtherType;
import io.zerowire.protocols.icmp.IcmpEchoBuilder;
import io.zerowire.protocols.icmp.IcmpMessageBuilder;
import io.zerowire.protocols.icmp.IcmpMessageKind;
import io.zerowire.protocols.icmp.IcmpPacket;
import io.zerowire.protocols.icmpv6.EchoBuilder;
import io.zerowire.protocols.icmpv6.Icmpv6HeaderBuilder;
import io.zerowire.protocols.icmpv6.Icmpv6Message;
import io.zerowire.protocols.icmpv6.Icmpv6Packet;
import io.zerowire.protocols.icmpv6.Icmpv6Type;
import io.zerowire.protocols.icmpv6.ndp.NdpOptionsBuilder;
import io.zerowire.protocols.icmpv6.ndp.NeighborAdvertisementBuilder;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ipv4.Ipv4Builder;
import io.zerowire.protocols.ipv6.Ipv6HeaderBuilder;
import io.zerowire.protocols.ipv6.Ipv6Packet;
import io.zerowire.protocols.stack.Dissector;
import io.zerowire.protocols.stack.Layer;
import io.zerowire.serialize.Serializer;
import java.io.IOException;

/**
 * The answers every IP node gives on its link, for its own addresses: an ARP reply to a request
 * for its IPv4 address, a neighbor advertisement (with the target link-layer address option) to a
 * neighbor solicitation for its IPv6 address, and echo replies to ICMP and ICMPv6 echo requests.
 * Shared by the responder and by the forwarder, which is a node on each of its links.
 *
 * <p>Each answer is serialized around the received buffer: the echo data stays where it was
 * received and new headers are written over the old ones; the ARP reply is written where the
 * request was; the advertisement's option list is written into the receive array as scratch.
 * The frame has been dissected, and its checksums checked, by the caller.
 */
public final class NodeAnswers {
    private static final int HOP_LIMIT = 64;

    private final ReplySender sender;
    private final InterfaceAddress<Ipv4Address> ipv4;
    private final InterfaceAddress<Ipv6Address> ipv6;
    private final boolean router;
    private final int directedBroadcast;

    private final ArpBuilder arpReply = new ArpBuilder().operation(ArpOperation.REPLY);
    private final IcmpMessageBuilder<IcmpEchoBuilder> echoReply = IcmpMessageBuilder.echoReply(0, 0);
    private final Ipv4Builder ipv4Header = new Ipv4Builder();
    private final NdpOptionsBuilder advertisementOptions = new NdpOptionsBuilder();
    private final NeighborAdvertisementBuilder advertisement = new NeighborAdvertisementBuilder();
    private final EchoBuilder echo6Reply = new EchoBuilder();
    private final Icmpv6HeaderBuilder icmpv6Header = new Icmpv6HeaderBuilder();
    private final Ipv6HeaderBuilder ipv6Header = new Ipv6HeaderBuilder();

    /**
     * Answers for {@code ipv4} and {@code ipv6} (either may be null: no such address), through
     * {@code sender}. A {@code router} sets the router flag of its neighbor advertisements.
     */
    public NodeAnswers(ReplySender sender, InterfaceAddress<Ipv4Address> ipv4, InterfaceAddress<Ipv6Address> ipv6,
            boolean router) {
        this.sender = sender;
        this.ipv4 = ipv4;
        this.ipv6 = ipv6;
        this.router = router;
        this.directedBroadcast = AddressClass.directedBroadcast(ipv4);
    }

    /**
     * The class of the dissected frame's source address when it is one this node never answers
     * (RFC 1122 sections 3.2.1.3 and 4.2.3.10, RFC 4291): anything but a unicast address, the
     * directed broadcast of this node's IPv4 subnet included; the caller drops the frame and counts
     * it. Two kinds of frame from a node without an address yet are let through: an ARP probe
     * (sender 0.0.0.0, RFC 5227), which is answered as Linux answers it (the reply is how the prober
     * learns the address is taken), and from {@code ::} the ICMPv6 messages RFC 4861 and RFC 3810
     * allow to come from it (a neighbor solicitation for duplicate address detection, answered to
     * all nodes; router solicitations and MLD reports, which get no answer).
     *
     * @return null for a source that may be answered
     */
    public AddressClass martianSource(Dissector d) {
        AddressClass from;
        if (d.has(Layer.ARP)) {
            Arp arp = d.arp();
            from = AddressClass.ofIpv4(arp.senderProtocolAddressBits(), directedBroadcast);
            if (from == AddressClass.UNSPECIFIED && arp.operation().equals(ArpOperation.REQUEST)) {
                return null;
            }
        } else if (d.has(Layer.IPV4)) {
            from = AddressClass.of(d.ipv4().source(), directedBroadcast);
        } else if (d.has(Layer.IPV6)) {
            from = AddressClass.of(d.ipv6().source());
            if (from == AddressClass.UNSPECIFIED && d.has(Layer.ICMPV6) && mayComeFromUnspecified(d.icmpv6().message())) {
                return null;
            }
        } else {
            return null;
        }
        return from.isUnicast() ? null : from;
    }

    private static boolean mayComeFromUnspecified(Icmpv6Message message) {
        return message == Icmpv6Message.NEIGHBOR_SOLICITATION || message == Icmpv6Message.ROUTER_SOLICITATION
                || message == Icmpv6Message.MLD_REPORT || message == Icmpv6Message.MLDV2_REPORT
                || message == Icmpv6Message.MLD_DONE;
    }

    /**
     * Answers the dissected frame if it is an ARP request, a neighbor solicitation or an echo
     * request for one of this node's addresses.
     *
     * @return whether the frame was one of those (answered, or silently discarded as RFC 4861 asks
     *     of an invalid solicitation); false leaves it to the caller
     */
    public boolean answer(Dissector d, PacketBuffer frame) throws IOException {
        if (d.has(Layer.ARP)) {
            return arp(d, frame);
        }
        if (d.has(Layer.ICMP)) {
            return echo(d, frame);
        }
        if (d.has(Layer.ICMPV6)) {
            Icmpv6Message message = d.icmpv6().message();
            if (message == Icmpv6Message.NEIGHBOR_SOLICITATION) {
                return neighborSolicitation(d, frame);
            }
            if (message == Icmpv6Message.ECHO_REQUEST) {
                return echo6(d, frame);
            }
        }
        return false;
    }

    /**
     * Whether any layer of the dissected frame failed its checksum: such a frame is dropped
     * unanswered, as the kernel drops it. Over IPv6 a UDP checksum is mandatory, and a zero one gets
     * no verdict from the dissector, so it counts as bad here.
     */
    public static boolean hasBadChecksum(Dissector d) {
        for (int i = 0; i < d.layerCount(); i++) {
            if (d.checksumBad(d.layer(i))) {
                return true;
            }
        }
        return d.has(Layer.UDP) && d.has(Layer.IPV6) && !d.udp().checksumValid();
    }

    /** Whether {@code destination}, a received IPv4 destination, is this node's address. */
    public boolean isMine(Ipv4Address destination) {
        return ipv4 != null && ipv4.address().equals(destination);
    }

    /** Whether {@code destination}, a received IPv6 destination, is this node's address. */
    public boolean isMine(Ipv6Address destination) {
        return ipv6 != null && ipv6.address().equals(destination);
    }

    private boolean arp(Dissector d, PacketBuffer frame) throws IOException {
        Arp arp = d.arp();
        if (ipv4 == null || !arp.operation().equals(ArpOperation.REQUEST)
                || arp.targetProtocolAddressBits() != ipv4.address().bits()) {
            return false;
        }
        MacAddress asker = arp.senderHardwareAddress();
        arpReply.senderHardwareAddress(sender.mac()).senderProtocolAddress(ipv4.address())
                .targetHardwareAddress(asker).targetProtocolAddress(arp.senderProtocolAddress());
        // The body is empty after the ARP parse: the reply's 28 bytes go where the request's were.
        sender.send(ReplyKind.ARP_REPLY, frame.encapsulate(arpReply), EtherType.ARP, d.ethernet().source(), frame);
        return true;
    }

    private boolean echo(Dissector d, PacketBuffer frame) throws IOException {
        IcmpPacket icmp = d.icmp();
        if (icmp.kind() != IcmpMessageKind.ECHO_REQUEST || !isMine(d.ipv4().destination())) {
            return false;
        }
        echoReply.message().identifier(icmp.echo().identifier()).sequence(icmp.echo().sequence());
        ipv4Header.ttl(HOP_LIMIT).protocol(IpProtocol.ICMP).identification(sender.nextIpv4Identification())
                .dontFragment(false).source(ipv4.address()).destination(d.ipv4().source());
        // The body is the echo data, left in place; the headers are written over the request's.
        sender.send(ReplyKind.ICMP_ECHO_REPLY, frame.encapsulate(echoReply).encapsulate(ipv4Header), EtherType.IPV4,
                d.ethernet().source(), frame);
        return true;
    }

    private boolean echo6(Dissector d, PacketBuffer frame) throws IOException {
        Ipv6Packet ip = d.ipv6();
        if (!isMine(ip.destination())) {
            return false;
        }
        Icmpv6Packet icmp = d.icmpv6();
        Ipv6Address peer = ip.source();
        echo6Reply.identifier(icmp.echo().identifier()).sequenceNumber(icmp.echo().sequenceNumber());
        icmpv6Header.type(Icmpv6Type.ECHO_REPLY).code(0).addresses(ipv6.address(), peer);
        ipv6Header.hopLimit(HOP_LIMIT).nextHeader(IpProtocol.IPV6_ICMP).source(ipv6.address()).destination(peer);
        sender.send(ReplyKind.ICMPV6_ECHO_REPLY,
                frame.encapsulate(echo6Reply).encapsulate(icmpv6Header).encapsulate(ipv6Header), EtherType.IPV6,
                d.ethernet().source(), frame);
        return true;
    }

    private boolean neighborSolicitation(Dissector d, PacketBuffer frame) throws IOException {
        Icmpv6Packet icmp = d.icmpv6();
        Ipv6Packet ip = d.ipv6();
        try {
            icmp.checkNdp(ip);
        } catch (ParseException e) {
            return true;   // RFC 4861 section 7.1.1: silently discarded
        }
        if (ipv6 == null || !icmp.neighborSolicitation().target().equals(ipv6.address())) {
            return false;
        }
        // RFC 4861 section 7.2.4: answer the soliciting node; a solicitation from :: (duplicate
        // address detection) is answered to all nodes, unsolicited.
        boolean fromUnspecified = !ip.source().isSpecified();
        Ipv6Address destination = fromUnspecified ? Ipv6.ALL_NODES_LINK_LOCAL_MULTICAST : ip.source();
        MacAddress destinationMac = fromUnspecified ? MacAddress.forIpv6Multicast(destination) : d.ethernet().source();
        advertisementOptions.clear().targetLinkLayerAddress(sender.mac());
        advertisement.router(router).solicited(!fromUnspecified).override(true).target(ipv6.address());
        icmpv6Header.type(Icmpv6Type.NEIGHBOR_ADVERTISEMENT).code(0).addresses(ipv6.address(), destination);
        ipv6Header.hopLimit(Icmpv6Packet.NDP_HOP_LIMIT).nextHeader(IpProtocol.IPV6_ICMP).source(ipv6.address())
                .destination(destination);
        Serializer reply = Serializer.of(advertisementOptions).encapsulate(advertisement).encapsulate(icmpv6Header)
                .encapsulate(ipv6Header);
        sender.send(ReplyKind.NEIGHBOR_ADVERTISEMENT, reply, EtherType.IPV6, destinationMac, frame);
        return true;
    }
}
