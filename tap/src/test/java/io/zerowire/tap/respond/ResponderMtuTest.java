package io.zerowire.tap.respond;

import static io.zerowire.tap.respond.TestLink.PEER;
import static io.zerowire.tap.respond.TestLink.PEER_V4;
import static io.zerowire.tap.respond.TestLink.PEER_V6;
import static io.zerowire.tap.respond.TestLink.US;
import static io.zerowire.tap.respond.TestLink.US_V4;
import static io.zerowire.tap.respond.TestLink.US_V6;
import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.tap.testing.CapturingSink;
import io.zerowire.protocols.testing.Frames;
import io.zerowire.protocols.icmp.IcmpMessageBuilder;
import io.zerowire.protocols.icmpv6.EchoBuilder;
import io.zerowire.protocols.icmpv6.Icmpv6HeaderBuilder;
import io.zerowire.protocols.icmpv6.Icmpv6Type;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.udp.UdpBuilder;
import io.zerowire.serialize.Serializer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The responder's replies fit its MTU: it does not fragment what it sends, so an echo of a request
 * larger than the MTU (a jumbo frame from a kernel whose end of the link is configured larger) is not
 * sent, and is counted; a request of exactly the MTU is answered.
 */
class ResponderMtuTest {
    private static final int MTU = 1500;

    private final CapturingSink sink = new CapturingSink();
    private final Responder responder = TestLink.responder(sink, MTU);

    private List<CapturingSink.Sent> answer(byte[] frame) throws Exception {
        responder.onFrame(CapturingSink.received(frame));
        return sink.take();
    }

    private static byte[] echo4(int datagram) {
        return Frames.ipv4(Serializer.of(Frames.payload(datagram - 28)).encapsulate(IcmpMessageBuilder.echoRequest(1, 1)),
                IpProtocol.ICMP, PEER_V4, US_V4, 64, false, PEER, US);
    }

    private static byte[] echo6(int datagram) {
        return Frames.ipv6(Serializer.of(Frames.payload(datagram - 48)).encapsulate(new EchoBuilder().identifier(1)
                .sequenceNumber(1)).encapsulate(new Icmpv6HeaderBuilder().type(Icmpv6Type.ECHO_REQUEST)
                .addresses(PEER_V6, US_V6)), IpProtocol.IPV6_ICMP, PEER_V6, US_V6, 64, PEER, US);
    }

    private static byte[] udp4(int datagram) {
        return Frames.ipv4(Serializer.of(Frames.payload(datagram - 28)).encapsulate(new UdpBuilder().sourcePort(40000)
                .destinationPort(7).addresses(PEER_V4, US_V4)), IpProtocol.UDP, PEER_V4, US_V4, 64, false, PEER, US);
    }

    @Test
    void aReplyOfTheMtuIsSentAndOneByteMoreIsNot() throws Exception {
        assertThat(answer(echo4(MTU))).singleElement().satisfies(s -> assertThat(s.bytes()).hasSize(14 + MTU));
        assertThat(answer(echo6(MTU))).singleElement().satisfies(s -> assertThat(s.bytes()).hasSize(14 + MTU));
        assertThat(answer(udp4(MTU))).singleElement().satisfies(s -> assertThat(s.bytes()).hasSize(14 + MTU));
        assertThat(responder.repliesOverMtu()).isZero();

        assertThat(answer(echo4(MTU + 1))).isEmpty();
        assertThat(answer(echo6(MTU + 1))).isEmpty();
        assertThat(answer(udp4(MTU + 1))).isEmpty();
        assertThat(answer(echo4(9000))).as("a jumbo frame's echo").isEmpty();
        assertThat(responder.repliesOverMtu()).isEqualTo(4);
        assertThat(responder.summary()).contains("replies over the MTU 4");
    }
}
