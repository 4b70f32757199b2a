package io.zerowire.tap.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.tap.device.TapDevice;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.link.MacAddress;
import io.zerowire.protocols.ethernet.EtherType;
import io.zerowire.protocols.ethernet.EthernetBuilder;
import io.zerowire.protocols.framing.Framing;
import io.zerowire.protocols.icmp.IcmpHeader;
import io.zerowire.protocols.icmp.IcmpMessageBuilder;
import io.zerowire.protocols.icmp.IcmpMessageKind;
import io.zerowire.protocols.icmpv6.EchoBuilder;
import io.zerowire.protocols.icmpv6.Icmpv6Header;
import io.zerowire.protocols.icmpv6.Icmpv6HeaderBuilder;
import io.zerowire.protocols.icmpv6.Icmpv6Message;
import io.zerowire.protocols.icmpv6.Icmpv6Type;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ipv4.Ipv4;
import io.zerowire.protocols.ipv4.Ipv4Builder;
import io.zerowire.protocols.ipv6.Ipv6HeaderBuilder;
import io.zerowire.protocols.stack.Dissector;
import io.zerowire.protocols.stack.Layer;
import io.zerowire.protocols.tcp.TcpBuilder;
import io.zerowire.protocols.tcp.TcpV4;
import io.zerowire.protocols.udp.UdpBuilder;
import io.zerowire.protocols.udp.UdpV4;
import io.zerowire.protocols.udp.UdpV6;
import io.zerowire.serialize.PacketBuilder;
import io.zerowire.serialize.Serializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The control that makes the kernel's verdict mean something: frames written by Zerowire's builders
 * are answered by the kernel, and the same frames with their checksum deliberately corrupted are
 * dropped without an answer and counted in the kernel's {@code InCsumErrors}. A reply accepted by the
 * kernel in the other tests is therefore a reply whose checksums are right.
 *
 * <p>The test holds the TAP device itself (no responder): the kernel's end is 10.0.0.1 / fd00::1 in
 * a namespace, with static neighbour entries for our 10.0.0.2 / fd00::2.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class KernelChecksumControlTest {
    private static final MacAddress US = MacAddress.parse("02:00:5e:10:00:02");
    private static final MacAddress KERNEL = MacAddress.parse("02:00:5e:10:00:01");
    private static final Ipv4Address US_V4 = Ipv4Address.parse("10.0.0.2");
    private static final Ipv4Address KERNEL_V4 = Ipv4Address.parse("10.0.0.1");
    private static final Ipv6Address US_V6 = Ipv6Address.parse("fd00::2");
    private static final Ipv6Address KERNEL_V6 = Ipv6Address.parse("fd00::1");
    private static final byte[] PAYLOAD = "a corrupted checksum is never answered".getBytes(StandardCharsets.US_ASCII);
    private static final int ID = 0x5a5a;
    private static final int OUR_PORT = 40_000;
    private static final int CLOSED_PORT = 9;
    private static final int ETHERNET = 14;
    private static final int IPV4 = 20;
    private static final int IPV6 = 40;
    /** Long enough for the kernel to answer a good frame many times over. */
    private static final Duration QUIET = Duration.ofMillis(1_500);

    /** One probe: how to build it, where its checksum is, which counter a bad one bumps, what answers it. */
    enum Probe {
        ICMP_ECHO("IcmpInCsumErrors", ETHERNET + IPV4 + IcmpHeader.CHECKSUM_OFFSET,
                d -> d.has(Layer.ICMP) && d.icmp().kind() == IcmpMessageKind.ECHO_REPLY
                        && d.icmp().echo().identifier() == ID),
        IPV4_HEADER("IpExtInCsumErrors", ETHERNET + Ipv4.HEADER_CHECKSUM_OFFSET,
                d -> d.has(Layer.ICMP) && d.icmp().kind() == IcmpMessageKind.ECHO_REPLY
                        && d.icmp().echo().identifier() == ID),
        UDP_CLOSED_PORT("UdpInCsumErrors", ETHERNET + IPV4 + UdpV4.CHECKSUM_OFFSET,
                d -> d.has(Layer.ICMP) && d.icmp().kind() == IcmpMessageKind.DESTINATION_UNREACHABLE
                        && d.icmp().code() == 3),
        TCP_SYN_CLOSED_PORT("TcpInCsumErrors", ETHERNET + IPV4 + TcpV4.CHECKSUM_OFFSET,
                d -> d.has(Layer.TCP) && d.tcp().layout().rst() && d.tcp().layout().destinationPort() == OUR_PORT),
        ICMPV6_ECHO("Icmp6InCsumErrors", ETHERNET + IPV6 + Icmpv6Header.CHECKSUM_OFFSET,
                d -> d.has(Layer.ICMPV6) && d.icmpv6().message() == Icmpv6Message.ECHO_REPLY
                        && d.icmpv6().echo().identifier() == ID),
        UDP6_CLOSED_PORT("Udp6InCsumErrors", ETHERNET + IPV6 + UdpV6.CHECKSUM_OFFSET,
                d -> d.has(Layer.ICMPV6) && d.icmpv6().message() == Icmpv6Message.DESTINATION_UNREACHABLE
                        && d.icmpv6().code() == 4);

        final String counter;
        final int checksumOffset;
        final Predicate<Dissector> answer;

        Probe(String counter, int checksumOffset, Predicate<Dissector> answer) {
            this.counter = counter;
            this.checksumOffset = checksumOffset;
            this.answer = answer;
        }

        byte[] frame() throws Exception {
            boolean v6 = this == ICMPV6_ECHO || this == UDP6_CLOSED_PORT;
            PacketBuilder transport;
            IpProtocol protocol;
            switch (this) {
                case ICMP_ECHO, IPV4_HEADER -> {
                    transport = IcmpMessageBuilder.echoRequest(ID, 1);
                    protocol = IpProtocol.ICMP;
                }
                case UDP_CLOSED_PORT -> {
                    transport = new UdpBuilder().sourcePort(OUR_PORT).destinationPort(CLOSED_PORT)
                            .addresses(US_V4, KERNEL_V4);
                    protocol = IpProtocol.UDP;
                }
                case TCP_SYN_CLOSED_PORT -> {
                    transport = new TcpBuilder().sourcePort(OUR_PORT).destinationPort(CLOSED_PORT)
                            .sequenceNumber(1000).syn(true).window(64240).addresses(US_V4, KERNEL_V4);
                    protocol = IpProtocol.TCP;
                }
                case ICMPV6_ECHO -> {
                    transport = null;
                    protocol = IpProtocol.IPV6_ICMP;
                }
                case UDP6_CLOSED_PORT -> {
                    transport = new UdpBuilder().sourcePort(OUR_PORT).destinationPort(CLOSED_PORT)
                            .addresses(US_V6, KERNEL_V6);
                    protocol = IpProtocol.UDP;
                }
                default -> throw new AssertionError(this);
            }
            byte[] payload = this == TCP_SYN_CLOSED_PORT ? new byte[0] : PAYLOAD;
            Serializer packet;
            if (this == ICMPV6_ECHO) {
                packet = Serializer.of(payload).encapsulate(new EchoBuilder().identifier(ID).sequenceNumber(1))
                        .encapsulate(new Icmpv6HeaderBuilder().type(Icmpv6Type.ECHO_REQUEST).addresses(US_V6, KERNEL_V6));
            } else {
                packet = Serializer.of(payload).encapsulate(transport);
            }
            PacketBuilder ip = v6
                    ? new Ipv6HeaderBuilder().hopLimit(64).nextHeader(protocol).source(US_V6).destination(KERNEL_V6)
                    : new Ipv4Builder().ttl(64).protocol(protocol).identification(7).source(US_V4).destination(KERNEL_V4);
            return packet.encapsulate(ip)
                    .encapsulate(new EthernetBuilder().source(US).destination(KERNEL)
                            .etherType(v6 ? EtherType.IPV6 : EtherType.IPV4))
                    .serialize().toByteArray();
        }
    }

    private Netns ns;
    private TapDevice tap;
    private final byte[] receive = new byte[TapDevice.MAX_FRAME_LENGTH];
    private final Dissector d = new Dissector();

    @BeforeAll
    void start() throws Exception {
        KernelLab.require();
        tap = TapDevice.open(Netns.uniqueName("c"));
        ns = Netns.create("C");
        ns.adopt(tap.name());
        ns.ip("link", "set", tap.name(), "address", KERNEL.toString());
        ns.ip("addr", "add", KERNEL_V4 + "/24", "dev", tap.name());
        ns.ip("addr", "add", KERNEL_V6 + "/64", "dev", tap.name(), "nodad");
        ns.ip("link", "set", tap.name(), "up");
        ns.ip("neigh", "replace", US_V4.toString(), "lladdr", US.toString(), "dev", tap.name(), "nud", "permanent");
        ns.ip("neigh", "replace", US_V6.toString(), "lladdr", US.toString(), "dev", tap.name(), "nud", "permanent");
    }

    @AfterAll
    void stop() {
        try {
            if (tap != null) {
                tap.close();
            }
        } finally {
            if (ns != null) {
                ns.close();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Probe.class)
    void aGoodFrameIsAnsweredAndACorruptedChecksumIsCountedAndIgnored(Probe probe) throws Exception {
        byte[] good = probe.frame();
        Map<String, Long> before = ns.counters();
        tap.send(good, 0, good.length);
        assertThat(answered(probe)).as("the kernel answers the frame Zerowire built for %s", probe).isTrue();
        Map<String, Long> afterGood = ns.counters();
        assertThat(afterGood.get(probe.counter)).as(probe.counter).isEqualTo(before.get(probe.counter));

        byte[] bad = good.clone();
        bad[probe.checksumOffset] ^= 0x5A;   // the checksum field itself, nothing else
        tap.send(bad, 0, bad.length);
        assertThat(answered(probe)).as("the kernel answers a corrupted %s", probe).isFalse();
        Map<String, Long> afterBad = ns.counters();
        assertThat(afterBad.get(probe.counter) - afterGood.get(probe.counter)).as(probe.counter).isEqualTo(1);
    }

    /** Whether an answer to {@code probe} arrives within {@link #QUIET}. */
    private boolean answered(Probe probe) throws Exception {
        long deadline = System.nanoTime() + QUIET.toNanos();
        while (System.nanoTime() < deadline) {
            int length = tap.receive(receive, 50);
            if (length > 0 && probe.answer.test(d.dissect(Framing.ETHERNET, PacketBuffer.wrap(receive, 0, length)))) {
                return true;
            }
        }
        return false;
    }
}
