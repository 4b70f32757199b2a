package io.zerowire.tap.respond;

import static io.zerowire.tap.respond.TestLink.PEER;
import static io.zerowire.tap.respond.TestLink.PEER_V6;
import static io.zerowire.tap.respond.TestLink.US;
import static io.zerowire.tap.respond.TestLink.US_V6;
import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.tap.reply.ReplyKind;
import io.zerowire.tap.testing.CapturingSink;
import io.zerowire.protocols.testing.Frames;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.protocols.framing.Framing;
import io.zerowire.protocols.icmpv6.EchoBuilder;
import io.zerowire.protocols.icmpv6.Icmpv6HeaderBuilder;
import io.zerowire.protocols.icmpv6.Icmpv6Message;
import io.zerowire.protocols.icmpv6.Icmpv6Type;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.stack.Dissector;
import io.zerowire.serialize.Serializer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An echo request with a routing header that still has segments left was not for the responder to
 * consume: RFC 8200 section 4.4 has it discarded and answered with an ICMPv6 parameter problem, code
 * 0, pointing at the Routing Type (the responder routes no type; RFC 5095 makes type 0 unrecognized).
 * With no segment left, the header is done with and the echo is answered.
 */
class ResponderRoutingHeaderTest {
    private static final Ipv6Address NEXT = Ipv6Address.parse("fd00::99");
    private static final int TYPE_0 = 0;
    private static final int SEGMENT_ROUTING = 4;
    private static final int UNKNOWN_TYPE = 5;

    private final CapturingSink sink = new CapturingSink();
    private final Responder responder = TestLink.responder(sink, 1500);

    /** Routing header of {@code type} with one address (type 0's list, a segment list's entry 0, or type data). */
    private static byte[] echoThrough(int type, int segmentsLeft) throws Exception {
        byte[] routing = new byte[24];
        routing[0] = 58;   // next header ICMPv6
        routing[1] = 2;    // 2 x 8 bytes after the first 8
        routing[2] = (byte) type;
        routing[3] = (byte) segmentsLeft;
        NEXT.write(routing, 8);
        // The checksum covers the final destination: the address still to visit when segments are left.
        Ipv6Address finalDestination = segmentsLeft > 0 && type != UNKNOWN_TYPE ? NEXT : US_V6;
        byte[] echo = Serializer.of(Frames.payload(40)).encapsulate(new EchoBuilder().identifier(9).sequenceNumber(1))
                .encapsulate(new Icmpv6HeaderBuilder().type(Icmpv6Type.ECHO_REQUEST).addresses(PEER_V6, finalDestination))
                .serialize().toByteArray();
        byte[] payload = Arrays.copyOf(routing, routing.length + echo.length);
        System.arraycopy(echo, 0, payload, routing.length, echo.length);
        return Frames.ipv6(Serializer.of(payload), IpProtocol.of(43), PEER_V6, US_V6, 64, PEER, US);
    }

    private Dissector onlyAnswer(byte[] frame) throws Exception {
        responder.onFrame(CapturingSink.received(frame));
        List<CapturingSink.Sent> sent = sink.take();
        assertThat(sent).hasSize(1);
        Dissector d = new Dissector();
        d.dissect(Framing.ETHERNET, sent.get(0).buffer());
        assertThat(d.error()).isNull();
        for (int i = 0; i < d.layerCount(); i++) {
            assertThat(d.checksumBad(d.layer(i))).as("checksum of %s", d.layer(i)).isFalse();
        }
        return d;
    }

    @Test
    void segmentsLeftGetAParameterProblemPointingAtTheRoutingType() throws Exception {
        for (int type : new int[] {TYPE_0, SEGMENT_ROUTING, UNKNOWN_TYPE}) {
            byte[] request = echoThrough(type, 1);
            Dissector reply = onlyAnswer(request);
            assertThat(reply.icmpv6().message()).as("type %d", type).isEqualTo(Icmpv6Message.PARAMETER_PROBLEM);
            assertThat(reply.icmpv6().code()).isZero();
            assertThat(reply.ipv6().destination()).isEqualTo(PEER_V6);
            assertThat(reply.ipv6().source()).isEqualTo(US_V6);
            assertThat(reply.icmpv6().parameterProblem().pointer()).as("pointer").isEqualTo(40 + 2);
            assertThat(reply.buffer().toByteArray()).as("the whole request quoted")
                    .isEqualTo(Arrays.copyOfRange(request, 14, request.length));
        }
        assertThat(responder.replies().count(ReplyKind.ICMPV6_PARAMETER_PROBLEM)).isEqualTo(3);
        assertThat(responder.replies().count(ReplyKind.ICMPV6_ECHO_REPLY)).isZero();
    }

    @Test
    void noSegmentLeftIsAnEchoAnswered() throws Exception {
        for (int type : new int[] {TYPE_0, SEGMENT_ROUTING, UNKNOWN_TYPE}) {
            assertThat(onlyAnswer(echoThrough(type, 0)).icmpv6().message()).as("type %d", type)
                    .isEqualTo(Icmpv6Message.ECHO_REPLY);
        }
    }
}
