package io.zerowire.tap.respond;

import io.zerowire.buffer.Bytes;
import io.zerowire.buffer.PacketBuffer;
import io.zerowire.tap.link.AddressClass;
import io.zerowire.tap.link.DropCounters;
import io.zerowire.tap.link.FrameSink;
import io.zerowire.tap.link.InterfaceAddress;
import io.zerowire.tap.reply.IcmpErrors;
import io.zerowire.tap.reply.NodeAnswers;
import io.zerowire.tap.reply.ReplyCounters;
import io.zerowire.tap.reply.ReplyKind;
import io.zerowire.tap.reply.ReplySender;
import io.zerowire.tap.device.FrameHandler;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.link.MacAddress;
import io.zerowire.protocols.ethernet.EtherType;
import io.zerowire.protocols.ethernet.Ethernet;
import io.zerowire.protocols.framing.Framing;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ip.ParameterProblemException;
import io.zerowire.protocols.ipv4.Ipv4Builder;
import io.zerowire.protocols.ipv6.Ipv6Header;
import io.zerowire.protocols.ipv6.Ipv6HeaderBuilder;
import io.zerowire.protocols.ipv6.Ipv6Packet;
import io.zerowire.protocols.ipv6.RoutingHeader;
import io.zerowire.protocols.stack.Dissector;
import io.zerowire.protocols.stack.Layer;
import io.zerowire.protocols.tcp.TcpBuilder;
import io.zerowire.protocols.udp.UdpBuilder;
import io.zerowire.protocols.udp.UdpLayout;
import io.zerowire.serialize.PacketBuilder;
import io.zerowire.serialize.Serializer;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A user-space IP host on one Ethernet link, for the kernel on the other end to talk to: it answers
 * ARP and neighbor solicitations for its addresses, ICMP and ICMPv6 echo, UDP echo on one port
 * (ICMP / ICMPv6 port unreachable on the others, quoting the datagram), and TCP: a minimal echo
 * server on one port ({@link TcpEcho}), a reset for anything else.
 *
 * <p>Every answer is serialized into the array the frame was received in ({@link ReplySender}); the
 * {@link #replies()} counters say how many went out that way. A frame with a bad checksum at any
 * layer, or that does not parse, is dropped silently and counted, as the kernel would.
 *
 * <pre>{@code
 * Responder responder = new Responder(new Responder.Config(EthernetPort.randomMac(),
 *         InterfaceAddress.parseIpv4("10.0.0.2/24"), InterfaceAddress.parseIpv6("fd00::2/64"),
 *         1500, 7, 7), port);
 * port.start(responder);          // one receive loop on the TAP device
 * }</pre>
 *
 * <p>Not thread-safe: one receive loop calls it.
 */
public final class Responder implements FrameHandler {
    /**
     * What the responder is.
     *
     * @param mac its MAC address
     * @param ipv4 its IPv4 address and prefix, or null
     * @param ipv6 its IPv6 address and prefix, or null
     * @param mtu the link's MTU: bounds the TCP MSS it announces and every datagram it sends (a reply
     *     that would exceed it is not sent: see {@link #repliesOverMtu()})
     * @param udpEchoPort the UDP port that echoes
     * @param tcpEchoPort the TCP port that echoes
     */
    public record Config(MacAddress mac, InterfaceAddress<Ipv4Address> ipv4, InterfaceAddress<Ipv6Address> ipv6,
            int mtu, int udpEchoPort, int tcpEchoPort) {
        /** The usual echo port, for UDP and TCP (RFC 862). */
        public static final int ECHO_PORT = 7;

        /**
         * @throws IllegalArgumentException if there is no address, the MAC is multicast, a port is
         *     not 1 to 65535, or the MTU is below IPv4's 68 (IPv6's 1280 with an IPv6 address) or above 65535
         */
        public Config {
            Objects.requireNonNull(mac, "mac");
            if (!mac.isUnicast()) {
                throw new IllegalArgumentException(mac + " is a multicast MAC address");
            }
            if (ipv4 == null && ipv6 == null) {
                throw new IllegalArgumentException("the responder needs an IPv4 or an IPv6 address, or both");
            }
            int minimumMtu = ipv6 != null ? io.zerowire.ip.Ipv6.MINIMUM_LINK_MTU : io.zerowire.ip.Ipv4.MINIMUM_LINK_MTU;
            if (mtu < minimumMtu || mtu > 65_535) {
                throw new IllegalArgumentException("MTU " + mtu + " is outside " + minimumMtu + "-65535");
            }
            checkPort("UDP echo", udpEchoPort);
            checkPort("TCP echo", tcpEchoPort);
        }

        private static void checkPort(String what, int port) {
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException(what + " port " + port + " is outside 1-65535");
            }
        }
    }

    private static final int HOP_LIMIT = 64;
    private static final int IPV4_TCP_HEADERS = 40;
    private static final int IPV6_TCP_HEADERS = 60;

    private final Config config;
    private final ReplyCounters replies = new ReplyCounters();
    private final ReplySender sender;
    private final NodeAnswers node;
    private final IcmpErrors errors;
    private final TcpEcho tcpEcho;
    private final Dissector d = new Dissector();
    private final UdpBuilder udp = new UdpBuilder();
    private final TcpBuilder tcp = new TcpBuilder();
    private final Ipv4Builder ipv4Header = new Ipv4Builder();
    private final Ipv6HeaderBuilder ipv6Header = new Ipv6HeaderBuilder();

    private final AtomicLong frames = new AtomicLong();
    private final DropCounters drops = new DropCounters();

    /** A responder that sends its answers to {@code out}. */
    public Responder(Config config, FrameSink out) {
        this.config = Objects.requireNonNull(config, "config");
        this.sender = new ReplySender(out, config.mac(), replies, config.mtu());
        this.node = new NodeAnswers(sender, config.ipv4(), config.ipv6(), false);
        this.errors = new IcmpErrors(sender);
        this.tcpEcho = new TcpEcho(config.tcpEchoPort(), System::nanoTime, new SecureRandom());
    }

    /** The configuration. */
    public Config config() {
        return config;
    }

    @Override
    public void onFrame(PacketBuffer frame) throws IOException {
        frames.incrementAndGet();
        d.dissect(Framing.ETHERNET, frame);
        if (!d.has(Layer.ETHERNET)) {
            drops.malformed();
            return;
        }
        Ethernet eth = d.ethernet();
        boolean linkMulticast = eth.destination().isMulticast();
        if (!linkMulticast && eth.destinationBits() != config.mac().bits()) {
            drops.ignored();
            return;
        }
        if (d.error() != null) {
            if (!(d.error() instanceof ParameterProblemException problem && d.failedLayer() == Layer.IPV6
                    && problem.mayRespond() && parameterProblem(frame, d.payloadOffset(), d.payloadLength(),
                            problem.code(), problem.pointer(), linkMulticast))) {
                drops.malformed();
            }
            return;
        }
        if (NodeAnswers.hasBadChecksum(d)) {
            drops.badChecksum();
            return;
        }
        AddressClass from = node.martianSource(d);
        if (from != null) {
            drops.martianSource(from);   // RFC 1122 sections 3.2.1.3 and 4.2.3.10: never answered
            return;
        }
        if (d.has(Layer.IPV6)) {
            int pointer = segmentsLeftPointer(d.ipv6());
            if (pointer >= 0) {
                Ipv6Packet ip = d.ipv6();
                parameterProblem(frame, ip.offset(), Ipv6Header.FIXED_LENGTH + ip.header().payloadLength(),
                        ParameterProblemException.ERRONEOUS_HEADER_FIELD, pointer, linkMulticast);
                return;
            }
        }
        boolean answered = node.answer(d, frame);
        if (!answered && d.has(Layer.UDP)) {
            answered = udp(frame, linkMulticast);
        } else if (!answered && d.has(Layer.TCP)) {
            answered = tcp(frame, linkMulticast);
        }
        if (!answered) {
            drops.ignored();
        }
    }

    /**
     * Where a routing header with segments left points, as RFC 8200 section 4.4 asks a node that
     * cannot route it to report: at its Routing Type. A host routes no type (RFC 5095 makes type 0
     * unrecognized everywhere; this node is no segment routing endpoint), so any header with segments
     * left means the packet was not for it to consume.
     *
     * @return the pointer from the start of the IPv6 header, or -1 without such a header
     */
    private static int segmentsLeftPointer(Ipv6Packet ip) {
        byte[] array = ip.array();
        for (int i = 0; i < ip.extensionHeaderCount(); i++) {
            int at = ip.extensionHeaderOffset(i);
            if (ip.extensionHeaderTypeValue(i) == Ipv6Packet.ROUTING && array[at + RoutingHeader.SEGMENTS_LEFT_OFFSET] != 0) {
                return at + RoutingHeader.ROUTING_TYPE_OFFSET - ip.offset();
            }
        }
        return -1;
    }

    /**
     * Answers the IPv6 packet at {@code ipStart} (at most {@code available} bytes of it in the array)
     * with a parameter problem, when it is addressed to this node from a unicast source.
     *
     * @return whether the packet was dealt with (answered, or dropped as a martian); false leaves it
     *     to the caller to count
     */
    private boolean parameterProblem(PacketBuffer frame, int ipStart, int available, int code, int pointer,
            boolean linkMulticast) throws IOException {
        byte[] array = frame.array();
        if (config.ipv6() == null || available < Ipv6Header.FIXED_LENGTH
                || !node.isMine(Ipv6Address.read(array, ipStart + Ipv6Header.DESTINATION_OFFSET))) {
            return false;
        }
        AddressClass from = AddressClass.of(Ipv6Address.read(array, ipStart + Ipv6Header.SOURCE_OFFSET));
        if (!from.isUnicast()) {
            drops.martianSource(from);
            return true;
        }
        int length = Ipv6Header.FIXED_LENGTH + Bytes.u16(array, ipStart + Ipv6Header.PAYLOAD_LENGTH_OFFSET);
        // The quote is the packet, not the link padding after it (a jumbogram: what arrived).
        frame.resetBody(ipStart - frame.regionStart(), length > Ipv6Header.FIXED_LENGTH && length < available
                ? length : available);
        if (!errors.parameterProblem(frame, code, pointer, config.ipv6().address(), d.ethernet().source(),
                linkMulticast)) {
            drops.ignored();
        }
        return true;
    }

    private boolean udp(PacketBuffer frame, boolean linkMulticast) throws IOException {
        boolean v6 = d.has(Layer.IPV6);
        if (!isMine(v6)) {
            return false;
        }
        UdpLayout<?> datagram = d.udp().layout();
        if (datagram.destinationPort() == config.udpEchoPort()) {
            udp.sourcePort(datagram.destinationPort()).destinationPort(datagram.sourcePort());
            if (v6) {
                udp.addresses(config.ipv6().address(), d.ipv6().source());
            } else {
                udp.addresses(config.ipv4().address(), d.ipv4().source());
            }
            // The body is the datagram's data: it stays where it arrived.
            return send(ReplyKind.UDP_ECHO, frame, udp, IpProtocol.UDP, v6, false);
        }
        // Give the buffer back its whole datagram, to be quoted.
        d.udp().undoParse(frame);
        if (v6) {
            d.ipv6().undoParse(frame);
            return errors.portUnreachable(frame, config.ipv6().address(), d.ethernet().source(), linkMulticast);
        }
        d.ipv4().undoParse(frame);
        return errors.portUnreachable(frame, config.ipv4().address(), d.ethernet().source(), linkMulticast);
    }

    private boolean tcp(PacketBuffer frame, boolean linkMulticast) throws IOException {
        boolean v6 = d.has(Layer.IPV6);
        if (!isMine(v6) || linkMulticast) {
            return false;
        }
        int linkMss = config.mtu() - (v6 ? IPV6_TCP_HEADERS : IPV4_TCP_HEADERS);
        TcpEcho.Action action = tcpEcho.segment(d.tcp().layout(), d.ip().source(), frame.bodyLength(), linkMss, tcp);
        if (action == TcpEcho.Action.NONE) {
            return true;
        }
        if (action != TcpEcho.Action.ECHO) {
            frame.shrinkBackTo(0);   // no data in the answer: its headers go in front of an empty body
        }
        if (v6) {
            tcp.addresses(config.ipv6().address(), d.ipv6().source());
        } else {
            tcp.addresses(config.ipv4().address(), d.ipv4().source());
        }
        ReplyKind kind = action == TcpEcho.Action.RESET ? ReplyKind.TCP_RESET : ReplyKind.TCP_SEGMENT;
        return send(kind, frame, tcp, IpProtocol.TCP, v6, true);
    }

    private boolean isMine(boolean v6) {
        return v6 ? node.isMine(d.ipv6().destination()) : node.isMine(d.ipv4().destination());
    }

    /** Sends {@code transport} around the frame's body, in IP back to the frame's sender. */
    private boolean send(ReplyKind kind, PacketBuffer frame, PacketBuilder transport, IpProtocol protocol, boolean v6,
            boolean dontFragment) throws IOException {
        PacketBuilder ip;
        if (v6) {
            ip = ipv6Header.hopLimit(HOP_LIMIT).nextHeader(protocol).source(config.ipv6().address())
                    .destination(d.ipv6().source());
        } else {
            ip = ipv4Header.ttl(HOP_LIMIT).protocol(protocol).identification(sender.nextIpv4Identification())
                    .dontFragment(dontFragment).source(config.ipv4().address()).destination(d.ipv4().source());
        }
        Serializer reply = frame.encapsulate(transport).encapsulate(ip);
        return sender.send(kind, reply, v6 ? EtherType.IPV6 : EtherType.IPV4, d.ethernet().source(), frame);
    }

    /** What was sent, by kind, and how much of it in the receive buffer. */
    public ReplyCounters replies() {
        return replies;
    }

    /** Frames received. */
    public long frames() {
        return frames.get();
    }

    /** Frames that got no answer, and why. */
    public DropCounters drops() {
        return drops;
    }

    /**
     * Replies not sent because they would have exceeded the MTU (an echo of a request larger than
     * the MTU): the responder does not fragment what it sends.
     */
    public long repliesOverMtu() {
        return sender.oversized();
    }

    /** Replies that needed a new array: none while the receive buffer can hold them. */
    public long allocations() {
        return sender.allocations();
    }

    /** TCP connections open now. */
    public int tcpConnections() {
        return tcpEcho.connections();
    }

    /** What the TCP echo did with handshakes: SYN cookies, half-open connections that expired, bad flags. */
    public TcpCounters tcpCounters() {
        return tcpEcho.counters();
    }

    /** One line of counters, for the end of a run. */
    public String summary() {
        return "frames " + frames() + ", replies " + replies + "; dropped: " + drops + "; replies over the MTU "
                + repliesOverMtu() + "; new arrays " + allocations() + "; tcp: " + tcpEcho.counters();
    }
}
