package io.zerowire.tap.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.tap.capture.FrameRecorder;
import io.zerowire.tap.link.EthernetPort;
import io.zerowire.tap.link.InterfaceAddress;
import io.zerowire.tap.reply.ReplyCounters;
import io.zerowire.tap.reply.ReplyKind;
import io.zerowire.tap.respond.Responder;
import io.zerowire.tap.device.ReceiveLoop;
import io.zerowire.link.MacAddress;
import io.zerowire.pcap.testing.TestEnvironment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
 * The Linux kernel talks to the {@link Responder}: a namespace holds the kernel's end of a TAP
 * device (10.0.0.1/24, fd00::1/64), the responder runs in this JVM on the other end (10.0.0.2,
 * fd00::2), and ordinary tools (ping, nc, bash) drive the kernel. The kernel drops whatever it finds
 * wrong, so every answer a tool reports is one the kernel accepted; its own counters then show no
 * checksum error, and tshark, reading the run's recording, finds every checksum the responder wrote
 * good.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ResponderKernelTest {
    private static final MacAddress MAC = MacAddress.parse("02:00:5e:10:00:02");
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(20);

    private Netns ns;
    private FrameRecorder recorder;
    private Path pcap;
    private EthernetPort port;
    private Responder responder;
    private ReceiveLoop loop;

    @BeforeAll
    void start() throws Exception {
        KernelLab.require();
        pcap = Files.createDirectories(Path.of("target", "kernel")).resolve("responder-" + System.nanoTime() + ".pcapng");
        recorder = FrameRecorder.open(pcap);
        String tap = Netns.uniqueName("r");
        port = EthernetPort.open(tap, MAC, recorder);
        responder = new Responder(new Responder.Config(MAC, InterfaceAddress.parseIpv4("10.0.0.2/24"),
                InterfaceAddress.parseIpv6("fd00::2/64"), 1500, 7, 7), port);
        loop = port.start(responder);
        ns = Netns.create("R");
        ns.adopt(tap);
        ns.ip("addr", "add", "10.0.0.1/24", "dev", tap);
        ns.ip("addr", "add", "fd00::1/64", "dev", tap, "nodad");
        ns.ip("link", "set", tap, "up");
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (port != null) {
                port.close();   // stops the loop; the TAP device disappears
            }
            if (recorder != null) {
                recorder.close();
            }
        } finally {
            if (ns != null) {
                ns.close();
            }
        }
    }

    @Test
    @Order(1)
    void pingGetsThreeRepliesOfThree() {
        Run.Result ping = ns.exec(TOOL_TIMEOUT, "ping", "-c", "3", "-i", "0.2", "-W", "2", "10.0.0.2");
        assertThat(ping.out()).as(ping.describe()).contains("3 packets transmitted, 3 received");
        assertThat(responder.replies().count(ReplyKind.ARP_REPLY)).isGreaterThanOrEqualTo(1);
        assertThat(responder.replies().count(ReplyKind.ICMP_ECHO_REPLY)).isGreaterThanOrEqualTo(3);
    }

    @Test
    @Order(2)
    void ping6GetsThreeRepliesOfThree() {
        Run.Result ping = ns.exec(TOOL_TIMEOUT, "ping", "-6", "-c", "3", "-i", "0.2", "-W", "2", "fd00::2");
        assertThat(ping.out()).as(ping.describe()).contains("3 packets transmitted, 3 received");
        assertThat(responder.replies().count(ReplyKind.NEIGHBOR_ADVERTISEMENT)).isGreaterThanOrEqualTo(1);
        assertThat(responder.replies().count(ReplyKind.ICMPV6_ECHO_REPLY)).isGreaterThanOrEqualTo(3);
    }

    @Test
    @Order(3)
    void aDatagramToPort7ComesBack() {
        for (String address : List.of("10.0.0.2", "fd00::2")) {
            byte[] datagram = ("datagram to " + address + "\n").getBytes(StandardCharsets.US_ASCII);
            Run.Result nc = ns.exec(TOOL_TIMEOUT, datagram, "nc", "-u", "-w", "1", address, "7");
            assertThat(nc.stdout()).as(nc.describe()).isEqualTo(datagram);
        }
        assertThat(responder.replies().count(ReplyKind.UDP_ECHO)).isGreaterThanOrEqualTo(2);
    }

    @Test
    @Order(4)
    void aDatagramToAnotherPortIsRefusedByTheKernelOnOurPortUnreachable() {
        Map<String, Long> before = ns.counters();
        for (String address : List.of("10.0.0.2", "fd00::2")) {
            // The first write draws the ICMP error; the kernel reports it on the next one.
            Run.Result bash = ns.exec(TOOL_TIMEOUT, "bash", "-c",
                    "exec 3<>/dev/udp/" + address + "/9; printf first >&3; sleep 0.5; printf second >&3");
            assertThat(bash.exit()).as(bash.describe()).isEqualTo(1);
            assertThat(bash.stderr()).as(bash.describe()).contains("Connection refused");
        }
        Map<String, Long> after = ns.counters();
        assertThat(after.get("IcmpInDestUnreachs") - before.get("IcmpInDestUnreachs")).isEqualTo(1);
        assertThat(after.get("Icmp6InDestUnreachs") - before.get("Icmp6InDestUnreachs")).isEqualTo(1);
        assertThat(responder.replies().count(ReplyKind.ICMP_PORT_UNREACHABLE)).isEqualTo(1);
        assertThat(responder.replies().count(ReplyKind.ICMPV6_PORT_UNREACHABLE)).isEqualTo(1);
    }

    @Test
    @Order(5)
    void aKernelTcpClientGetsItsBytesEchoedAndCloses() {
        byte[] data = new byte[200_000];
        new Random(7).nextBytes(data);
        for (String address : List.of("10.0.0.2", "fd00::2")) {
            // -N: shut down the sending side at the end of the input, then read until our FIN.
            Run.Result nc = ns.exec(TOOL_TIMEOUT, data, "nc", "-N", address, "7");
            assertThat(nc.exit()).as(nc.describe()).isZero();
            assertThat(nc.stdout()).as("%s echoed", address).isEqualTo(data);
        }
        Run.Result bash = ns.exec(TOOL_TIMEOUT, "bash", "-c",
                "exec 3<>/dev/tcp/10.0.0.2/7; printf 'short line\\n' >&3; head -c 11 <&3");
        assertThat(bash.out()).as(bash.describe()).isEqualTo("short line\n");
        Map<String, Long> counters = ns.counters();
        assertThat(counters.get("TcpEstabResets")).as("connections reset").isZero();
        // An echo that dropped data would make the kernel send it again, segment after segment. A
        // tail loss probe of the kernel's own on this sub-millisecond link may still fire now and then.
        assertThat(counters.get("TcpRetransSegs") * 20).as("segments the kernel sent again, %s of %s",
                counters.get("TcpRetransSegs"), counters.get("TcpOutSegs")).isLessThan(counters.get("TcpOutSegs"));
    }

    @Test
    @Order(6)
    void aConnectionToAClosedPortIsRefused() {
        for (String address : List.of("10.0.0.2", "fd00::2")) {
            Run.Result nc = ns.exec(TOOL_TIMEOUT, "nc", "-z", "-v", "-w", "2", address, "8");
            assertThat(nc.exit()).as(nc.describe()).isEqualTo(1);
            assertThat(nc.stderr()).as(nc.describe()).contains("Connection refused");
        }
        assertThat(responder.replies().count(ReplyKind.TCP_RESET)).isGreaterThanOrEqualTo(2);
    }

    @Test
    @Order(100)
    void theKernelCountedNoChecksumErrorAndEveryReplyReusedItsReceiveBuffer() {
        Map<String, Long> counters = ns.counters();
        assertThat(KernelLab.checksumErrors(counters)).as("the kernel's checksum error counters")
                .allSatisfy((name, value) -> assertThat(value).as(name).isZero());
        ReplyCounters replies = responder.replies();
        assertThat(replies.total()).isGreaterThan(20);
        assertThat(replies.totalInReceiveBuffer()).as("replies serialized into their receive buffer")
                .isEqualTo(replies.total());
        assertThat(responder.allocations()).isZero();
        assertThat(responder.drops().badChecksums()).isZero();
        assertThat(responder.drops().malformedFrames()).isZero();
        assertThat(loop.handlerErrors()).as("%s", loop.lastHandlerError()).isZero();
        System.out.printf("responder: %s; kernel: %s, IcmpInEchoReps %d, Icmp6InEchoReplies %d, TcpActiveOpens %d%n",
                responder.summary(), KernelLab.checksumErrors(counters), counters.get("IcmpInEchoReps"),
                counters.get("Icmp6InEchoReplies"), counters.get("TcpActiveOpens"));
    }

    /** tshark, not our parsers, judges the recorded replies. */
    @Test
    @Order(101)
    void tsharkFindsEveryChecksumTheResponderWroteGood() throws Exception {
        Path tshark = TestEnvironment.requireTshark();
        long sent = responder.replies().total();
        port.close();
        recorder.close();
        TestEnvironment.Run run = TestEnvironment.run(List.of(tshark.toString(), "-r", pcap.toString(),
                "-o", "ip.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE",
                "-Y", "eth.src == " + MAC, "-T", "fields", "-E", "occurrence=a", "-E", "aggregator=,",
                "-e", "frame.number", "-e", "ip.checksum.status", "-e", "icmp.checksum.status",
                "-e", "icmpv6.checksum.status", "-e", "udp.checksum.status", "-e", "tcp.checksum.status"));
        assertThat(run.exitCode()).as(run.errors()).isZero();
        assertThat(run.lines()).as("frames from the responder in %s", pcap).hasSize((int) sent);
        int checked = 0;
        for (String line : run.lines()) {
            String[] fields = line.split("\t", -1);
            for (int i = 1; i < fields.length; i++) {
                for (String status : fields[i].split(",")) {
                    if (!status.isEmpty()) {
                        assertThat(status).as("frame %s, field %d: %s", fields[0], i, line).isEqualTo("1");
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).as("checksum verdicts").isGreaterThan((int) sent);
    }
}
