package io.zerowire.tap.respond;

import static io.zerowire.tap.respond.TestLink.PEER;
import static io.zerowire.tap.respond.TestLink.PEER_V4;
import static io.zerowire.tap.respond.TestLink.PEER_V6;
import static io.zerowire.tap.respond.TestLink.US;
import static io.zerowire.tap.respond.TestLink.US_V4;
import static io.zerowire.tap.respond.TestLink.US_V6;
import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.tap.link.AddressClass;
import io.zerowire.tap.testing.CapturingSink;
import io.zerowire.protocols.testing.Frames;
import io.zerowire.tap.testing.Requests;
import io.zerowire.ip.IpAddress;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.link.MacAddress;
import io.zerowire.protocols.arp.ArpOperation;
import io.zerowire.protocols.framing.Framing;
import io.zerowire.protocols.icmpv6.Icmpv6HeaderBuilder;
import io.zerowire.protocols.icmpv6.Icmpv6Message;
import io.zerowire.protocols.icmpv6.Icmpv6Type;
import io.zerowire.protocols.icmpv6.ndp.NdpOptionsBuilder;
import io.zerowire.protocols.icmpv6.ndp.NeighborSolicitationBuilder;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.stack.Dissector;
import io.zerowire.serialize.Serializer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The responder answers unicast sources only (RFC 1122 sections 3.2.1.3 and 4.2.3.10, RFC 4291):
 * every request, from every address class that is not unicast, is dropped unanswered and counted
 * under its class, while the same request from the peer's unicast address is answered.
 */
class ResponderSourceAddressTest {

    /** A source of every class that is not unicast, with the class it must be counted under. */
    static final Map<String, AddressClass> MARTIAN_IPV4 = Map.of(
            "255.255.255.255", AddressClass.LIMITED_BROADCAST,
            "10.0.0.255", AddressClass.DIRECTED_BROADCAST,
            "224.0.0.1", AddressClass.MULTICAST,
            "224.0.0.9", AddressClass.MULTICAST,
            "0.0.0.0", AddressClass.UNSPECIFIED,
            "0.1.2.3", AddressClass.THIS_NETWORK,
            "127.0.0.1", AddressClass.LOOPBACK,
            "240.0.0.1", AddressClass.RESERVED);
    static final Map<String, AddressClass> MARTIAN_IPV6 = Map.of(
            "ff02::1", AddressClass.MULTICAST,
            "ff0e::1", AddressClass.MULTICAST,
            "::", AddressClass.UNSPECIFIED,
            "::1", AddressClass.LOOPBACK,
            "::ffff:10.0.0.1", AddressClass.IPV4_MAPPED);

    private final CapturingSink sink = new CapturingSink();
    private final Responder responder = TestLink.responder(sink, 1500);

    private List<CapturingSink.Sent> answer(byte[] frame) throws Exception {
        responder.onFrame(CapturingSink.received(frame));
        return sink.take();
    }

    @Test
    void noRequestFromASourceThatIsNotUnicastIsAnswered() throws Exception {
        long expected = 0;
        for (Requests.Kind kind : Requests.Kind.values()) {
            assertThat(answer(Requests.of(kind, PEER_V4, US_V4, PEER, US))).as("%s from the peer", kind).hasSize(1);
            assertThat(answer(Requests.of(kind, PEER_V6, US_V6, PEER, US))).as("%s from the peer", kind).hasSize(1);
            expected += dropsAll(kind, MARTIAN_IPV4, Ipv4Address::parse, US_V4);
            expected += dropsAll(kind, MARTIAN_IPV6, Ipv6Address::parse, US_V6);
        }
        assertThat(responder.drops().martianSources()).isEqualTo(expected);
        assertThat(responder.drops().martianSources(AddressClass.UNICAST)).isZero();
        assertThat(responder.drops().toString()).contains("martian source " + expected + " (unspecified ");
    }

    private <A extends IpAddress<?>> long dropsAll(Requests.Kind kind, Map<String, AddressClass> sources,
            java.util.function.Function<String, A> parse, A us) throws Exception {
        for (Map.Entry<String, AddressClass> source : sources.entrySet()) {
            long before = responder.drops().martianSources(source.getValue());
            assertThat(answer(Requests.of(kind, parse.apply(source.getKey()), us, PEER, US)))
                    .as("%s from %s", kind, source.getKey()).isEmpty();
            assertThat(responder.drops().martianSources(source.getValue())).as("counted as %s", source.getValue())
                    .isEqualTo(before + 1);
        }
        return sources.size();
    }

    @Test
    void anArpRequestFromASenderThatIsNotUnicastIsNotAnswered() throws Exception {
        for (Map.Entry<String, AddressClass> sender : MARTIAN_IPV4.entrySet()) {
            if (sender.getValue() == AddressClass.UNSPECIFIED) {
                continue;   // an ARP probe: below
            }
            assertThat(answer(Requests.arpRequest(PEER, Ipv4Address.parse(sender.getKey()), US_V4)))
                    .as("ARP request from %s", sender.getKey()).isEmpty();
        }
        assertThat(responder.drops().martianSources()).isEqualTo(MARTIAN_IPV4.size() - 1);
        assertThat(answer(Requests.arpRequest(PEER, PEER_V4, US_V4))).hasSize(1);
    }

    @Test
    void anArpProbeForOurAddressIsAnsweredAsLinuxAnswersIt() throws Exception {
        // RFC 5227 section 2.1.1: the prober learns that the address is taken from a packet whose
        // sender is that address; Linux's arp_process answers a probe for a local address so.
        List<CapturingSink.Sent> sent = answer(Requests.arpRequest(PEER, Ipv4Address.of(0), US_V4));
        assertThat(sent).hasSize(1);
        Dissector reply = new Dissector();
        reply.dissect(Framing.ETHERNET, sent.get(0).buffer());
        assertThat(reply.arp().operation()).isEqualTo(ArpOperation.REPLY);
        assertThat(reply.arp().senderProtocolAddress()).isEqualTo(US_V4);
        assertThat(reply.arp().targetHardwareAddress()).isEqualTo(PEER);
        assertThat(reply.ethernet().destination()).isEqualTo(PEER);
        assertThat(responder.drops().martianSources()).isZero();
    }

    @Test
    void duplicateAddressDetectionFromTheUnspecifiedAddressIsStillAnsweredToAllNodes() throws Exception {
        Ipv6Address group = US_V6.toSolicitedNodeMulticast();
        byte[] dad = Frames.ipv6(Serializer.of(new byte[0]).encapsulate(new NeighborSolicitationBuilder().target(US_V6))
                .encapsulate(new Icmpv6HeaderBuilder().type(Icmpv6Type.NEIGHBOR_SOLICITATION)
                        .addresses(Ipv6.UNSPECIFIED, group)),
                IpProtocol.IPV6_ICMP, Ipv6.UNSPECIFIED, group, 255, PEER, MacAddress.forIpv6Multicast(group));
        List<CapturingSink.Sent> sent = answer(dad);
        assertThat(sent).hasSize(1);
        Dissector reply = new Dissector();
        reply.dissect(Framing.ETHERNET, sent.get(0).buffer());
        assertThat(reply.icmpv6().message()).isEqualTo(Icmpv6Message.NEIGHBOR_ADVERTISEMENT);
        assertThat(reply.ipv6().destination()).isEqualTo(Ipv6.ALL_NODES_LINK_LOCAL_MULTICAST);
        assertThat(reply.icmpv6().neighborAdvertisement().solicited()).isFalse();

        // The same solicitation from a multicast source is not.
        Ipv6Address multicast = Ipv6Address.parse("ff02::1");
        assertThat(answer(Frames.ipv6(Serializer.of(new NdpOptionsBuilder().sourceLinkLayerAddress(PEER))
                .encapsulate(new NeighborSolicitationBuilder().target(US_V6))
                .encapsulate(new Icmpv6HeaderBuilder().type(Icmpv6Type.NEIGHBOR_SOLICITATION).addresses(multicast, group)),
                IpProtocol.IPV6_ICMP, multicast, group, 255, PEER, MacAddress.forIpv6Multicast(group)))).isEmpty();
        assertThat(responder.drops().martianSources(AddressClass.MULTICAST)).isEqualTo(1);
    }
}
