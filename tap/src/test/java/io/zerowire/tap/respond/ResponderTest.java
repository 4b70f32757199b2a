package io.zerowire.tap.respond;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.tap.link.InterfaceAddress;
import io.zerowire.tap.reply.ReplyKind;
import io.zerowire.tap.testing.CapturingSink;
import io.zerowire.protocols.testing.Frames;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.link.MacAddress;
import io.zerowire.options.OptionsIterator;
import io.zerowire.protocols.arp.ArpBuilder;
import io.zerowire.protocols.arp.ArpOperation;
import io.zerowire.protocols.ethernet.EtherType;
import io.zerowire.protocols.framing.Framing;
import io.zerowire.protocols.icmp.IcmpMessageBuilder;
import io.zerowire.protocols.icmp.IcmpMessageKind;
import io.zerowire.protocols.icmpv6.EchoBuilder;
import io.zerowire.protocols.icmpv6.Icmpv6HeaderBuilder;
import io.zerowire.protocols.icmpv6.Icmpv6Message;
import io.zerowire.protocols.icmpv6.Icmpv6Type;
import io.zerowire.protocols.icmpv6.ndp.LinkLayerAddressOption;
import io.zerowire.protocols.icmpv6.ndp.NdpOptions;
import io.zerowire.protocols.icmpv6.ndp.NdpOptionsBuilder;
import io.zerowire.protocols.icmpv6.ndp.NeighborSolicitationBuilder;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.stack.Dissector;
import io.zerowire.protocols.stack.Layer;
import io.zerowire.protocols.tcp.TcpBuilder;
import io.zerowire.protocols.tcp.TcpLayout;
import io.zerowire.protocols.tcp.TcpOptions;
import io.zerowire.protocols.tcp.TcpOptionsBuilder;
import io.zerowire.protocols.udp.UdpBuilder;
import io.zerowire.serialize.Serializer;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The responder's answers, frame by frame, without a kernel: each request is built with the
 * protocols' builders, handed over in a receive buffer as the receive loop does, and the answer is
 * parsed back with every checksum verified. The kernel tests check the same answers against Linux.
 */
class ResponderTest {
    private static final MacAddress US = MacAddress.parse("02:00:5e:10:00:02");
    private static final MacAddress PEER = MacAddress.parse("02:00:5e:10:00:01");
    private static final Ipv4Address US_V4 = Ipv4Address.parse("10.0.0.2");
    private static final Ipv4Address PEER_V4 = Ipv4Address.parse("10.0.0.1");
    private static final Ipv6Address US_V6 = Ipv6Address.parse("fd00::2");
    private static final Ipv6Address PEER_V6 = Ipv6Address.parse("fd00::1");

    private final CapturingSink sink = new CapturingSink();
    private final Responder responder = new Responder(new Responder.Config(US, InterfaceAddress.parseIpv4("10.0.0.2/24"),
            InterfaceAddress.parseIpv6("fd00::2/64"), 1500, 7, 7), sink);
    private final Dissector d = new Dissector();

    /** Hands {@code frame} to the responder; returns what it sent, each checked to come out of the receive array. */
    private List<CapturingSink.Sent> answer(byte[] frame) throws Exception {
        PacketBuffer received = CapturingSink.received(frame);
        responder.onFrame(received);
        List<CapturingSink.Sent> sent = sink.take();
        for (CapturingSink.Sent s : sent) {
            assertThat(s.array()).as("the answer went out of the receive array").isSameAs(received.array());
        }
        return sent;
    }

    private CapturingSink.Sent lastAnswer;

    /** The one answer to {@code frame}, dissected, every checksum verified. */
    private Dissector onlyAnswer(byte[] frame) throws Exception {
        List<CapturingSink.Sent> sent = answer(frame);
        assertThat(sent).hasSize(1);
        lastAnswer = sent.get(0);
        d.dissect(Framing.ETHERNET, sent.get(0).buffer());
        assertThat(d.error()).isNull();
        for (int i = 0; i < d.layerCount(); i++) {
            assertThat(d.checksumBad(d.layer(i))).as("checksum of %s", d.layer(i)).isFalse();
        }
        assertThat(d.ethernet().source()).isEqualTo(US);
        return d;
    }

    @Test
    void anArpRequestForOurAddressIsAnswered() throws Exception {
        byte[] request = Frames.ethernet(Serializer.of(new byte[0]).encapsulate(new ArpBuilder()
                .operation(ArpOperation.REQUEST).senderHardwareAddress(PEER).senderProtocolAddress(PEER_V4)
                .targetHardwareAddress(MacAddress.of(0)).targetProtocolAddress(US_V4)), EtherType.ARP, PEER,
                MacAddress.BROADCAST);
        Dissector reply = onlyAnswer(request);
        assertThat(reply.ethernet().destination()).isEqualTo(PEER);
        assertThat(reply.arp().operation()).isEqualTo(ArpOperation.REPLY);
        assertThat(reply.arp().senderHardwareAddress()).isEqualTo(US);
        assertThat(reply.arp().senderProtocolAddress()).isEqualTo(US_V4);
        assertThat(reply.arp().targetHardwareAddress()).isEqualTo(PEER);
        assertThat(reply.arp().targetProtocolAddress()).isEqualTo(PEER_V4);

        byte[] other = request.clone();
        Ipv4Address.parse("10.0.0.3").write(other, 14 + 24);
        assertThat(answer(other)).as("a request for another address").isEmpty();
    }

    @Test
    void aNeighborSolicitationGetsAnAdvertisementWithOurLinkLayerAddress() throws Exception {
        Ipv6Address group = US_V6.toSolicitedNodeMulticast();
        Serializer solicitation = Serializer.of(new NdpOptionsBuilder().sourceLinkLayerAddress(PEER))
                .encapsulate(new NeighborSolicitationBuilder().target(US_V6))
                .encapsulate(new Icmpv6HeaderBuilder().type(Icmpv6Type.NEIGHBOR_SOLICITATION).addresses(PEER_V6, group));
        Dissector reply = onlyAnswer(Frames.ipv6(solicitation, IpProtocol.IPV6_ICMP, PEER_V6, group, 255, PEER,
                MacAddress.forIpv6Multicast(group)));
        assertThat(reply.ethernet().destination()).isEqualTo(PEER);
        assertThat(reply.ipv6().destination()).isEqualTo(PEER_V6);
        assertThat(reply.ipv6().hopLimit()).isEqualTo(255);
        assertThat(reply.icmpv6().message()).isEqualTo(Icmpv6Message.NEIGHBOR_ADVERTISEMENT);
        assertThat(reply.icmpv6().neighborAdvertisement().target()).isEqualTo(US_V6);
        assertThat(reply.icmpv6().neighborAdvertisement().solicited()).isTrue();
        assertThat(reply.icmpv6().neighborAdvertisement().override()).isTrue();
        assertThat(reply.icmpv6().neighborAdvertisement().router()).isFalse();
        NdpOptions options = reply.icmpv6().ndpOptions();
        assertThat(options.find(NdpOptions.TARGET_LINK_LAYER_ADDRESS)).isTrue();
        LinkLayerAddressOption target = options.linkLayerAddress();
        assertThat(target.address()).isEqualTo(US);

        // RFC 4861 section 7.1.1: a solicitation that may have crossed a router is discarded.
        assertThat(answer(Frames.ipv6(solicitation, IpProtocol.IPV6_ICMP, PEER_V6, group, 64, PEER,
                MacAddress.forIpv6Multicast(group)))).isEmpty();
    }

    @Test
    void anEchoReplyKeepsTheRequestsDataWhereItArrived() throws Exception {
        byte[] data = Frames.payload(300);
        byte[] request = Frames.ipv4(Serializer.of(data).encapsulate(IcmpMessageBuilder.echoRequest(0x1234, 9)),
                IpProtocol.ICMP, PEER_V4, US_V4, 64, false, PEER, US);
        Dissector reply = onlyAnswer(request);
        CapturingSink.Sent sent = lastAnswer;
        assertThat(reply.icmp().kind()).isEqualTo(IcmpMessageKind.ECHO_REPLY);
        assertThat(reply.icmp().echo().identifier()).isEqualTo(0x1234);
        assertThat(reply.icmp().echo().sequence()).isEqualTo(9);
        assertThat(reply.ipv4().destination()).isEqualTo(PEER_V4);
        assertThat(reply.buffer().toByteArray()).isEqualTo(data);
        // Same header lengths: the reply starts where the request did, its data never moved.
        assertThat(sent.offset()).isZero();
        assertThat(sent.bytes()).hasSize(request.length);
    }

    @Test
    void anIcmpv6EchoIsAnswered() throws Exception {
        byte[] data = Frames.payload(56);
        Serializer echo = Serializer.of(data).encapsulate(new EchoBuilder().identifier(77).sequenceNumber(3))
                .encapsulate(new Icmpv6HeaderBuilder().type(Icmpv6Type.ECHO_REQUEST).addresses(PEER_V6, US_V6));
        Dissector reply = onlyAnswer(Frames.ipv6(echo, IpProtocol.IPV6_ICMP, PEER_V6, US_V6, 64, PEER, US));
        assertThat(reply.icmpv6().message()).isEqualTo(Icmpv6Message.ECHO_REPLY);
        assertThat(reply.icmpv6().echo().identifier()).isEqualTo(77);
        assertThat(reply.icmpv6().echo().sequenceNumber()).isEqualTo(3);
        assertThat(reply.buffer().toByteArray()).isEqualTo(data);
    }

    @Test
    void udpToPort7IsEchoedOverBothVersions() throws Exception {
        byte[] data = Frames.payload(33);
        Dissector reply = onlyAnswer(Frames.ipv4(Serializer.of(data).encapsulate(new UdpBuilder().sourcePort(40000)
                .destinationPort(7).addresses(PEER_V4, US_V4)), IpProtocol.UDP, PEER_V4, US_V4, 64, false, PEER, US));
        assertThat(reply.udp().layout().sourcePort()).isEqualTo(7);
        assertThat(reply.udp().layout().destinationPort()).isEqualTo(40000);
        assertThat(reply.buffer().toByteArray()).isEqualTo(data);

        reply = onlyAnswer(Frames.ipv6(Serializer.of(data).encapsulate(new UdpBuilder().sourcePort(40001)
                .destinationPort(7).addresses(PEER_V6, US_V6)), IpProtocol.UDP, PEER_V6, US_V6, 64, PEER, US));
        assertThat(reply.udp().layout().destinationPort()).isEqualTo(40001);
        assertThat(reply.buffer().toByteArray()).isEqualTo(data);
        assertThat(responder.replies().count(ReplyKind.UDP_ECHO)).isEqualTo(2);
    }

    @Test
    void udpToAnotherPortGetsAPortUnreachableQuotingAsMuchAsFits() throws Exception {
        byte[] request = Frames.ipv4(Serializer.of(Frames.payload(1472)).encapsulate(new UdpBuilder().sourcePort(40000)
                .destinationPort(9).addresses(PEER_V4, US_V4)), IpProtocol.UDP, PEER_V4, US_V4, 64, false, PEER, US);
        Dissector reply = onlyAnswer(request);
        assertThat(reply.icmp().kind()).isEqualTo(IcmpMessageKind.DESTINATION_UNREACHABLE);
        assertThat(reply.icmp().code()).isEqualTo(3);
        assertThat(reply.ipv4().header().totalLength()).isEqualTo(576);
        assertThat(reply.buffer().toByteArray()).as("the quote: the datagram as received, cut at 548 bytes")
                .isEqualTo(Arrays.copyOfRange(request, 14, 14 + 548));

        byte[] request6 = Frames.ipv6(Serializer.of(Frames.payload(1452)).encapsulate(new UdpBuilder().sourcePort(40000)
                .destinationPort(9).addresses(PEER_V6, US_V6)), IpProtocol.UDP, PEER_V6, US_V6, 64, PEER, US);
        reply = onlyAnswer(request6);
        assertThat(reply.icmpv6().message()).isEqualTo(Icmpv6Message.DESTINATION_UNREACHABLE);
        assertThat(reply.icmpv6().code()).isEqualTo(4);
        assertThat(40 + reply.ipv6().payloadLength()).isEqualTo(1280);
        assertThat(reply.buffer().toByteArray()).isEqualTo(Arrays.copyOfRange(request6, 14, 14 + 1280 - 48));
    }

    @Test
    void aBadChecksumIsDroppedAndCounted() throws Exception {
        byte[] request = Frames.ipv4(Serializer.of(Frames.payload(8)).encapsulate(new UdpBuilder().sourcePort(40000)
                .destinationPort(7).addresses(PEER_V4, US_V4)), IpProtocol.UDP, PEER_V4, US_V4, 64, false, PEER, US);
        request[14 + 20 + 6] ^= 0x01;
        assertThat(answer(request)).isEmpty();
        assertThat(responder.drops().badChecksums()).isEqualTo(1);
    }

    @Test
    void aFrameForAnotherMacIsIgnored() throws Exception {
        byte[] request = Frames.ipv4(Serializer.of(Frames.payload(8)).encapsulate(IcmpMessageBuilder.echoRequest(1, 1)),
                IpProtocol.ICMP, PEER_V4, US_V4, 64, false, PEER, MacAddress.parse("02:00:5e:10:00:09"));
        assertThat(answer(request)).isEmpty();
        assertThat(responder.drops().ignoredFrames()).isEqualTo(1);
    }

    // --- TCP -------------------------------------------------------------------------------------

    private static final int CLIENT_PORT = 50000;
    private static final long CLIENT_ISS = 0xFFFF_FF00L;   // wraps during the test

    private byte[] segment(long seq, long ack, boolean syn, boolean ackFlag, boolean fin, byte[] data,
            TcpOptionsBuilder options, int port) {
        TcpBuilder tcp = new TcpBuilder().sourcePort(CLIENT_PORT).destinationPort(port).sequenceNumber(seq)
                .acknowledgmentNumber(ack).syn(syn).ack(ackFlag).fin(fin).psh(data.length > 0)
                .window(syn ? 64240 : 502)   // a SYN's window is never scaled; later ones are, by 2^7 here
                .options(options).addresses(PEER_V4, US_V4);
        return Frames.ipv4(Serializer.of(data).encapsulate(tcp), IpProtocol.TCP, PEER_V4, US_V4, 64, true, PEER, US);
    }

    private static TcpOptionsBuilder linuxSyn(int mss, long tsval) {
        return new TcpOptionsBuilder().mss(mss).sackPermitted().timestamps(tsval, 0).nop().windowScale(7);
    }

    private static TcpOptionsBuilder timestamps(long tsval, long tsecr) {
        return new TcpOptionsBuilder().nop().nop().timestamps(tsval, tsecr);
    }

    @Test
    void aSynGetsASynAckAnsweringEveryOption() throws Exception {
        Dissector reply = onlyAnswer(segment(CLIENT_ISS, 0, true, false, false, new byte[0], linuxSyn(1460, 1000), 7));
        TcpLayout<?> synAck = reply.tcp().layout();
        assertThat(synAck.syn()).isTrue();
        assertThat(synAck.ack()).isTrue();
        assertThat(synAck.acknowledgmentNumber()).isEqualTo((CLIENT_ISS + 1) & 0xFFFF_FFFFL);
        assertThat(reply.ipv4().header().dontFragment()).isTrue();
        OptionsIterator options = synAck.options();
        assertThat(options.find(TcpOptions.MSS)).isTrue();
        assertThat(TcpOptions.mss(options)).isEqualTo(1460);
        assertThat(options.find(TcpOptions.WINDOW_SCALE)).isTrue();
        assertThat(TcpOptions.windowScale(options)).isEqualTo(TcpEcho.WINDOW_SHIFT);
        assertThat(options.find(TcpOptions.SACK_PERMITTED)).isTrue();
        assertThat(options.find(TcpOptions.TIMESTAMPS)).isTrue();
        assertThat(TcpOptions.timestampEchoReply(options)).isEqualTo(1000);

        // A smaller MSS is kept; without the other options, none is answered.
        Dissector plain = onlyAnswer(segment(7, 0, true, false, false, new byte[0], new TcpOptionsBuilder().mss(536), 7));
        OptionsIterator only = plain.tcp().layout().options();
        assertThat(only.find(TcpOptions.MSS)).isTrue();
        assertThat(TcpOptions.mss(only)).isEqualTo(536);
        for (int kind : new int[] {TcpOptions.WINDOW_SCALE, TcpOptions.SACK_PERMITTED, TcpOptions.TIMESTAMPS}) {
            only.rewind();
            assertThat(only.find(kind)).as("option %d", kind).isFalse();
        }
    }

    @Test
    void dataIsEchoedWithMirroredSequenceNumbersAndTheConnectionCloses() throws Exception {
        TcpLayout<?> synAck = onlyAnswer(segment(CLIENT_ISS, 0, true, false, false, new byte[0],
                linuxSyn(1460, 1000), 7)).tcp().layout();
        long iss = synAck.sequenceNumber();
        long seq = (CLIENT_ISS + 1) & 0xFFFF_FFFFL;
        long ack = (iss + 1) & 0xFFFF_FFFFL;
        assertThat(answer(segment(seq, ack, false, true, false, new byte[0], timestamps(1001, 5), 7)))
                .as("the handshake's last ACK").isEmpty();

        byte[] first = Frames.payload(1000);
        Dissector echo = onlyAnswer(segment(seq, ack, false, true, false, first, timestamps(1002, 5), 7));
        assertThat(echo.tcp().layout().sequenceNumber()).isEqualTo(ack);
        assertThat(echo.tcp().layout().acknowledgmentNumber()).isEqualTo((seq + 1000) & 0xFFFF_FFFFL);
        assertThat(echo.tcp().layout().psh()).isTrue();
        assertThat(echo.buffer().toByteArray()).isEqualTo(first);
        OptionsIterator options = echo.tcp().layout().options();
        assertThat(options.find(TcpOptions.TIMESTAMPS)).isTrue();
        assertThat(TcpOptions.timestampEchoReply(options)).isEqualTo(1002);

        // The same segment again (its echo was lost): the same echo again.
        Dissector again = onlyAnswer(segment(seq, ack, false, true, false, first, timestamps(1003, 5), 7));
        assertThat(again.tcp().layout().sequenceNumber()).isEqualTo(ack);
        assertThat(again.buffer().toByteArray()).isEqualTo(first);

        // A segment past a gap: a duplicate ACK, nothing echoed.
        long next = (seq + 1000) & 0xFFFF_FFFFL;
        Dissector dupAck = onlyAnswer(segment((next + 500) & 0xFFFF_FFFFL, ack, false, true, false, Frames.payload(10),
                timestamps(1004, 5), 7));
        assertThat(dupAck.tcp().layout().acknowledgmentNumber()).isEqualTo(next);
        assertThat(dupAck.buffer().bodyLength()).isZero();

        // Data with FIN: echoed with our FIN, acknowledging both.
        byte[] last = Frames.payload(10);
        Dissector finAck = onlyAnswer(segment(next, (ack + 1000) & 0xFFFF_FFFFL, false, true, true, last,
                timestamps(1005, 5), 7));
        assertThat(finAck.tcp().layout().fin()).isTrue();
        assertThat(finAck.tcp().layout().sequenceNumber()).isEqualTo((ack + 1000) & 0xFFFF_FFFFL);
        assertThat(finAck.tcp().layout().acknowledgmentNumber()).isEqualTo((next + 11) & 0xFFFF_FFFFL);
        assertThat(finAck.buffer().toByteArray()).isEqualTo(last);
        assertThat(responder.tcpConnections()).isEqualTo(1);

        assertThat(answer(segment((next + 11) & 0xFFFF_FFFFL, (ack + 1011) & 0xFFFF_FFFFL, false, true, false,
                new byte[0], timestamps(1006, 5), 7))).as("the ACK of our FIN").isEmpty();
        assertThat(responder.tcpConnections()).isZero();
    }

    @Test
    void segmentsForNoConnectionAreReset() throws Exception {
        Dissector synReset = onlyAnswer(segment(1000, 0, true, false, false, new byte[0], linuxSyn(1460, 1), 8));
        assertThat(synReset.tcp().layout().rst()).isTrue();
        assertThat(synReset.tcp().layout().ack()).isTrue();
        assertThat(synReset.tcp().layout().sequenceNumber()).isZero();
        assertThat(synReset.tcp().layout().acknowledgmentNumber()).isEqualTo(1001);

        Dissector ackReset = onlyAnswer(segment(1000, 777, false, true, false, Frames.payload(5), null, 7));
        assertThat(ackReset.tcp().layout().rst()).isTrue();
        assertThat(ackReset.tcp().layout().ack()).isFalse();
        assertThat(ackReset.tcp().layout().sequenceNumber()).isEqualTo(777);

        TcpBuilder rst = new TcpBuilder().sourcePort(CLIENT_PORT).destinationPort(7).sequenceNumber(1000).rst(true)
                .addresses(PEER_V4, US_V4);
        assertThat(answer(Frames.ipv4(Serializer.of(new byte[0]).encapsulate(rst), IpProtocol.TCP, PEER_V4, US_V4, 64,
                true, PEER, US))).as("a reset is never answered").isEmpty();
        assertThat(responder.replies().count(ReplyKind.TCP_RESET)).isEqualTo(2);
    }

    @Test
    void everyAnswerWentOutOfItsReceiveBufferWithoutAFrameSizedAllocation() throws Exception {
        long[] sent = new long[1];
        Responder measured = new Responder(responder.config(), frame -> sent[0]++);   // a sink that allocates nothing
        byte[] request = Frames.ipv4(Serializer.of(Frames.payload(1000)).encapsulate(IcmpMessageBuilder.echoRequest(5, 1)),
                IpProtocol.ICMP, PEER_V4, US_V4, 64, false, PEER, US);
        PacketBuffer received = CapturingSink.received(request);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 2_000; i++) {   // warm up
            System.arraycopy(request, 0, received.array(), 0, request.length);
            measured.onFrame(received.reset().resetBody(0, request.length));
        }
        int rounds = 1_000;
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < rounds; i++) {
            System.arraycopy(request, 0, received.array(), 0, request.length);
            measured.onFrame(received.reset().resetBody(0, request.length));
        }
        long perReply = (threads.getCurrentThreadAllocatedBytes() - before) / rounds;
        assertThat(sent[0]).isEqualTo(2_000 + rounds);
        // Small objects only (address values, nested serializers); never the 1,042-byte frame again.
        assertThat(perReply).as("bytes allocated per echo reply").isLessThan(1_000);
        assertThat(measured.replies().totalInReceiveBuffer()).isEqualTo(measured.replies().total());
        assertThat(measured.allocations()).isZero();
        System.out.println("responder: " + perReply + " bytes allocated per ICMP echo reply of 1,042 bytes");
    }
}
