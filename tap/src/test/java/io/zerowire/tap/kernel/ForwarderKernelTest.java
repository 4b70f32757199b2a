package io.zerowire.tap.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.tap.capture.FrameRecorder;
import io.zerowire.tap.forward.Forwarder;
import io.zerowire.tap.link.EthernetPort;
import io.zerowire.tap.link.InterfaceAddress;
import io.zerowire.tap.reply.ReplyKind;
import io.zerowire.tap.device.ReceiveLoop;
import io.zerowire.link.MacAddress;
import io.zerowire.pcap.testing.TestEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The {@link Forwarder} routes between two kernels: namespace A (10.1.0.1/24, fd01::1/64) and
 * namespace B (10.2.0.1/24, fd02::1/64, on a link of MTU 1400), each with its default route through
 * the forwarder's address on its link (.254, ::fe). Ping, nc, traceroute and the kernels' counters
 * judge it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ForwarderKernelTest {
    private static final MacAddress MAC_A = MacAddress.parse("02:00:5e:10:01:fe");
    private static final MacAddress MAC_B = MacAddress.parse("02:00:5e:10:02:fe");
    private static final int MTU_B = 1400;
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(20);

    private Netns a;
    private Netns b;
    private FrameRecorder recorder;
    private Path pcap;
    private EthernetPort portA;
    private EthernetPort portB;
    private Forwarder forwarder;
    private ReceiveLoop loopA;
    private ReceiveLoop loopB;

    @BeforeAll
    void start() throws Exception {
        KernelLab.require();
        pcap = Files.createDirectories(Path.of("target", "kernel")).resolve("forwarder-" + System.nanoTime() + ".pcapng");
        recorder = FrameRecorder.open(pcap);
        String tapA = Netns.uniqueName("a");
        String tapB = Netns.uniqueName("b");
        portA = EthernetPort.open(tapA, MAC_A, recorder);
        portB = EthernetPort.open(tapB, MAC_B, recorder);
        forwarder = new Forwarder(List.of(
                new Forwarder.PortConfig(MAC_A, InterfaceAddress.parseIpv4("10.1.0.254/24"),
                        InterfaceAddress.parseIpv6("fd01::fe/64"), 1500),
                new Forwarder.PortConfig(MAC_B, InterfaceAddress.parseIpv4("10.2.0.254/24"),
                        InterfaceAddress.parseIpv6("fd02::fe/64"), MTU_B)),
                List.of(portA, portB));
        loopA = portA.start(forwarder.receiver(0));
        loopB = portB.start(forwarder.receiver(1));
        a = Netns.create("A");
        b = Netns.create("B");
        configure(a, tapA, 1500, "10.1.0.1/24", "fd01::1/64", "10.1.0.254", "fd01::fe");
        configure(b, tapB, MTU_B, "10.2.0.1/24", "fd02::1/64", "10.2.0.254", "fd02::fe");
    }

    static void configure(Netns ns, String tap, int mtu, String v4, String v6, String gateway4, String gateway6) {
        ns.adopt(tap);
        ns.ip("link", "set", tap, "mtu", String.valueOf(mtu));
        ns.ip("addr", "add", v4, "dev", tap);
        ns.ip("addr", "add", v6, "dev", tap, "nodad");
        ns.ip("link", "set", tap, "up");
        ns.ip("route", "add", "default", "via", gateway4);
        ns.ip("-6", "route", "add", "default", "via", gateway6);
    }

    @AfterAll
    void stop() throws Exception {
        try {
            for (EthernetPort port : new EthernetPort[] {portA, portB}) {
                if (port != null) {
                    port.close();
                }
            }
            if (recorder != null) {
                recorder.close();
            }
        } finally {
            for (Netns ns : new Netns[] {a, b}) {
                if (ns != null) {
                    ns.close();
                }
            }
        }
    }

    @Test
    @Order(1)
    void pingCrossesTheForwarderBothWays() {
        for (String destination : List.of("10.2.0.1", "fd02::1")) {
            Run.Result ping = a.exec(TOOL_TIMEOUT, "ping", "-c", "3", "-i", "0.2", "-W", "2", destination);
            assertThat(ping.out()).as(ping.describe()).contains("3 packets transmitted, 3 received").contains("ttl=63");
        }
        for (String destination : List.of("10.1.0.1", "fd01::1")) {
            Run.Result ping = b.exec(TOOL_TIMEOUT, "ping", "-c", "3", "-i", "0.2", "-W", "2", destination);
            assertThat(ping.out()).as(ping.describe()).contains("3 packets transmitted, 3 received");
        }
        assertThat(forwarder.forwarded()).isGreaterThanOrEqualTo(24);
        assertThat(forwarder.replies().count(ReplyKind.ARP_REQUEST)).isGreaterThanOrEqualTo(1);
        assertThat(forwarder.replies().count(ReplyKind.NEIGHBOR_SOLICITATION)).isGreaterThanOrEqualTo(1);
    }

    @Test
    @Order(2)
    void tcpConnectionsCarryDataBothWaysOverBothVersions() throws Exception {
        Random random = new Random(11);
        int port = 5001;
        for (String server : List.of("10.2.0.1", "fd02::1")) {
            byte[] upload = new byte[200_000];
            random.nextBytes(upload);
            CompletableFuture<Run.Result> sink = listen(b, server, port, null);
            Run.Result client = a.exec(TOOL_TIMEOUT, upload, "nc", "-N", server, String.valueOf(port));
            assertThat(client.exit()).as(client.describe()).isZero();
            assertThat(sink.get(30, TimeUnit.SECONDS).stdout()).as("uploaded to %s", server).isEqualTo(upload);
            port++;

            byte[] download = new byte[200_000];
            random.nextBytes(download);
            CompletableFuture<Run.Result> source = listen(b, server, port, download);
            Run.Result reader = a.exec(TOOL_TIMEOUT, "nc", "-d", server, String.valueOf(port));
            assertThat(reader.exit()).as(reader.describe()).isZero();
            assertThat(reader.stdout()).as("downloaded from %s", server).isEqualTo(download);
            assertThat(source.get(30, TimeUnit.SECONDS).exit()).isZero();
            port++;
        }
    }

    /** An nc server in {@code ns}: it sends {@code data} (then shuts down) or, without data, collects what it gets. */
    private static CompletableFuture<Run.Result> listen(Netns ns, String address, int port, byte[] data)
            throws InterruptedException {
        CompletableFuture<Run.Result> server = CompletableFuture.supplyAsync(() -> data == null
                ? ns.exec(TOOL_TIMEOUT, "nc", "-l", "-s", address, "-p", String.valueOf(port))
                : ns.exec(TOOL_TIMEOUT, data, "nc", "-N", "-l", "-s", address, "-p", String.valueOf(port)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Run.Result ss = ns.exec(TOOL_TIMEOUT, "ss", "-Hltn", "sport = :" + port);
            if (!ss.out().isBlank()) {
                return server;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("nc did not listen on port " + port + " in " + ns);
    }

    /** Before any packet too big: the kernel must not have learnt the smaller MTU, so that the forwarder fragments. */
    @Test
    @Order(3)
    void aDatagramWithoutDfIsFragmentedInPlace() {
        a.ip("route", "flush", "cache");
        long before = forwarder.fragments();
        Run.Result ping = a.exec(TOOL_TIMEOUT, "ping", "-c", "3", "-i", "0.2", "-W", "2", "-M", "dont", "-s", "1452",
                "10.2.0.1");
        assertThat(ping.out()).as(ping.describe()).contains("3 packets transmitted, 3 received");
        assertThat(forwarder.fragments() - before).as("fragments the forwarder wrote").isEqualTo(6);
    }

    @Test
    @Order(4)
    void anExpiringTtlGetsTimeExceededFromTheForwarder() {
        Run.Result ping = a.exec(TOOL_TIMEOUT, "ping", "-c", "1", "-t", "1", "-W", "2", "10.2.0.1");
        assertThat(ping.out()).as(ping.describe()).contains("From 10.1.0.254 icmp_seq=1 Time to live exceeded");
        Run.Result ping6 = a.exec(TOOL_TIMEOUT, "ping", "-6", "-c", "1", "-t", "1", "-W", "2", "fd02::1");
        assertThat(ping6.out()).as(ping6.describe()).contains("From fd01::fe icmp_seq=1 Time exceeded: Hop limit");

        Run.Result trace = a.exec(TOOL_TIMEOUT, "traceroute", "-n", "-q", "1", "-w", "2", "-m", "4", "10.2.0.1");
        assertThat(trace.out()).as(trace.describe()).containsPattern("(?m)^ 1  10\\.1\\.0\\.254 ")
                .containsPattern("(?m)^ 2  10\\.2\\.0\\.1 ");
        Run.Result trace6 = a.exec(TOOL_TIMEOUT, "traceroute", "-6", "-n", "-q", "1", "-w", "2", "-m", "4", "fd02::1");
        assertThat(trace6.out()).as(trace6.describe()).containsPattern("(?m)^ 1  fd01::fe ")
                .containsPattern("(?m)^ 2  fd02::1 ");
        assertThat(forwarder.replies().count(ReplyKind.ICMP_TIME_EXCEEDED)).isGreaterThanOrEqualTo(2);
        assertThat(forwarder.replies().count(ReplyKind.ICMPV6_TIME_EXCEEDED)).isGreaterThanOrEqualTo(2);
    }

    @Test
    @Order(5)
    void aDatagramOverTheMtuGetsFragmentationNeededOrPacketTooBig() {
        Run.Result ping = a.exec(TOOL_TIMEOUT, "ping", "-c", "1", "-W", "2", "-M", "do", "-s", "1452", "10.2.0.1");
        assertThat(ping.out()).as(ping.describe()).contains("From 10.1.0.254 icmp_seq=1 Frag needed and DF set (mtu = 1400)");
        Run.Result route = a.exec(TOOL_TIMEOUT, "ip", "route", "get", "10.2.0.1");
        assertThat(route.out()).as("the kernel learnt the path MTU: %s", route.out()).contains("mtu 1400");

        Run.Result ping6 = a.exec(TOOL_TIMEOUT, "ping", "-6", "-c", "1", "-W", "2", "-s", "1452", "fd02::1");
        assertThat(ping6.out()).as(ping6.describe()).contains("From fd01::fe icmp_seq=1 Packet too big: mtu=1400");
        Run.Result route6 = a.exec(TOOL_TIMEOUT, "ip", "-6", "route", "get", "fd02::1");
        assertThat(route6.out()).as("the kernel learnt the path MTU: %s", route6.out()).contains("mtu 1400");
    }

    @Test
    @Order(6)
    void aDestinationOnNoLinkIsUnreachable() {
        Run.Result ping = a.exec(TOOL_TIMEOUT, "ping", "-c", "1", "-W", "2", "10.3.0.1");
        assertThat(ping.out()).as(ping.describe()).contains("From 10.1.0.254 icmp_seq=1 Destination Net Unreachable");
        Run.Result ping6 = a.exec(TOOL_TIMEOUT, "ping", "-6", "-c", "1", "-W", "2", "fd03::1");
        assertThat(ping6.out()).as(ping6.describe()).contains("From fd01::fe icmp_seq=1 Destination unreachable: No route");
    }

    @Test
    @Order(100)
    void theKernelsCountedNoChecksumErrorAndForwardingStayedInTheReceiveBuffer() {
        for (Netns ns : List.of(a, b)) {
            Map<String, Long> counters = ns.counters();
            assertThat(KernelLab.checksumErrors(counters)).as("checksum errors counted in %s", ns)
                    .allSatisfy((name, value) -> assertThat(value).as(name).isZero());
        }
        assertThat(forwarder.drops().badChecksums()).isZero();
        assertThat(forwarder.drops().malformedFrames()).isZero();
        assertThat(forwarder.forwardedInPlace()).as("forwarded out of their receive buffer")
                .isGreaterThanOrEqualTo(forwarder.forwarded() - forwarder.held());
        assertThat(forwarder.replies().totalInReceiveBuffer()).isEqualTo(forwarder.replies().total());
        assertThat(loopA.handlerErrors() + loopB.handlerErrors()).as("%s %s", loopA.lastHandlerError(),
                loopB.lastHandlerError()).isZero();
        System.out.printf("forwarder: %s; kernel A: %s; kernel B: %s%n", forwarder.summary(),
                KernelLab.checksumErrors(a.counters()), KernelLab.checksumErrors(b.counters()));
    }

    /** tshark judges every frame the forwarder sent: forwarded, fragmented, or written as an error. */
    @Test
    @Order(101)
    void tsharkFindsEveryChecksumTheForwarderSentGood() throws Exception {
        Path tshark = TestEnvironment.requireTshark();
        portA.close();
        portB.close();
        recorder.close();
        TestEnvironment.Run run = TestEnvironment.run(List.of(tshark.toString(), "-r", pcap.toString(),
                "-o", "ip.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE",
                "-Y", "eth.src == " + MAC_A + " || eth.src == " + MAC_B, "-T", "fields", "-E", "occurrence=a",
                "-E", "aggregator=,", "-e", "frame.number", "-e", "ip.checksum.status", "-e", "icmp.checksum.status",
                "-e", "icmpv6.checksum.status", "-e", "udp.checksum.status", "-e", "tcp.checksum.status"));
        assertThat(run.exitCode()).as(run.errors()).isZero();
        assertThat(run.lines()).hasSizeGreaterThan((int) forwarder.forwarded());
        int good = 0;
        for (String line : run.lines()) {
            String[] fields = line.split("\t", -1);
            assertThat(fields[1]).as("frame %s: IPv4 header checksums", fields[0]).doesNotContain("0");
            for (int i = 1; i < fields.length; i++) {
                for (String status : fields[i].split(",")) {
                    // 2 is "unverified": a transport checksum over a datagram tshark sees only a fragment of.
                    assertThat(status).as("frame %s, field %d: %s", fields[0], i, line).isIn("", "1", "2");
                    good += status.equals("1") ? 1 : 0;
                }
            }
        }
        assertThat(good).isGreaterThan(run.lines().size());
    }
}
