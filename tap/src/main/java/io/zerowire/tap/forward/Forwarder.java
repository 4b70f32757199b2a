package io.zerowire.tap.forward;

import io.zerowire.buffer.Bytes;
import io.zerowire.buffer.PacketBuffer;
import io.zerowire.protocols.ipv4.Ipv4OptionFormat;
import io.zerowire.tap.link.AddressClass;
import io.zerowire.tap.link.DropCounters;
import io.zerowire.tap.link.FrameSink;
import io.zerowire.tap.link.InterfaceAddress;
import io.zerowire.tap.link.NeighborTable;
import io.zerowire.tap.reply.IcmpErrors;
import io.zerowire.tap.reply.NodeAnswers;
import io.zerowire.tap.reply.ReplyCounters;
import io.zerowire.tap.reply.ReplyKind;
import io.zerowire.tap.reply.ReplySender;
import io.zerowire.tap.device.FrameHandler;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.link.MacAddress;
import io.zerowire.options.OptionsBuilder;
import io.zerowire.options.OptionsIterator;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.arp.Arp;
import io.zerowire.protocols.arp.ArpBuilder;
import io.zerowire.protocols.arp.ArpOperation;
import io.zerowire.protocols.ethernet.EtherType;
import io.zerowire.protocols.ethernet.Ethernet;
import io.zerowire.protocols.ethernet.EthernetBuilder;
import io.zerowire.protocols.ethernet.EthernetFrames;
import io.zerowire.protocols.framing.Framing;
import io.zerowire.protocols.icmpv6.Icmpv6HeaderBuilder;
import io.zerowire.protocols.icmpv6.Icmpv6Message;
import io.zerowire.protocols.icmpv6.Icmpv6Packet;
import io.zerowire.protocols.icmpv6.Icmpv6Type;
import io.zerowire.protocols.icmpv6.ndp.LinkLayerAddressOption;
import io.zerowire.protocols.icmpv6.ndp.NdpOptions;
import io.zerowire.protocols.icmpv6.ndp.NdpOptionsBuilder;
import io.zerowire.protocols.icmpv6.ndp.NeighborSolicitationBuilder;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ipv4.Ipv4;
import io.zerowire.protocols.ipv4.Ipv4Builder;
import io.zerowire.protocols.ipv4.Ipv4Packet;
import io.zerowire.protocols.ipv6.Ipv6Header;
import io.zerowire.protocols.ipv6.Ipv6HeaderBuilder;
import io.zerowire.protocols.ipv6.Ipv6Packet;
import io.zerowire.protocols.stack.Dissector;
import io.zerowire.protocols.stack.Layer;
import io.zerowire.serialize.BufferProvider;
import io.zerowire.serialize.HeapBufferProvider;
import io.zerowire.serialize.Serializer;
import io.zerowire.serialize.SizeLimitExceededException;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An IPv4 and IPv6 router between links, each a port with its own addresses: it forwards in the
 * array a frame was received in, and is a node on each link (ARP, NDP and echo for its addresses).
 *
 * <p>Forwarding a datagram is: parse Ethernet and IP (the IPv4 header checksum verified), choose the
 * port whose subnet holds the destination, decrement the TTL or hop limit (the IPv4 header checksum
 * updated incrementally, RFC 1624), undo the parse, write the port's MAC address and the next hop's
 * over the Ethernet header, and hand the same array to the outgoing port. No copy, and no
 * allocation. When it cannot forward, it answers the sender with an ICMP error quoting the datagram,
 * serialized in the same array ({@link IcmpErrors}): time exceeded when the TTL or hop limit runs
 * out, fragmentation needed (DF set) or packet too big when the datagram exceeds the outgoing MTU,
 * net unreachable / no route when no port's subnet holds the destination. An IPv4 datagram without
 * DF that exceeds the MTU is fragmented in place: each fragment's headers are written just in front
 * of its data, over the end of the fragment sent before it.
 *
 * <p>A next hop not yet resolved gets an ARP request or a neighbor solicitation, and the frame is
 * held ({@link NeighborTable}) until the answer comes, then processed again.
 *
 * <pre>{@code
 * Forwarder router = new Forwarder(
 *         List.of(new Forwarder.PortConfig(macA, InterfaceAddress.parseIpv4("10.1.0.254/24"), null, 1500),
 *                 new Forwarder.PortConfig(macB, InterfaceAddress.parseIpv4("10.2.0.254/24"), null, 1400)),
 *         List.of(portA, portB));
 * portA.start(router.receiver(0));
 * portB.start(router.receiver(1));
 * }</pre>
 *
 * <p>Each receive loop runs its own {@link #receiver}; the forwarder's shared state (neighbour
 * tables, counters) is thread-safe.
 */
public final class Forwarder {
    /**
     * One port: the router's MAC address, addresses and MTU on one link.
     *
     * @param ipv4 the router's IPv4 address on the link, or null (no IPv4 routed to or from it)
     * @param ipv6 the router's IPv6 address on the link, or null
     * @param mtu the link's MTU: the largest IP datagram sent on it
     */
    public record PortConfig(MacAddress mac, InterfaceAddress<Ipv4Address> ipv4, InterfaceAddress<Ipv6Address> ipv6,
            int mtu) {
        /**
         * @throws IllegalArgumentException if the MAC is multicast, there is no address, or the MTU is
         *     below IPv4's 68 (IPv6's 1280 with an IPv6 address) or above 65535
         */
        public PortConfig {
            Objects.requireNonNull(mac, "mac");
            if (!mac.isUnicast()) {
                throw new IllegalArgumentException(mac + " is a multicast MAC address");
            }
            if (ipv4 == null && ipv6 == null) {
                throw new IllegalArgumentException("a port needs an IPv4 or an IPv6 address, or both");
            }
            int minimum = ipv6 != null ? io.zerowire.ip.Ipv6.MINIMUM_LINK_MTU : io.zerowire.ip.Ipv4.MINIMUM_LINK_MTU;
            if (mtu < minimum || mtu > 65_535) {
                throw new IllegalArgumentException("MTU " + mtu + " is outside " + minimum + "-65535");
            }
        }
    }

    /** Neighbours per link. */
    static final int NEIGHBORS_PER_PORT = 256;
    private static final int ETHERNET_HEADER = 14;
    private static final int IPV6_HEADER = 40;
    private static final int NDP_HOP_LIMIT = Icmpv6Packet.NDP_HOP_LIMIT;
    private static final byte[] NO_PAYLOAD = new byte[0];

    /** A port's configuration with its routing keys precomputed, so that a route lookup allocates nothing. */
    private static final class Port {
        final PortConfig config;
        final FrameSink sink;
        final NeighborTable neighbors = new NeighborTable(NEIGHBORS_PER_PORT);
        final int v4Network;
        final int v4Mask;
        /** The subnet's directed broadcast address, or 0 when a /31 or /32 has none. */
        final int v4Broadcast;
        final long v6NetworkHigh;
        final long v6NetworkLow;
        final long v6MaskHigh;
        final long v6MaskLow;

        Port(PortConfig config, FrameSink sink) {
            this.config = config;
            this.sink = sink;
            InterfaceAddress<Ipv4Address> v4 = config.ipv4();
            this.v4Mask = v4 == null ? 0 : (int) (0xFFFF_FFFF_0000_0000L >>> v4.prefixLength());
            this.v4Network = v4 == null ? 0 : v4.address().bits() & v4Mask;
            this.v4Broadcast = AddressClass.directedBroadcast(v4);
            InterfaceAddress<Ipv6Address> v6 = config.ipv6();
            int prefix = v6 == null ? 0 : v6.prefixLength();
            this.v6MaskHigh = prefix == 0 ? 0 : prefix >= 64 ? -1L : -1L << (64 - prefix);
            this.v6MaskLow = prefix <= 64 ? 0 : prefix == 128 ? -1L : -1L << (128 - prefix);
            this.v6NetworkHigh = v6 == null ? 0 : v6.address().high() & v6MaskHigh;
            this.v6NetworkLow = v6 == null ? 0 : v6.address().low() & v6MaskLow;
        }

        boolean routesIpv4(int destination) {
            return config.ipv4() != null && (destination & v4Mask) == v4Network;
        }

        boolean routesIpv6(long high, long low) {
            return config.ipv6() != null && (high & v6MaskHigh) == v6NetworkHigh && (low & v6MaskLow) == v6NetworkLow;
        }
    }

    private final Port[] ports;
    private final ReplyCounters replies = new ReplyCounters();
    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicLong forwardedInPlace = new AtomicLong();
    private final AtomicLong fragments = new AtomicLong();
    private final AtomicLong held = new AtomicLong();
    private final DropCounters drops = new DropCounters();

    /**
     * A router between {@code configs.size()} links, sending on each through the sink at the same
     * index.
     *
     * @throws IllegalArgumentException with fewer than two ports, or sinks that do not match them
     */
    public Forwarder(List<PortConfig> configs, List<? extends FrameSink> sinks) {
        if (configs.size() < 2 || configs.size() != sinks.size()) {
            throw new IllegalArgumentException("a forwarder needs two ports or more, each with its sink: "
                    + configs.size() + " ports, " + sinks.size() + " sinks");
        }
        this.ports = new Port[configs.size()];
        for (int i = 0; i < ports.length; i++) {
            ports[i] = new Port(Objects.requireNonNull(configs.get(i)), Objects.requireNonNull(sinks.get(i)));
        }
    }

    /**
     * The handler for the receive loop of port {@code port}: every loop needs its own (each owns its
     * views, builders and buffers).
     */
    public FrameHandler receiver(int port) {
        Objects.checkIndex(port, ports.length);
        return new Pipeline(port);
    }

    /** The configuration of port {@code port}. */
    public PortConfig port(int port) {
        return ports[port].config;
    }

    /** Datagrams forwarded (a fragmented one counts once). */
    public long forwarded() {
        return forwarded.get();
    }

    /** Datagrams forwarded out of the very array they were received in (the others had been held). */
    public long forwardedInPlace() {
        return forwardedInPlace.get();
    }

    /** Fragments sent for datagrams larger than the outgoing MTU without DF. */
    public long fragments() {
        return fragments.get();
    }

    /** Frames that found their next hop unresolved: held (as copies) until it was, or dropped past the limit. */
    public long held() {
        return held.get();
    }

    /** Frames neither forwarded nor answered, and why. */
    public DropCounters drops() {
        return drops;
    }

    /** The frames the router wrote itself: answers, ICMP errors, solicitations. */
    public ReplyCounters replies() {
        return replies;
    }

    /** One line of counters, for the end of a run. */
    public String summary() {
        long dropped = 0;
        for (Port p : ports) {
            dropped += p.neighbors.dropped();
        }
        return "forwarded " + forwarded() + " (" + forwardedInPlace() + " in the receive buffer, " + fragments()
                + " fragments sent), waited for a neighbour " + held() + " (" + dropped + " dropped); replies " + replies
                + "; dropped: " + drops;
    }

    /** What one receive loop runs: its own views, builders and scratch buffers. */
    private final class Pipeline implements FrameHandler {
        private final int home;
        private final Ethernet eth = new Ethernet();
        private final Ipv4Packet ipv4 = new Ipv4Packet();
        private final Ipv6Packet ipv6 = new Ipv6Packet();
        private final Dissector d = new Dissector();
        private final ReplySender[] senders = new ReplySender[ports.length];
        private final NodeAnswers[] answers = new NodeAnswers[ports.length];
        private final IcmpErrors[] errors = new IcmpErrors[ports.length];
        private final ArpBuilder arpRequest = new ArpBuilder().operation(ArpOperation.REQUEST)
                .targetHardwareAddress(MacAddress.of(0));
        private final NdpOptionsBuilder solicitationOptions = new NdpOptionsBuilder();
        private final NeighborSolicitationBuilder solicitation = new NeighborSolicitationBuilder();
        private final Icmpv6HeaderBuilder icmpv6Header = new Icmpv6HeaderBuilder();
        private final Ipv6HeaderBuilder ipv6Header = new Ipv6HeaderBuilder();
        private final Ipv4Builder fragmentHeader = new Ipv4Builder();
        private final OptionsBuilder copiedOptions = new OptionsBuilder(Ipv4OptionFormat.FORMAT);
        private final EthernetBuilder fragmentEthernet = new EthernetBuilder();
        private final HeapBufferProvider fragmentProvider = BufferProvider.reuse();
        private final PacketBuffer fragment = PacketBuffer.wrap(NO_PAYLOAD);
        private final PacketBuffer heldFrame = PacketBuffer.wrap(NO_PAYLOAD);
        private byte[] receiveArray;

        Pipeline(int home) {
            this.home = home;
            for (int i = 0; i < ports.length; i++) {
                PortConfig config = ports[i].config;
                senders[i] = new ReplySender(ports[i].sink, config.mac(), replies, config.mtu());
                answers[i] = new NodeAnswers(senders[i], config.ipv4(), config.ipv6(), true);
                errors[i] = new IcmpErrors(senders[i]);
            }
        }

        @Override
        public void onFrame(PacketBuffer frame) throws IOException {
            receiveArray = frame.array();
            process(frame, home);
        }

        /** Forwards or answers {@code frame}, received on port {@code in}. */
        private void process(PacketBuffer frame, int in) throws IOException {
            try {
                EthernetFrames.wrap(eth, frame, EthernetFrames.MinimumLength.IGNORE);
            } catch (ParseException e) {
                drops.malformed();
                return;
            }
            long destination = eth.destinationBits();
            boolean linkMulticast = (destination & (1L << 40)) != 0;   // the group bit of the first byte
            if (!linkMulticast && destination != ports[in].config.mac().bits()) {
                drops.ignored();
                return;
            }
            int type = eth.etherTypeValue();
            if (type == EtherType.IPV4.value()) {
                ipv4(frame, in, linkMulticast);
            } else if (type == EtherType.IPV6.value()) {
                ipv6(frame, in, linkMulticast);
            } else if (type == EtherType.ARP.value()) {
                eth.undoParse(frame);
                local(frame, in);
            } else {
                drops.ignored();
            }
        }

        private void ipv4(PacketBuffer frame, int in, boolean linkMulticast) throws IOException {
            try {
                ipv4.wrap(frame);
            } catch (ParseException e) {
                if (e.kind() == ParseErrorKind.CHECKSUM) {
                    drops.badChecksum();
                } else {
                    drops.malformed();
                }
                return;
            }
            Ipv4 header = ipv4.header();
            int destination = header.destinationBits();
            AddressClass from = ipv4Class(header.sourceBits());
            if (!from.isUnicast()) {
                drops.martianSource(from);   // RFC 1812 section 5.3.7, RFC 1122 section 3.2.1.3
                return;
            }
            if (isRouterIpv4(destination)) {
                ipv4.undoParse(frame);
                eth.undoParse(frame);
                local(frame, in);
                return;
            }
            if (linkMulticast || (destination >>> 28) == 0xE || destination == -1) {
                drops.ignored();   // multicast and broadcast stay on their link
                return;
            }
            AddressClass to = AddressClass.ofIpv4(destination, 0);
            if (!to.isUnicast()) {
                drops.martianDestination(to);   // 0/8, 127/8 and 240/4 are never routed (RFC 1812 section 5.3.7)
                return;
            }
            Ipv4Address self = ports[in].config.ipv4() != null ? ports[in].config.ipv4().address() : null;
            int out = routeIpv4(destination);
            if (out >= 0 && destination == ports[out].v4Broadcast) {
                drops.ignored();   // RFC 2644: directed broadcasts are not forwarded
                return;
            }
            if (out < 0 || header.ttl() <= 1) {
                ipv4.undoParse(frame);   // the body is the whole datagram again: the error quotes it
                if (self != null) {
                    if (out < 0) {
                        errors[in].netUnreachable(frame, self, eth.source(), false);
                    } else {
                        errors[in].timeExceeded(frame, self, eth.source(), false);
                    }
                }
                return;
            }
            int mtu = ports[out].config.mtu();
            boolean tooBig = header.totalLength() > mtu;
            if (tooBig && header.dontFragment()) {
                ipv4.undoParse(frame);
                if (self != null) {
                    errors[in].fragmentationNeeded(frame, mtu, self, eth.source(), false);
                }
                return;
            }
            MacAddress next = ports[out].neighbors.lookupIpv4(destination);
            if (next == null) {
                ipv4.undoParse(frame);
                eth.undoParse(frame);
                if (ports[out].neighbors.holdIpv4(destination, frame.array(), frame.bodyStart(), frame.bodyLength(), in,
                        System.nanoTime())) {
                    solicitIpv4(out, destination, frame);
                }
                held.incrementAndGet();
                return;
            }
            if (tooBig) {
                fragment(frame, out, next);
                return;
            }
            header.setTtl(header.ttl() - 1);   // RFC 1624 incremental update of the header checksum
            ipv4.undoParse(frame);
            send(frame, header.totalLength(), out, next);
        }

        private void ipv6(PacketBuffer frame, int in, boolean linkMulticast) throws IOException {
            try {
                ipv6.wrap(frame);
            } catch (ParseException e) {
                drops.malformed();
                return;
            }
            Ipv6Header header = ipv6.header();
            byte[] array = frame.array();
            int at = header.offset();
            long high = Bytes.i64(array, at + Ipv6Header.DESTINATION_OFFSET);
            long low = Bytes.i64(array, at + Ipv6Header.DESTINATION_OFFSET + 8);
            long sourceHigh = Bytes.i64(array, at + Ipv6Header.SOURCE_OFFSET);
            AddressClass from = AddressClass.ofIpv6(sourceHigh, Bytes.i64(array, at + Ipv6Header.SOURCE_OFFSET + 8));
            // :: may only reach this node (duplicate address detection, MLD): never forwarded.
            if (!from.isUnicast() && from != AddressClass.UNSPECIFIED) {
                drops.martianSource(from);   // RFC 4291 sections 2.5.2, 2.5.3, 2.5.5.2 and 2.7
                return;
            }
            if ((high >>> 56) == 0xFF || isRouterIpv6(high, low)) {
                ipv6.undoParse(frame);
                eth.undoParse(frame);
                local(frame, in);   // multicast here is link-scoped NDP and MLD: for this node, not to forward
                return;
            }
            if (!from.isUnicast()) {
                drops.martianSource(from);
                return;
            }
            AddressClass to = AddressClass.ofIpv6(high, low);
            if (!to.isUnicast()) {
                drops.martianDestination(to);   // ::, ::1 and IPv4-mapped addresses are never routed
                return;
            }
            if (linkMulticast || isLinkLocal(high) || isLinkLocal(sourceHigh) || ipv6.isJumbogram()) {
                drops.ignored();   // RFC 4291 section 2.5.6: link-local addresses are not forwarded
                return;
            }
            Ipv6Address self = ports[in].config.ipv6() != null ? ports[in].config.ipv6().address() : null;
            int out = routeIpv6(high, low);
            if (out < 0 || header.hopLimit() <= 1) {
                ipv6.undoParse(frame);
                if (self != null) {
                    if (out < 0) {
                        errors[in].noRoute(frame, self, eth.source(), false);
                    } else {
                        errors[in].timeExceeded(frame, self, eth.source(), false);
                    }
                }
                return;
            }
            int mtu = ports[out].config.mtu();
            if (IPV6_HEADER + header.payloadLength() > mtu) {
                ipv6.undoParse(frame);   // RFC 8200 section 5: routers never fragment IPv6
                if (self != null) {
                    errors[in].packetTooBig(frame, mtu, self, eth.source(), false);
                }
                return;
            }
            MacAddress next = ports[out].neighbors.lookupIpv6(high, low);
            if (next == null) {
                ipv6.undoParse(frame);
                eth.undoParse(frame);
                if (ports[out].neighbors.holdIpv6(high, low, frame.array(), frame.bodyStart(), frame.bodyLength(), in,
                        System.nanoTime())) {
                    solicitIpv6(out, Ipv6Address.of(high, low), frame);
                }
                held.incrementAndGet();
                return;
            }
            header.setHopLimit(header.hopLimit() - 1);   // no header checksum in IPv6
            ipv6.undoParse(frame);
            send(frame, IPV6_HEADER + header.payloadLength(), out, next);
        }

        /**
         * Rewrites the Ethernet header of the frame (its IP parse undone, the Ethernet one not) and sends
         * it, cut after the datagram's {@code datagramLength} bytes: whatever followed them (link padding,
         * or bytes past a length field that claims less) is not the datagram's and is not forwarded, as
         * Linux trims it on input.
         */
        private void send(PacketBuffer frame, int datagramLength, int out, MacAddress next) throws IOException {
            eth.undoParse(frame);
            frame.shrinkBackTo(ETHERNET_HEADER + datagramLength);
            eth.setSource(ports[out].config.mac()).setDestination(next);
            ports[out].sink.send(frame);
            forwarded.incrementAndGet();
            if (frame.array() == receiveArray) {
                forwardedInPlace.incrementAndGet();
            }
        }

        /**
         * Sends the parsed IPv4 datagram (body = its payload) in fragments that fit the outgoing MTU,
         * each written in place in front of its data. Options without the copy flag go in the first
         * fragment only (RFC 791).
         */
        private void fragment(PacketBuffer frame, int out, MacAddress next) throws IOException {
            Ipv4 header = ipv4.header();
            int mtu = ports[out].config.mtu();
            int unit = (mtu - header.headerLength()) & ~7;
            fragmentHeader.copyFrom(header).ttl(header.ttl() - 1);
            copiedOptions.clear();
            OptionsIterator options = header.options();
            while (options.next()) {
                if ((options.kind() & 0x80) != 0) {
                    copiedOptions.add(options.kind(), options.array(), options.valueOffset(), options.valueLength());
                }
            }
            fragmentEthernet.source(ports[out].config.mac()).destination(next).etherType(EtherType.IPV4);
            int firstOffset = header.fragmentOffset();
            boolean moreAfter = header.moreFragments();
            int dataStart = frame.bodyStart() - frame.regionStart();
            int dataLength = frame.bodyLength();
            for (int sent = 0; sent < dataLength; ) {
                int length = Math.min(unit, dataLength - sent);
                boolean last = sent + length == dataLength;
                fragmentHeader.fragmentOffset(firstOffset + sent / 8).moreFragments(!last || moreAfter);
                if (sent > 0) {
                    fragmentHeader.options(copiedOptions);
                }
                fragment.rewrap(frame.array(), frame.regionStart(), frame.capacity()).resetBody(dataStart + sent, length);
                PacketBuffer piece;
                try {
                    piece = fragment.encapsulate(fragmentHeader).encapsulate(fragmentEthernet)
                            .serialize(fragmentProvider);
                } catch (SizeLimitExceededException e) {
                    throw new IllegalStateException("a fragment of " + length + " bytes cannot exceed its limits", e);
                }
                ports[out].sink.send(piece);
                fragments.incrementAndGet();
                sent += length;
            }
            forwarded.incrementAndGet();
            if (frame.array() == receiveArray) {
                forwardedInPlace.incrementAndGet();
            }
        }

        /**
         * A frame for the router itself, its parse undone: learn the neighbour it reveals, answer it,
         * then send the frames that were waiting for that neighbour.
         */
        private void local(PacketBuffer frame, int in) throws IOException {
            d.dissect(Framing.ETHERNET, frame);
            if (d.error() != null) {
                drops.malformed();
                return;
            }
            if (NodeAnswers.hasBadChecksum(d)) {
                drops.badChecksum();
                return;
            }
            AddressClass from = answers[in].martianSource(d);
            if (from != null) {
                drops.martianSource(from);   // neither answered nor learnt from
                return;
            }
            List<NeighborTable.HeldFrame> waiting = learn(in);
            if (!answers[in].answer(d, frame) && waiting.isEmpty()) {
                drops.ignored();
            }
            for (NeighborTable.HeldFrame copy : waiting) {
                heldFrame.rewrap(copy.bytes(), 0, copy.bytes().length);
                process(heldFrame, copy.receivedOn());
            }
        }

        /** What an ARP message, a neighbor solicitation or advertisement tells about a neighbour on port {@code in}. */
        private List<NeighborTable.HeldFrame> learn(int in) {
            Port port = ports[in];
            if (d.has(Layer.ARP)) {
                Arp arp = d.arp();
                if (port.routesIpv4(arp.senderProtocolAddressBits()) && arp.senderHardwareAddressBits() != 0) {
                    return port.neighbors.learn(arp.senderProtocolAddress(), arp.senderHardwareAddress());
                }
                return List.of();
            }
            if (!d.has(Layer.ICMPV6)) {
                return List.of();
            }
            Icmpv6Packet icmp = d.icmpv6();
            Icmpv6Message message = icmp.message();
            if (message != Icmpv6Message.NEIGHBOR_SOLICITATION && message != Icmpv6Message.NEIGHBOR_ADVERTISEMENT) {
                return List.of();
            }
            try {
                icmp.checkNdp(d.ipv6());
            } catch (ParseException e) {
                return List.of();
            }
            boolean solicitation = message == Icmpv6Message.NEIGHBOR_SOLICITATION;
            Ipv6Address neighbor = solicitation ? d.ipv6().source() : icmp.neighborAdvertisement().target();
            if (!neighbor.isSpecified() || !port.routesIpv6(neighbor.high(), neighbor.low())) {
                return List.of();
            }
            NdpOptions options = icmp.ndpOptions();
            int kind = solicitation ? NdpOptions.SOURCE_LINK_LAYER_ADDRESS : NdpOptions.TARGET_LINK_LAYER_ADDRESS;
            MacAddress mac;
            LinkLayerAddressOption option = options.find(kind) ? options.linkLayerAddress() : null;
            if (option != null) {
                mac = option.address();
            } else if (!solicitation) {
                mac = d.ethernet().source();
            } else {
                return List.of();
            }
            return port.neighbors.learn(neighbor, mac);
        }

        private void solicitIpv4(int out, int destination, PacketBuffer frame) throws IOException {
            PortConfig config = ports[out].config;
            arpRequest.senderHardwareAddress(config.mac()).senderProtocolAddress(config.ipv4().address())
                    .targetProtocolAddress(Ipv4Address.of(destination));
            // The frame is held as a copy: the receive buffer is free to carry the request.
            senders[out].send(ReplyKind.ARP_REQUEST, Serializer.of(NO_PAYLOAD).encapsulate(arpRequest), EtherType.ARP,
                    MacAddress.BROADCAST, frame);
        }

        private void solicitIpv6(int out, Ipv6Address target, PacketBuffer frame) throws IOException {
            PortConfig config = ports[out].config;
            Ipv6Address group = target.toSolicitedNodeMulticast();
            solicitationOptions.clear().sourceLinkLayerAddress(config.mac());
            solicitation.target(target);
            icmpv6Header.type(Icmpv6Type.NEIGHBOR_SOLICITATION).code(0).addresses(config.ipv6().address(), group);
            ipv6Header.hopLimit(NDP_HOP_LIMIT).nextHeader(IpProtocol.IPV6_ICMP).source(config.ipv6().address())
                    .destination(group);
            Serializer request = Serializer.of(solicitationOptions).encapsulate(solicitation).encapsulate(icmpv6Header)
                    .encapsulate(ipv6Header);
            senders[out].send(ReplyKind.NEIGHBOR_SOLICITATION, request, EtherType.IPV6,
                    MacAddress.forIpv6Multicast(group), frame);
        }
    }

    /** The class of an IPv4 source: a directed broadcast of any of the router's subnets is one too (RFC 1812 5.3.7). */
    private AddressClass ipv4Class(int source) {
        AddressClass c = AddressClass.ofIpv4(source, 0);
        if (c.isUnicast()) {
            for (Port p : ports) {
                if (p.v4Broadcast != 0 && source == p.v4Broadcast) {
                    return AddressClass.DIRECTED_BROADCAST;
                }
            }
        }
        return c;
    }

    private boolean isRouterIpv4(int destination) {
        for (Port p : ports) {
            if (p.config.ipv4() != null && p.config.ipv4().address().bits() == destination) {
                return true;
            }
        }
        return false;
    }

    private boolean isRouterIpv6(long high, long low) {
        for (Port p : ports) {
            Ipv6Address mine = p.config.ipv6() != null ? p.config.ipv6().address() : null;
            if (mine != null && mine.high() == high && mine.low() == low) {
                return true;
            }
        }
        return false;
    }

    private int routeIpv4(int destination) {
        for (int i = 0; i < ports.length; i++) {
            if (ports[i].routesIpv4(destination)) {
                return i;
            }
        }
        return -1;
    }

    private int routeIpv6(long high, long low) {
        for (int i = 0; i < ports.length; i++) {
            if (ports[i].routesIpv6(high, low)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isLinkLocal(long high) {
        return (high >>> 54) == (0xFE80L >>> 6);   // fe80::/10
    }
}
