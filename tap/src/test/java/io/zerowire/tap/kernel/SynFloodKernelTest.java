package io.zerowire.tap.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.tap.capture.FrameRecorder;
import io.zerowire.tap.link.EthernetPort;
import io.zerowire.tap.link.InterfaceAddress;
import io.zerowire.tap.reply.ReplyKind;
import io.zerowire.tap.respond.Responder;
import io.zerowire.tap.respond.TcpCounters;
import io.zerowire.tap.device.ReceiveLoop;
import io.zerowire.protocols.testing.Frames;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.link.MacAddress;
import io.zerowire.pcap.testing.TestEnvironment;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.tcp.TcpBuilder;
import io.zerowire.protocols.tcp.TcpOptionsBuilder;
import io.zerowire.serialize.Serializer;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * A SYN flood against the {@link Responder}, then a real client: 10,000 SYNs from spoofed sources
 * that never answer (10.0.0.10 to 10.0.0.249, inside the namespace's subnet, from a MAC nobody has,
 * so the kernel drops our SYN-ACKs to them) are written onto the kernel's end of the TAP device
 * through a packet socket, and then the kernel's own TCP connects with {@code nc}, over IPv4 and
 * IPv6, and gets its bytes echoed. Before SYN cookies the flood filled the connection table for
 * 120 s and the client was reset.
 *
 * <p>The frames are built here with the protocols' builders; Debian's {@code /usr/bin/python3}
 * (standard library only, no scapy) writes them with an {@code AF_PACKET} socket. The TAP device's
 * queue is made longer than the flood, so that every SYN reaches the responder and the run is the
 * same every time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SynFloodKernelTest {
    private static final MacAddress MAC = MacAddress.parse("02:00:5e:10:00:02");
    private static final MacAddress SPOOFED_MAC = MacAddress.parse("02:00:5e:10:ff:01");
    private static final Ipv4Address US = Ipv4Address.parse("10.0.0.2");
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final int FLOOD = 10_000;
    private static final int SPOOFED_SOURCES = 240;
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(30);
    /**
     * Writes the frames of a file (each after its length in two bytes, big-endian) to a device; on a
     * full queue (ENOBUFS) waits a moment and writes the frame again, so that none is lost.
     */
    private static final String SENDER = String.join("\n",
            "import errno, socket, struct, sys, time",
            "s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)",
            "s.bind((sys.argv[1], 0))",
            "data = open(sys.argv[2], 'rb').read()",
            "i = sent = 0",
            "while i < len(data):",
            "    (n,) = struct.unpack_from('>H', data, i)",
            "    while True:",
            "        try:",
            "            s.send(data[i + 2:i + 2 + n])",
            "            break",
            "        except OSError as e:",
            "            if e.errno != errno.ENOBUFS:",
            "                raise",
            "            time.sleep(0.001)",
            "    i += 2 + n",
            "    sent += 1",
            "print(sent)");

    private Netns ns;
    private String tap;
    private EthernetPort port;
    private Responder responder;
    private ReceiveLoop loop;

    @BeforeAll
    void start() throws Exception {
        KernelLab.require();
        TestEnvironment.require(Files.isExecutable(PYTHON), PYTHON + " is not installed (Debian's python3 package)");
        tap = Netns.uniqueName("f");
        port = EthernetPort.open(tap, MAC, FrameRecorder.none());
        responder = new Responder(new Responder.Config(MAC, InterfaceAddress.parseIpv4("10.0.0.2/24"),
                InterfaceAddress.parseIpv6("fd00::2/64"), 1500, 7, 7), port);
        loop = port.start(responder);
        ns = Netns.create("F");
        ns.adopt(tap);
        ns.ip("addr", "add", "10.0.0.1/24", "dev", tap);
        ns.ip("addr", "add", "fd00::1/64", "dev", tap, "nodad");
        // Room for the whole flood in the queue to the responder: none of it is dropped on the way.
        ns.ip("link", "set", tap, "txqueuelen", Integer.toString(FLOOD + 2_000));
        ns.ip("link", "set", tap, "up");
    }

    @AfterAll
    void stop() {
        try {
            if (port != null) {
                port.close();
            }
        } finally {
            if (ns != null) {
                ns.close();
            }
        }
    }

    /** {@code count} SYNs as Linux sends them, each from its own spoofed address and port, length-prefixed. */
    private static byte[] floodFrames(int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Random random = new Random(11);
        for (int i = 0; i < count; i++) {
            Ipv4Address source = Ipv4Address.of(10, 0, 0, 10 + i % SPOOFED_SOURCES);
            TcpBuilder syn = new TcpBuilder().sourcePort(20_000 + i / SPOOFED_SOURCES).destinationPort(7)
                    .sequenceNumber(random.nextInt() & 0xFFFF_FFFFL).syn(true).window(64_240)
                    .options(new TcpOptionsBuilder().mss(1460).sackPermitted().timestamps(i, 0).nop().windowScale(7))
                    .addresses(source, US);
            byte[] frame = Frames.ipv4(Serializer.of(new byte[0]).encapsulate(syn), IpProtocol.TCP, source, US, 64,
                    true, SPOOFED_MAC, MAC);
            out.write(frame.length >> 8);
            out.write(frame.length & 0xFF);
            out.writeBytes(frame);
        }
        return out.toByteArray();
    }

    private long tcpRepliesToTheFlood() {
        return responder.replies().count(ReplyKind.TCP_SEGMENT) + responder.replies().count(ReplyKind.TCP_RESET);
    }

    @Test
    void aFloodOf10000SpoofedSynsDoesNotLockOutTheKernelsClient() throws Exception {
        // Neighbour discovery first, so that the flood is all the responder is busy with.
        Run.Result ping = ns.exec(TOOL_TIMEOUT, "ping", "-c", "1", "-W", "2", "10.0.0.2");
        assertThat(ping.ok()).as(ping.describe()).isTrue();

        Path frames = Files.createDirectories(Path.of("target", "kernel")).resolve("synflood-" + System.nanoTime());
        Files.write(frames, floodFrames(FLOOD));
        long before = tcpRepliesToTheFlood();
        Run.Result sender = ns.exec(TOOL_TIMEOUT, PYTHON.toString(), "-c", SENDER, tap, frames.toString());
        Files.delete(frames);
        assertThat(sender.out().trim()).as(sender.describe()).isEqualTo(Integer.toString(FLOOD));
        long deadline = System.nanoTime() + TOOL_TIMEOUT.toNanos();
        while (tcpRepliesToTheFlood() - before < FLOOD && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(tcpRepliesToTheFlood() - before).as("SYNs the responder answered; %s", responder.summary())
                .isEqualTo(FLOOD);

        byte[] data = new byte[100_000];
        new Random(7).nextBytes(data);
        for (String address : List.of("10.0.0.2", "fd00::2")) {
            Run.Result nc = ns.exec(TOOL_TIMEOUT, data, "nc", "-N", "-w", "5", address, "7");
            assertThat(nc.exit()).as(nc.describe()).isZero();
            assertThat(nc.stdout()).as("%s echoed after the flood; %s", address, responder.summary()).isEqualTo(data);
        }

        TcpCounters tcp = responder.tcpCounters();
        assertThat(tcp.synAcks()).as("every SYN got a SYN-ACK, none a reset").isGreaterThanOrEqualTo(FLOOD);
        assertThat(responder.replies().count(ReplyKind.TCP_RESET)).isZero();
        // At most 256 SYNs are kept at a time; a slot frees only when a half-open connection expires.
        assertThat(tcp.synAcks() - tcp.synCookies()).as("SYNs kept; %s", tcp)
                .isLessThanOrEqualTo(256 + 2 + tcp.expiredHalfOpen());
        if (tcp.expiredHalfOpen() == 0) {
            // The flood's half-open connections still filled the table: both clients came in on cookies.
            assertThat(tcp.cookieConnections()).as("%s", tcp).isEqualTo(2);
        }
        Map<String, Long> counters = ns.counters();
        assertThat(counters.get("TcpEstabResets")).as("connections reset").isZero();
        assertThat(KernelLab.checksumErrors(counters)).allSatisfy((name, value) -> assertThat(value).as(name).isZero());
        assertThat(loop.handlerErrors()).as("%s", loop.lastHandlerError()).isZero();
        System.out.printf("syn flood: %s; tcp connections now %d%n", responder.summary(), responder.tcpConnections());
    }
}
