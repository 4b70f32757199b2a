package io.zerowire.tap.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.tap.link.AddressClass;
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
 * Frames from sources that are not unicast, written raw onto the link from the kernel's namespace
 * (scapy), get nothing from the {@link Responder}: no echo reply, no UDP echo, no port unreachable,
 * no SYN-ACK or reset, no ARP reply; each is counted under its address class. The kernel's own ping
 * is still answered afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ResponderMartianKernelTest {
    private static final MacAddress MAC = ResponderLab.MAC;
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(20);

    /** Python lists of the martian sources (the same classes as the unit tests). */
    private static final String IPV4_SOURCES = "['255.255.255.255', '10.0.0.255', '224.0.0.1', '224.0.0.9', "
            + "'0.0.0.0', '127.0.0.1', '240.0.0.1']";
    private static final String IPV6_SOURCES = "['ff02::1', '::', '::1', '::ffff:10.0.0.1']";

    private ResponderLab lab;
    private Netns ns;
    private String tap;
    private Responder responder;

    @BeforeAll
    void start() throws Exception {
        KernelLab.require();
        Scapy.require();
        lab = new ResponderLab("m", 1500);
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
    void martianSourcesGetNoAnswerWhileTheKernelsPingDoes() throws Exception {
        String us = "Ether(dst='" + MAC + "')";
        String frames = "[" + us + "/IP(src=s, dst='10.0.0.2')/l4 for s in " + IPV4_SOURCES
                + " for l4 in [ICMP(), UDP(sport=40000, dport=7)/b'martian', UDP(sport=40000, dport=9)/b'x', "
                + "TCP(sport=50000, dport=7, flags='S'), TCP(sport=50000, dport=80, flags='S')]]"
                + " + [" + us + "/IPv6(src=s, dst='fd00::2')/l4 for s in " + IPV6_SOURCES
                + " for l4 in [ICMPv6EchoRequest(), UDP(sport=40000, dport=7)/b'martian', UDP(sport=40000, dport=9)/b'x', "
                + "TCP(sport=50000, dport=7, flags='S'), TCP(sport=50000, dport=80, flags='S')]]"
                + " + [Ether(dst='ff:ff:ff:ff:ff:ff')/ARP(op=1, psrc=s, pdst='10.0.0.2') for s in "
                + IPV4_SOURCES + " if s != '0.0.0.0']";
        int sent = Scapy.sendp(ns, tap, frames);
        assertThat(sent).isEqualTo(7 * 5 + 4 * 5 + 6);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (responder.drops().martianSources() < sent && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(responder.drops().martianSources()).as(responder.summary()).isEqualTo(sent);
        assertThat(responder.drops().martianSources(AddressClass.MULTICAST)).isEqualTo(2 * 5 + 5 + 2);
        assertThat(responder.drops().martianSources(AddressClass.DIRECTED_BROADCAST)).isEqualTo(5 + 1);
        for (ReplyKind kind : new ReplyKind[] {ReplyKind.ICMP_ECHO_REPLY, ReplyKind.ICMPV6_ECHO_REPLY, ReplyKind.UDP_ECHO,
                ReplyKind.ICMP_PORT_UNREACHABLE, ReplyKind.ICMPV6_PORT_UNREACHABLE, ReplyKind.TCP_SEGMENT,
                ReplyKind.TCP_RESET, ReplyKind.ARP_REPLY}) {
            assertThat(responder.replies().count(kind)).as("%s sent to a martian source", kind).isZero();
        }

        Run.Result ping = ns.exec(TOOL_TIMEOUT, "ping", "-c", "2", "-i", "0.2", "-W", "2", "10.0.0.2");
        assertThat(ping.out()).as(ping.describe()).contains("2 packets transmitted, 2 received");
        Run.Result ping6 = ns.exec(TOOL_TIMEOUT, "ping", "-6", "-c", "2", "-i", "0.2", "-W", "2", "fd00::2");
        assertThat(ping6.out()).as(ping6.describe()).contains("2 packets transmitted, 2 received");
    }
}
