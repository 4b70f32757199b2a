package io.zerowire.tap.forward;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.Bytes;
import io.zerowire.tap.link.AddressClass;
import io.zerowire.tap.link.InterfaceAddress;
import io.zerowire.tap.device.FrameHandler;
import io.zerowire.tap.testing.CapturingSink;
import io.zerowire.protocols.testing.Frames;
import io.zerowire.tap.testing.Requests;
import io.zerowire.ip.IpAddress;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.link.MacAddress;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ipv6.Ipv6HeaderBuilder;
import io.zerowire.protocols.udp.UdpBuilder;
import io.zerowire.serialize.Serializer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the forwarder never routes (RFC 1812 section 5.3.7, RFC 4291): datagrams with a martian source
 * or destination are dropped silently, counted under their address class, and draw no ICMP error;
 * and an IPv6 packet goes out as long as its payload length says, as Linux trims it.
 */
class ForwarderMartianTest {
    private static final MacAddress MAC_A = MacAddress.parse("02:00:5e:10:01:fe");
    private static final MacAddress MAC_B = MacAddress.parse("02:00:5e:10:02:fe");
    private static final MacAddress HOST_A = MacAddress.parse("02:00:5e:10:01:01");
    private static final MacAddress HOST_B = MacAddress.parse("02:00:5e:10:02:01");
    private static final Ipv4Address HOST_A_V4 = Ipv4Address.parse("10.1.0.1");
    private static final Ipv4Address HOST_B_V4 = Ipv4Address.parse("10.2.0.1");
    private static final Ipv4Address ROUTER_A_V4 = Ipv4Address.parse("10.1.0.254");
    private static final Ipv6Address HOST_A_V6 = Ipv6Address.parse("fd01::1");
    private static final Ipv6Address HOST_B_V6 = Ipv6Address.parse("fd02::1");
    private static final Ipv6Address ROUTER_A_V6 = Ipv6Address.parse("fd01::fe");

    static final Map<String, AddressClass> MARTIAN_IPV4_SOURCES = Map.of(
            "0.0.0.0", AddressClass.UNSPECIFIED,
            "0.1.2.3", AddressClass.THIS_NETWORK,
            "127.0.0.1", AddressClass.LOOPBACK,
            "224.0.0.1", AddressClass.MULTICAST,
            "240.0.0.1", AddressClass.RESERVED,
            "255.255.255.255", AddressClass.LIMITED_BROADCAST,
            "10.1.0.255", AddressClass.DIRECTED_BROADCAST,
            "10.2.0.255", AddressClass.DIRECTED_BROADCAST);
    static final Map<String, AddressClass> MARTIAN_IPV6_SOURCES = Map.of(
            "::", AddressClass.UNSPECIFIED,
            "::1", AddressClass.LOOPBACK,
            "ff02::1", AddressClass.MULTICAST,
            "ff0e::1", AddressClass.MULTICAST,
            "::ffff:10.1.0.1", AddressClass.IPV4_MAPPED);
    static final Map<String, AddressClass> MARTIAN_IPV4_DESTINATIONS = Map.of(
            "0.0.0.0", AddressClass.UNSPECIFIED,
            "0.1.2.3", AddressClass.THIS_NETWORK,
            "127.0.0.1", AddressClass.LOOPBACK,
            "240.0.0.1", AddressClass.RESERVED);
    static final Map<String, AddressClass> MARTIAN_IPV6_DESTINATIONS = Map.of(
            "::", AddressClass.UNSPECIFIED,
            "::1", AddressClass.LOOPBACK,
            "::ffff:10.2.0.1", AddressClass.IPV4_MAPPED);

    private final CapturingSink a = new CapturingSink();
    private final CapturingSink b = new CapturingSink();
    private Forwarder forwarder;
    private FrameHandler fromA;

    @BeforeEach
    void start() throws Exception {
        forwarder = new Forwarder(List.of(
                new Forwarder.PortConfig(MAC_A, InterfaceAddress.parseIpv4("10.1.0.254/24"),
                        InterfaceAddress.parseIpv6("fd01::fe/64"), 1500),
                new Forwarder.PortConfig(MAC_B, InterfaceAddress.parseIpv4("10.2.0.254/24"),
                        InterfaceAddress.parseIpv6("fd02::fe/64"), 1500)),
                List.of(a, b));
        fromA = forwarder.receiver(0);
        // The next hops are known: a datagram that is not dropped goes out at once.
        FrameHandler fromB = forwarder.receiver(1);
        fromB.onFrame(CapturingSink.received(Requests.arpRequest(HOST_B, HOST_B_V4, Ipv4Address.parse("10.2.0.254"))));
        learnIpv6(fromB);
        a.take();
        b.take();
    }

    private static void learnIpv6(FrameHandler fromB) throws Exception {
        Ipv6Address group = Ipv6Address.parse("fd02::fe").toSolicitedNodeMulticast();
        fromB.onFrame(CapturingSink.received(Frames.ipv6(Serializer.of(
                new io.zerowire.protocols.icmpv6.ndp.NdpOptionsBuilder().sourceLinkLayerAddress(HOST_B))
                .encapsulate(new io.zerowire.protocols.icmpv6.ndp.NeighborSolicitationBuilder()
                        .target(Ipv6Address.parse("fd02::fe")))
                .encapsulate(new io.zerowire.protocols.icmpv6.Icmpv6HeaderBuilder()
                        .type(io.zerowire.protocols.icmpv6.Icmpv6Type.NEIGHBOR_SOLICITATION).addresses(HOST_B_V6, group)),
                IpProtocol.IPV6_ICMP, HOST_B_V6, group, 255, HOST_B, MacAddress.forIpv6Multicast(group))));
    }

    private void send(byte[] frame) throws Exception {
        fromA.onFrame(CapturingSink.received(frame));
    }

    @Test
    void datagramsFromMartianSourcesAreNeitherForwardedNorAnswered() throws Exception {
        long replies = forwarder.replies().total();   // the answers to host B's solicitations
        for (Requests.Kind kind : Requests.Kind.values()) {
            send(Requests.of(kind, HOST_A_V4, HOST_B_V4, HOST_A, MAC_A));
            send(Requests.of(kind, HOST_A_V6, HOST_B_V6, HOST_A, MAC_A));
            assertThat(b.take()).as("%s from host A's unicast addresses", kind).hasSize(2);
            dropsAll(kind, MARTIAN_IPV4_SOURCES, Ipv4Address::parse, HOST_B_V4, ROUTER_A_V4);
            dropsAll(kind, MARTIAN_IPV6_SOURCES, Ipv6Address::parse, HOST_B_V6, ROUTER_A_V6);
        }
        long expected = 2L * Requests.Kind.values().length * (MARTIAN_IPV4_SOURCES.size() + MARTIAN_IPV6_SOURCES.size());
        assertThat(forwarder.drops().martianSources()).isEqualTo(expected);
        assertThat(forwarder.replies().total()).as("no ICMP error, no echo reply").isEqualTo(replies);
    }

    /** From each source, to a host behind the router and to the router itself: nothing out of either port. */
    private <A extends IpAddress<?>> void dropsAll(Requests.Kind kind, Map<String, AddressClass> sources,
            java.util.function.Function<String, A> parse, A host, A router) throws Exception {
        for (Map.Entry<String, AddressClass> source : sources.entrySet()) {
            for (A destination : List.of(host, router)) {
                long before = forwarder.drops().martianSources(source.getValue());
                send(Requests.of(kind, parse.apply(source.getKey()), destination, HOST_A, MAC_A));
                assertThat(b.take()).as("%s from %s to %s, forwarded", kind, source.getKey(), destination).isEmpty();
                assertThat(a.take()).as("%s from %s to %s, answered", kind, source.getKey(), destination).isEmpty();
                assertThat(forwarder.drops().martianSources(source.getValue())).isEqualTo(before + 1);
            }
        }
    }

    @Test
    void datagramsToMartianDestinationsAreDroppedWithoutAnError() throws Exception {
        for (Map.Entry<String, AddressClass> to : MARTIAN_IPV4_DESTINATIONS.entrySet()) {
            send(Requests.of(Requests.Kind.UDP_OTHER_PORT, HOST_A_V4, Ipv4Address.parse(to.getKey()), HOST_A, MAC_A));
            assertThat(forwarder.drops().martianDestinations(to.getValue())).as(to.getKey()).isPositive();
        }
        for (Map.Entry<String, AddressClass> to : MARTIAN_IPV6_DESTINATIONS.entrySet()) {
            send(Requests.of(Requests.Kind.UDP_OTHER_PORT, HOST_A_V6, Ipv6Address.parse(to.getKey()), HOST_A, MAC_A));
            assertThat(forwarder.drops().martianDestinations(to.getValue())).as(to.getKey()).isPositive();
        }
        assertThat(forwarder.drops().martianDestinations())
                .isEqualTo(MARTIAN_IPV4_DESTINATIONS.size() + MARTIAN_IPV6_DESTINATIONS.size());
        assertThat(a.take()).as("no net unreachable, no time exceeded").isEmpty();
        assertThat(b.take()).isEmpty();
    }

    @Test
    void bytesPastTheIpv6PayloadLengthAreNotForwarded() throws Exception {
        byte[] packet = Requests.of(Requests.Kind.UDP_ECHO, HOST_A_V6, HOST_B_V6, HOST_A, MAC_A);
        byte[] longer = Arrays.copyOf(packet, packet.length + 100);
        Arrays.fill(longer, packet.length, longer.length, (byte) 0xEE);
        send(longer);
        List<CapturingSink.Sent> sent = b.take();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).bytes()).hasSize(packet.length);

        // Payload length 0 without a Hop-by-Hop header: an empty payload, the 40-byte packet forwarded.
        byte[] empty = longer.clone();
        Bytes.putU16(empty, 14 + 4, 0);
        send(empty);
        sent = b.take();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).bytes()).hasSize(14 + 40);
    }

    @Test
    void payloadLengthZeroWithoutAJumboPayloadOptionIsDropped() throws Exception {
        // RFC 2675 section 3: a Hop-by-Hop header, payload length 0 and no Jumbo Payload option.
        byte[] hopByHop = {17, 0, 1, 4, 0, 0, 0, 0};   // next header UDP, PadN of 4
        byte[] udp = Serializer.of(Frames.payload(32)).encapsulate(new UdpBuilder().sourcePort(40000).destinationPort(9)
                .addresses(HOST_A_V6, HOST_B_V6)).serialize().toByteArray();
        byte[] payload = new byte[hopByHop.length + udp.length];
        System.arraycopy(hopByHop, 0, payload, 0, hopByHop.length);
        System.arraycopy(udp, 0, payload, hopByHop.length, udp.length);
        byte[] frame = Frames.ethernet(Serializer.of(payload).encapsulate(new Ipv6HeaderBuilder().hopLimit(64)
                .nextHeader(IpProtocol.of(0)).source(HOST_A_V6).destination(HOST_B_V6)),
                io.zerowire.protocols.ethernet.EtherType.IPV6, HOST_A, MAC_A);
        send(frame);
        assertThat(b.take()).as("the well-formed packet").hasSize(1);
        long malformed = forwarder.drops().malformedFrames();
        Bytes.putU16(frame, 14 + 4, 0);
        send(frame);
        assertThat(b.take()).isEmpty();
        assertThat(forwarder.drops().malformedFrames()).isEqualTo(malformed + 1);
    }
}
