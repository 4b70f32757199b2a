package io.zerowire.tap.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.tap.capture.FrameRecorder;
import io.zerowire.tap.forward.Forwarder;
import io.zerowire.tap.link.AddressClass;
import io.zerowire.tap.link.EthernetPort;
import io.zerowire.tap.link.InterfaceAddress;
import io.zerowire.link.MacAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Datagrams with martian sources or destinations (RFC 1812 section 5.3.7, RFC 4291), written raw
 * onto link A from namespace A (scapy), are not routed by the {@link Forwarder} and draw no ICMP
 * error; the kernels' own pings cross it before and after. Namespace B's kernel counts what reached
 * it: nothing of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ForwarderMartianKernelTest {
    private static final MacAddress MAC_A = MacAddress.parse("02:00:5e:10:01:fe");
    private static final MacAddress MAC_B = MacAddress.parse("02:00:5e:10:02:fe");
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(20);

    private Netns a;
    private Netns b;
    private String tapA;
    private EthernetPort portA;
    private EthernetPort portB;
    private Forwarder forwarder;

    @BeforeAll
    void start() throws Exception {
        KernelLab.require();
        Scapy.require();
        tapA = Netns.uniqueName("a");
        String tapB = Netns.uniqueName("b");
        portA = EthernetPort.open(tapA, MAC_A, FrameRecorder.none());
        portB = EthernetPort.open(tapB, MAC_B, FrameRecorder.none());
        forwarder = new Forwarder(List.of(
                new Forwarder.PortConfig(MAC_A, InterfaceAddress.parseIpv4("10.1.0.254/24"),
                        InterfaceAddress.parseIpv6("fd01::fe/64"), 1500),
                new Forwarder.PortConfig(MAC_B, InterfaceAddress.parseIpv4("10.2.0.254/24"),
                        InterfaceAddress.parseIpv6("fd02::fe/64"), 1500)),
                List.of(portA, portB));
        portA.start(forwarder.receiver(0));
        portB.start(forwarder.receiver(1));
        a = Netns.create("A");
        b = Netns.create("B");
        // The same two networks as ForwarderKernelTest's, both links of MTU 1500.
        ForwarderKernelTest.configure(a, tapA, 1500, "10.1.0.1/24", "fd01::1/64", "10.1.0.254", "fd01::fe");
        ForwarderKernelTest.configure(b, tapB, 1500, "10.2.0.1/24", "fd02::1/64", "10.2.0.254", "fd02::fe");
    }

    @AfterAll
    void stop() {
        try {
            for (EthernetPort port : new EthernetPort[] {portA, portB}) {
                if (port != null) {
                    port.close();
                }
            }
        } finally {
            for (Netns ns : new Netns[] {a, b}) {
                if (ns != null) {
                    ns.close();
                }
            }
        }
    }

    private void pingsCross() {
        for (String destination : List.of("10.2.0.1", "fd02::1")) {
            Run.Result ping = a.exec(TOOL_TIMEOUT, "ping", "-c", "2", "-i", "0.2", "-W", "2", destination);
            assertThat(ping.out()).as(ping.describe()).contains("2 packets transmitted, 2 received");
        }
    }

    @Test
    void martianDatagramsAreNotRoutedWhileTheKernelsPingsAre() throws Exception {
        pingsCross();   // host B is resolved: a datagram that is not dropped is forwarded at once
        long forwarded = forwarder.forwarded();
        long replies = forwarder.replies().total();
        Map<String, Long> before = b.counters();

        String router = "Ether(dst='" + MAC_A + "')";
        String l4 = "[UDP(sport=40000, dport=9)/b'martian', TCP(sport=50000, dport=80, flags='S')]";
        String frames = "[" + router + "/IP(src=s, dst=d)/p for s, d in ["
                + "('0.0.0.0', '10.2.0.1'), ('127.0.0.1', '10.2.0.1'), ('224.0.0.1', '10.2.0.1'), "
                + "('240.0.0.1', '10.2.0.1'), ('255.255.255.255', '10.2.0.1'), ('10.2.0.255', '10.2.0.1'), "
                + "('10.1.0.1', '0.1.2.3'), ('10.1.0.1', '127.0.0.1'), ('10.1.0.1', '240.0.0.1')] for p in " + l4 + "]"
                + " + [" + router + "/IPv6(src=s, dst=d)/p for s, d in ["
                + "('::', 'fd02::1'), ('::1', 'fd02::1'), ('ff0e::1', 'fd02::1'), ('::ffff:10.1.0.1', 'fd02::1'), "
                + "('fd01::1', '::1'), ('fd01::1', '::ffff:10.2.0.1')] for p in " + l4 + "]";
        int sent = Scapy.sendp(a, tapA, frames);
        assertThat(sent).isEqualTo(2 * (9 + 6));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (forwarder.drops().martianSources() + forwarder.drops().martianDestinations() < sent
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(forwarder.drops().martianSources()).as(forwarder.summary()).isEqualTo(2 * (6 + 4));
        assertThat(forwarder.drops().martianDestinations()).as(forwarder.summary()).isEqualTo(2 * (3 + 2));
        assertThat(forwarder.drops().martianSources(AddressClass.DIRECTED_BROADCAST)).isEqualTo(2);
        assertThat(forwarder.forwarded()).as("forwarded").isEqualTo(forwarded);
        assertThat(forwarder.replies().total()).as("no ICMP error").isEqualTo(replies);
        Map<String, Long> after = b.counters();
        for (String counter : List.of("IpInReceives", "Ip6InReceives")) {
            assertThat(after.get(counter) - before.get(counter)).as("%s in namespace B", counter).isZero();
        }

        pingsCross();
    }
}
