package io.zerowire.tap.forward;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.tap.link.FrameSink;
import io.zerowire.tap.link.InterfaceAddress;
import io.zerowire.tap.reply.ReplyKind;
import io.zerowire.tap.device.FrameHandler;
import io.zerowire.tap.testing.CapturingSink;
import io.zerowire.protocols.testing.Frames;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.link.MacAddress;
import io.zerowire.protocols.arp.ArpBuilder;
import io.zerowire.protocols.arp.ArpOperation;
import io.zerowire.protocols.ethernet.EtherType;
import io.zerowire.protocols.framing.Framing;
import io.zerowire.protocols.icmp.IcmpMessageBuilder;
import io.zerowire.protocols.icmp.IcmpMessageKind;
import io.zerowire.protocols.icmpv6.Icmpv6HeaderBuilder;
import io.zerowire.protocols.icmpv6.Icmpv6Message;
import io.zerowire.protocols.icmpv6.Icmpv6Type;
import io.zerowire.protocols.icmpv6.ndp.NdpOptions;
import io.zerowire.protocols.icmpv6.ndp.NdpOptionsBuilder;
import io.zerowire.protocols.icmpv6.ndp.NeighborAdvertisementBuilder;
import io.zerowire.protocols.icmpv6.ndp.NeighborSolicitationBuilder;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ipv4.Ipv4;
import io.zerowire.protocols.ipv4.Ipv4Builder;
import io.zerowire.protocols.ipv4.Ipv4OptionsBuilder;
import io.zerowire.protocols.ipv6.Ipv6Packet;
import io.zerowire.protocols.stack.Dissector;
import io.zerowire.protocols.udp.UdpBuilder;
import io.zerowire.serialize.Serializer;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The forwarder frame by frame, without a kernel: frames built with the protocols' builders go in
 * on one port, and what comes out of either port is checked against frames built independently,
 * with every checksum verified. The kernel tests check the same behaviour against Linux.
 */
class ForwarderTest {
    private static final MacAddress MAC_A = MacAddress.parse("02:00:5e:10:01:fe");
    private static final MacAddress MAC_B = MacAddress.parse("02:00:5e:10:02:fe");
    private static final MacAddress HOST_A = MacAddress.parse("02:00:5e:10:01:01");
    private static final MacAddress HOST_B = MacAddress.parse("02:00:5e:10:02:01");
    private static final Ipv4Address HOST_A_V4 = Ipv4Address.parse("10.1.0.1");
    private static final Ipv4Address HOST_B_V4 = Ipv4Address.parse("10.2.0.1");
    private static final Ipv4Address ROUTER_A_V4 = Ipv4Address.parse("10.1.0.254");
    private static final Ipv4Address ROUTER_B_V4 = Ipv4Address.parse("10.2.0.254");
    private static final Ipv6Address HOST_A_V6 = Ipv6Address.parse("fd01::1");
    private static final Ipv6Address HOST_B_V6 = Ipv6Address.parse("fd02::1");
    private static final Ipv6Address ROUTER_A_V6 = Ipv6Address.parse("fd01::fe");
    private static final Ipv6Address ROUTER_B_V6 = Ipv6Address.parse("fd02::fe");

    private final CapturingSink a = new CapturingSink();
    private final CapturingSink b = new CapturingSink();
    private final Dissector d = new Dissector();
    private Forwarder forwarder;
    private FrameHandler fromA;
    private FrameHandler fromB;

    private static List<Forwarder.PortConfig> ports() {
        return List.of(
                new Forwarder.PortConfig(MAC_A, InterfaceAddress.parseIpv4("10.1.0.254/24"),
                        InterfaceAddress.parseIpv6("fd01::fe/64"), 1500),
                new Forwarder.PortConfig(MAC_B, InterfaceAddress.parseIpv4("10.2.0.254/24"),
                        InterfaceAddress.parseIpv6("fd02::fe/64"), 1400));
    }

    @BeforeEach
    void start() throws Exception {
        forwarder = new Forwarder(ports(), List.of(a, b));
        fromA = forwarder.receiver(0);
        fromB = forwarder.receiver(1);
        learnHostB(fromB);
        a.take();
        b.take();
    }

    /** Host B asks for the router's addresses: the router answers and learns host B's. */
    private static void learnHostB(FrameHandler fromB) throws Exception {
        fromB.onFrame(CapturingSink.received(arp(ArpOperation.REQUEST, HOST_B, HOST_B_V4, MacAddress.of(0), ROUTER_B_V4,
                MacAddress.BROADCAST)));
        Ipv6Address group = ROUTER_B_V6.toSolicitedNodeMulticast();
        fromB.onFrame(CapturingSink.received(Frames.ipv6(Serializer.of(new NdpOptionsBuilder().sourceLinkLayerAddress(HOST_B))
                .encapsulate(new NeighborSolicitationBuilder().target(ROUTER_B_V6))
                .encapsulate(new Icmpv6HeaderBuilder().type(Icmpv6Type.NEIGHBOR_SOLICITATION).addresses(HOST_B_V6, group)),
                IpProtocol.IPV6_ICMP, HOST_B_V6, group, 255, HOST_B, MacAddress.forIpv6Multicast(group))));
    }

    private static byte[] arp(ArpOperation operation, MacAddress sender, Ipv4Address senderIp, MacAddress target,
            Ipv4Address targetIp, MacAddress to) {
        return Frames.ethernet(Serializer.of(new byte[0]).encapsulate(new ArpBuilder().operation(operation)
                .senderHardwareAddress(sender).senderProtocolAddress(senderIp).targetHardwareAddress(target)
                .targetProtocolAddress(targetIp)), EtherType.ARP, sender, to);
    }

    private static byte[] udp4(Ipv4Address destination, int payload, int ttl, boolean dontFragment) {
        return Frames.ipv4(Serializer.of(Frames.payload(payload)).encapsulate(new UdpBuilder().sourcePort(40000)
                .destinationPort(5000).addresses(HOST_A_V4, destination)), IpProtocol.UDP, HOST_A_V4, destination, ttl,
                dontFragment, HOST_A, MAC_A);
    }

    private static byte[] udp6(Ipv6Address destination, int payload, int hopLimit) {
        return Frames.ipv6(Serializer.of(Frames.payload(payload)).encapsulate(new UdpBuilder().sourcePort(40000)
                .destinationPort(5000).addresses(HOST_A_V6, destination)), IpProtocol.UDP, HOST_A_V6, destination,
                hopLimit, HOST_A, MAC_A);
    }

    /** Hands {@code frame} to {@code handler} in a receive buffer; returns that buffer's array. */
    private static byte[] receive(FrameHandler handler, byte[] frame) throws Exception {
        PacketBuffer received = CapturingSink.received(frame);
        handler.onFrame(received);
        return received.array();
    }

    private Dissector dissect(CapturingSink.Sent sent) {
        d.dissect(Framing.ETHERNET, sent.buffer());
        assertThat(d.error()).isNull();
        for (int i = 0; i < d.layerCount(); i++) {
            assertThat(d.checksumBad(d.layer(i))).as("checksum of %s", d.layer(i)).isFalse();
        }
        return d;
    }

    @Test
    void anIpv4DatagramIsForwardedInItsReceiveArray() throws Exception {
        byte[] frame = udp4(HOST_B_V4, 200, 64, true);
        byte[] array = receive(fromA, frame);
        List<CapturingSink.Sent> sent = b.take();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).array()).isSameAs(array);
        assertThat(sent.get(0).offset()).isZero();
        // Independently: the same datagram built with TTL 63 in a frame from the router to host B.
        byte[] expected = Frames.ipv4(Serializer.of(Frames.payload(200)).encapsulate(new UdpBuilder().sourcePort(40000)
                .destinationPort(5000).addresses(HOST_A_V4, HOST_B_V4)), IpProtocol.UDP, HOST_A_V4, HOST_B_V4, 63, true,
                MAC_B, HOST_B);
        assertThat(sent.get(0).bytes()).isEqualTo(expected);
        assertThat(Ipv4.parse(skipEthernet(sent.get(0))).ttl()).as("parsed with its checksum verified").isEqualTo(63);
        assertThat(a.take()).isEmpty();
        assertThat(forwarder.forwardedInPlace()).isEqualTo(1);
    }

    private static PacketBuffer skipEthernet(CapturingSink.Sent sent) {
        return PacketBuffer.wrap(sent.bytes().clone()).shrinkFront(14);
    }

    @Test
    void anIpv6PacketIsForwardedWithOneHopLess() throws Exception {
        byte[] array = receive(fromA, udp6(HOST_B_V6, 300, 64));
        List<CapturingSink.Sent> sent = b.take();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).array()).isSameAs(array);
        byte[] expected = Frames.ipv6(Serializer.of(Frames.payload(300)).encapsulate(new UdpBuilder().sourcePort(40000)
                .destinationPort(5000).addresses(HOST_A_V6, HOST_B_V6)), IpProtocol.UDP, HOST_A_V6, HOST_B_V6, 63,
                MAC_B, HOST_B);
        assertThat(sent.get(0).bytes()).isEqualTo(expected);
        assertThat(Ipv6Packet.parse(skipEthernet(sent.get(0))).hopLimit()).isEqualTo(63);
    }

    @Test
    void forwardingAllocatesNothingInTheSteadyState() throws Exception {
        long[] sent = new long[2];
        List<FrameSink> sinks = List.of(frame -> sent[0]++, frame -> sent[1]++);
        Forwarder quiet = new Forwarder(ports(), sinks);
        FrameHandler in = quiet.receiver(0);
        learnHostB(quiet.receiver(1));
        sent[1] = 0;   // the router's answers to host B
        byte[][] frames = {udp4(HOST_B_V4, 1000, 64, true), udp6(HOST_B_V6, 1000, 64)};
        PacketBuffer received = CapturingSink.received(new byte[0]);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        // A frame that allocated would show in every pass (10,000 frames x at least 16 bytes). The
        // first passes may see a few hundred bytes that belong to the JIT compiling the path, not to
        // the path: it allocates nothing even interpreted (-Xint), where no allocation is optimized away.
        int rounds = 10_000;
        List<Long> passes = new java.util.ArrayList<>();
        for (int pass = 0; pass < 10 && (passes.isEmpty() || passes.get(passes.size() - 1) != 0); pass++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < rounds; i++) {
                byte[] frame = frames[i & 1];
                System.arraycopy(frame, 0, received.array(), 0, frame.length);
                in.onFrame(received.reset().resetBody(0, frame.length));
            }
            passes.add(threads.getCurrentThreadAllocatedBytes() - before);
        }
        assertThat(passes).as("bytes allocated by each pass of %d IPv4 and IPv6 frames", rounds).contains(0L);
        assertThat(sent[1]).isEqualTo((long) rounds * passes.size());
        assertThat(quiet.forwardedInPlace()).isEqualTo(sent[1]);
    }

    @Test
    void aFrameForAnUnresolvedNeighbourWaitsForItsArpReply() throws Exception {
        Ipv4Address unknown = Ipv4Address.parse("10.2.0.7");
        MacAddress unknownMac = MacAddress.parse("02:00:5e:10:02:07");
        byte[] array = receive(fromA, udp4(unknown, 100, 64, false));
        List<CapturingSink.Sent> request = b.take();
        assertThat(request).hasSize(1);
        assertThat(request.get(0).array()).as("the request is written in the receive buffer").isSameAs(array);
        Dissector arp = dissect(request.get(0));
        assertThat(arp.ethernet().destination()).isEqualTo(MacAddress.BROADCAST);
        assertThat(arp.arp().operation()).isEqualTo(ArpOperation.REQUEST);
        assertThat(arp.arp().targetProtocolAddress()).isEqualTo(unknown);
        assertThat(arp.arp().senderProtocolAddress()).isEqualTo(ROUTER_B_V4);
        assertThat(arp.arp().senderHardwareAddress()).isEqualTo(MAC_B);
        assertThat(forwarder.held()).isEqualTo(1);

        receive(fromB, arp(ArpOperation.REPLY, unknownMac, unknown, MAC_B, ROUTER_B_V4, MAC_B));
        List<CapturingSink.Sent> flushed = b.take();
        assertThat(flushed).hasSize(1);
        Dissector forwarded = dissect(flushed.get(0));
        assertThat(forwarded.ethernet().destination()).isEqualTo(unknownMac);
        assertThat(forwarded.ipv4().hopLimit()).isEqualTo(63);
        assertThat(forwarder.forwarded()).isEqualTo(1);
        assertThat(forwarder.forwardedInPlace()).as("a held frame goes out of its copy").isZero();
    }

    @Test
    void anIpv6PacketForAnUnresolvedNeighbourWaitsForItsAdvertisement() throws Exception {
        Ipv6Address unknown = Ipv6Address.parse("fd02::7");
        MacAddress unknownMac = MacAddress.parse("02:00:5e:10:02:07");
        receive(fromA, udp6(unknown, 100, 64));
        Dissector solicitation = dissect(b.take().get(0));
        assertThat(solicitation.icmpv6().message()).isEqualTo(Icmpv6Message.NEIGHBOR_SOLICITATION);
        assertThat(solicitation.icmpv6().neighborSolicitation().target()).isEqualTo(unknown);
        assertThat(solicitation.ipv6().destination()).isEqualTo(unknown.toSolicitedNodeMulticast());
        assertThat(solicitation.ethernet().destination()).isEqualTo(MacAddress.forIpv6Multicast(
                unknown.toSolicitedNodeMulticast()));
        assertThat(solicitation.icmpv6().ndpOptions().find(NdpOptions.SOURCE_LINK_LAYER_ADDRESS)).isTrue();

        receive(fromB, Frames.ipv6(Serializer.of(new NdpOptionsBuilder().targetLinkLayerAddress(unknownMac))
                .encapsulate(new NeighborAdvertisementBuilder().solicited(true).override(true).target(unknown))
                .encapsulate(new Icmpv6HeaderBuilder().type(Icmpv6Type.NEIGHBOR_ADVERTISEMENT).addresses(unknown,
                        ROUTER_B_V6)), IpProtocol.IPV6_ICMP, unknown, ROUTER_B_V6, 255, unknownMac, MAC_B));
        List<CapturingSink.Sent> flushed = b.take();
        assertThat(flushed).hasSize(1);
        assertThat(dissect(flushed.get(0)).ethernet().destination()).isEqualTo(unknownMac);
        assertThat(d.ipv6().hopLimit()).isEqualTo(63);
    }

    @Test
    void anExpiringTtlOrHopLimitIsAnsweredWithTimeExceeded() throws Exception {
        byte[] frame = udp4(HOST_B_V4, 100, 1, false);
        byte[] array = receive(fromA, frame);
        List<CapturingSink.Sent> sent = a.take();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).array()).isSameAs(array);
        Dissector error = dissect(sent.get(0));
        assertThat(error.icmp().kind()).isEqualTo(IcmpMessageKind.TIME_EXCEEDED);
        assertThat(error.ipv4().source()).isEqualTo(ROUTER_A_V4);
        assertThat(error.ipv4().destination()).isEqualTo(HOST_A_V4);
        assertThat(error.ethernet().destination()).isEqualTo(HOST_A);
        assertThat(error.buffer().toByteArray()).isEqualTo(Arrays.copyOfRange(frame, 14, frame.length));
        assertThat(b.take()).isEmpty();

        byte[] frame6 = udp6(HOST_B_V6, 100, 1);
        Dissector error6 = dissect(takeOne(a, fromA, frame6));
        assertThat(error6.icmpv6().message()).isEqualTo(Icmpv6Message.TIME_EXCEEDED);
        assertThat(error6.ipv6().source()).isEqualTo(ROUTER_A_V6);
        assertThat(error6.buffer().toByteArray()).isEqualTo(Arrays.copyOfRange(frame6, 14, frame6.length));
    }

    private CapturingSink.Sent takeOne(CapturingSink sink, FrameHandler handler, byte[] frame) throws Exception {
        receive(handler, frame);
        List<CapturingSink.Sent> sent = sink.take();
        assertThat(sent).hasSize(1);
        return sent.get(0);
    }

    @Test
    void aDatagramOverTheMtuWithDfGetsFragmentationNeededAndIpv6PacketTooBig() throws Exception {
        Dissector error = dissect(takeOne(a, fromA, udp4(HOST_B_V4, 1452, 64, true)));
        assertThat(error.icmp().kind()).isEqualTo(IcmpMessageKind.DESTINATION_UNREACHABLE);
        assertThat(error.icmp().code()).isEqualTo(4);
        assertThat(error.icmp().destinationUnreachable().nextHopMtu()).isEqualTo(1400);
        assertThat(error.ipv4().header().totalLength()).isEqualTo(576);

        Dissector error6 = dissect(takeOne(a, fromA, udp6(HOST_B_V6, 1452, 64)));
        assertThat(error6.icmpv6().message()).isEqualTo(Icmpv6Message.PACKET_TOO_BIG);
        assertThat(error6.icmpv6().packetTooBig().mtu()).isEqualTo(1400);
        assertThat(40 + error6.ipv6().payloadLength()).isEqualTo(1280);
        assertThat(b.take()).isEmpty();
    }

    @Test
    void aDatagramOverTheMtuWithoutDfIsFragmentedInPlace() throws Exception {
        // Record Route is not copied into later fragments (its copy flag is clear); Stream ID is.
        byte[] payload = Frames.payload(3000);
        byte[] frame = Frames.ethernet(Serializer.of(payload).encapsulate(new Ipv4Builder().ttl(64)
                .protocol(IpProtocol.UDP).identification(0x4242).source(HOST_A_V4).destination(HOST_B_V4)
                .options(new Ipv4OptionsBuilder().recordRoute(2).streamId(7).optionsBuilder())), EtherType.IPV4,
                HOST_A, MAC_A);
        byte[] array = receive(fromA, frame);
        List<CapturingSink.Sent> fragments = b.take();
        assertThat(fragments).hasSize(3);
        ByteArrayOutputStream reassembled = new ByteArrayOutputStream();
        for (int i = 0; i < fragments.size(); i++) {
            CapturingSink.Sent sent = fragments.get(i);
            assertThat(sent.array()).as("fragment %d written in the receive buffer", i).isSameAs(array);
            Dissector piece = dissect(sent);
            Ipv4 header = piece.ipv4().header();
            assertThat(header.totalLength()).isLessThanOrEqualTo(1400);
            assertThat(header.ttl()).isEqualTo(63);
            assertThat(header.identification()).isEqualTo(0x4242);
            assertThat(header.moreFragments()).isEqualTo(i < 2);
            assertThat(header.fragmentOffset() * 8).isEqualTo(reassembled.size());
            assertThat(header.headerLength()).isEqualTo(i == 0 ? 36 : 24);
            assertThat(piece.ethernet().destination()).isEqualTo(HOST_B);
            reassembled.write(sent.bytes(), 14 + header.headerLength(), header.totalLength() - header.headerLength());
        }
        assertThat(reassembled.toByteArray()).isEqualTo(payload);
        assertThat(forwarder.fragments()).isEqualTo(3);
        assertThat(forwarder.forwardedInPlace()).isEqualTo(1);
    }

    @Test
    void aDestinationOnNoLinkIsUnreachable() throws Exception {
        Dissector error = dissect(takeOne(a, fromA, udp4(Ipv4Address.parse("10.3.0.1"), 10, 64, false)));
        assertThat(error.icmp().kind()).isEqualTo(IcmpMessageKind.DESTINATION_UNREACHABLE);
        assertThat(error.icmp().code()).isZero();
        Dissector error6 = dissect(takeOne(a, fromA, udp6(Ipv6Address.parse("fd03::1"), 10, 64)));
        assertThat(error6.icmpv6().message()).isEqualTo(Icmpv6Message.DESTINATION_UNREACHABLE);
        assertThat(error6.icmpv6().code()).isZero();
        assertThat(forwarder.replies().count(ReplyKind.ICMP_NET_UNREACHABLE)).isEqualTo(1);
        assertThat(forwarder.replies().count(ReplyKind.ICMPV6_NO_ROUTE)).isEqualTo(1);
    }

    @Test
    void aBadHeaderChecksumIsDroppedAndAnEchoToTheRouterIsAnswered() throws Exception {
        byte[] frame = udp4(HOST_B_V4, 10, 64, false);
        frame[14 + Ipv4.HEADER_CHECKSUM_OFFSET] ^= 0x10;
        receive(fromA, frame);
        assertThat(a.take()).isEmpty();
        assertThat(b.take()).isEmpty();
        assertThat(forwarder.drops().badChecksums()).isEqualTo(1);

        Dissector reply = dissect(takeOne(a, fromA, Frames.ipv4(Serializer.of(Frames.payload(16))
                .encapsulate(IcmpMessageBuilder.echoRequest(1, 2)), IpProtocol.ICMP, HOST_A_V4, ROUTER_A_V4, 64, false,
                HOST_A, MAC_A)));
        assertThat(reply.icmp().kind()).isEqualTo(IcmpMessageKind.ECHO_REPLY);
        assertThat(reply.ipv4().source()).isEqualTo(ROUTER_A_V4);
    }

    @Test
    void linkLocalMulticastAndDirectedBroadcastTrafficIsNotForwarded() throws Exception {
        receive(fromA, udp4(Ipv4Address.parse("224.0.0.251"), 10, 64, false));
        receive(fromA, udp4(Ipv4Address.parse("10.2.0.255"), 10, 64, false));
        receive(fromA, Frames.ipv6(Serializer.of(Frames.payload(10)).encapsulate(new UdpBuilder().sourcePort(1)
                .destinationPort(2).addresses(Ipv6Address.parse("fe80::1"), HOST_B_V6)), IpProtocol.UDP,
                Ipv6Address.parse("fe80::1"), HOST_B_V6, 64, HOST_A, MAC_A));
        assertThat(a.take()).isEmpty();
        assertThat(b.take()).isEmpty();
        assertThat(forwarder.drops().ignoredFrames()).isEqualTo(3);
    }
}
