package io.zerowire.tap.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.tap.reply.ReplyKind;
import io.zerowire.tap.respond.Responder;
import io.zerowire.link.MacAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The {@link Responder} keeps to its MTU and to RFC 8200's routing rule against a kernel whose end of
 * the link allows jumbo frames (MTU 9000, the responder's 1500): a ping that fits 1500 bytes is
 * answered, a larger one is not (and is counted); an echo with a routing header that has segments
 * left gets the kernel an ICMPv6 parameter problem pointing at the Routing Type.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ResponderLimitsKernelTest {
    private static final MacAddress MAC = ResponderLab.MAC;
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(20);

    private ResponderLab lab;
    private Netns ns;
    private String tap;
    private Responder responder;

    @BeforeAll
    void start() throws Exception {
        KernelLab.require();
        lab = new ResponderLab("j", 9000);
        ns = lab.ns;
        tap = lab.tap;
        responder = lab.responder;
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void aReplyLargerThanTheMtuIsNotSent() {
        // 1472 bytes of data: a 1500-byte datagram; 1473 and a jumbo: over the responder's MTU.
        Run.Result fits = ns.exec(TOOL_TIMEOUT, "ping", "-c", "1", "-W", "2", "-M", "do", "-s", "1472", "10.0.0.2");
        assertThat(fits.out()).as(fits.describe()).contains("1 packets transmitted, 1 received");
        for (String size : new String[] {"1473", "8972"}) {
            Run.Result over = ns.exec(TOOL_TIMEOUT, "ping", "-c", "1", "-W", "1", "-M", "do", "-s", size, "10.0.0.2");
            assertThat(over.out()).as(over.describe()).contains("1 packets transmitted, 0 received");
        }
        Run.Result over6 = ns.exec(TOOL_TIMEOUT, "ping", "-6", "-c", "1", "-W", "1", "-M", "do", "-s", "8952", "fd00::2");
        assertThat(over6.out()).as(over6.describe()).contains("1 packets transmitted, 0 received");
        assertThat(responder.repliesOverMtu()).isEqualTo(3);
    }

    @Test
    void anEchoWithSegmentsLeftGetsAParameterProblem() {
        Scapy.require();
        long before = ns.counters().getOrDefault("Icmp6InParmProblems", 0L);
        // A type 0 routing header (RFC 5095: unrecognized) with one address left to visit.
        String frame = "[Ether(dst='" + MAC + "')/IPv6(src='fd00::1', dst='fd00::2')"
                + "/IPv6ExtHdrRouting(type=0, addresses=['fd00::99'], segleft=1)/ICMPv6EchoRequest(id=7, seq=1)]";
        assertThat(Scapy.sendp(ns, tap, frame)).isEqualTo(1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long after = before;
        while (after == before && System.nanoTime() < deadline) {
            after = ns.counters().getOrDefault("Icmp6InParmProblems", 0L);
        }
        assertThat(after - before).as("parameter problems the kernel received").isEqualTo(1);
        assertThat(responder.replies().count(ReplyKind.ICMPV6_PARAMETER_PROBLEM)).isEqualTo(1);
        assertThat(responder.replies().count(ReplyKind.ICMPV6_ECHO_REPLY)).isZero();
    }
}
