package io.zerowire.protocols.icmpv6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv6;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.link.MacAddress;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.icmpv6.ndp.NdpOptions;
import io.zerowire.protocols.icmpv6.ndp.NdpOptionsBuilder;
import io.zerowire.protocols.icmpv6.ndp.NeighborAdvertisementBuilder;
import io.zerowire.protocols.icmpv6.ndp.NeighborSolicitationBuilder;
import io.zerowire.protocols.icmpv6.ndp.RecursiveDnsServerBuilder;
import io.zerowire.protocols.icmpv6.ndp.RedirectBuilder;
import io.zerowire.protocols.icmpv6.ndp.RouteInformationBuilder;
import io.zerowire.protocols.icmpv6.ndp.RoutePreference;
import io.zerowire.protocols.icmpv6.ndp.RouterAdvertisementBuilder;
import io.zerowire.protocols.icmpv6.ndp.RouterSolicitationBuilder;
import io.zerowire.serialize.InnerPacketBuilder;
import io.zerowire.serialize.PacketBuilder;
import io.zerowire.serialize.Serializer;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class NdpTest {
    static final Ipv6Address LINK_LOCAL = Ipv6Address.parse("fe80::1");
    static final Ipv6Address GLOBAL = Ipv6Address.parse("2001:db8::1");
    static final Ipv6Address TARGET = Ipv6Address.parse("fe80::2");
    static final MacAddress MAC = MacAddress.parse("02:00:00:00:00:01");

    static byte[] build(InnerPacketBuilder options, PacketBuilder message, Icmpv6Type type, int code,
            Ipv6Address source, Ipv6Address destination) throws Exception {
        return Serializer.of(options).encapsulate(message).encapsulate(new Icmpv6HeaderBuilder().type(type).code(code)
                .addresses(source, destination)).serialize().toByteArray();
    }

    static Icmpv6Packet parse(byte[] bytes, Ipv6Address source, Ipv6Address destination) throws ParseException {
        return Icmpv6Packet.parse(PacketBuffer.wrap(bytes), source, destination);
    }

    static ParseException ndpFailure(byte[] bytes, Ipv6Address source, Ipv6Address destination, int hopLimit)
            throws ParseException {
        Icmpv6Packet packet = parse(bytes, source, destination);
        try {
            packet.checkNdp(hopLimit);
        } catch (ParseException e) {
            assertThat(e.kind()).isEqualTo(ParseErrorKind.MALFORMED);
            assertThat(e.layer()).isEqualTo("ndp");
            return e;
        }
        throw new AssertionError("passed the NDP checks");
    }

    /** A router solicitation whose options region is {@code options}, with a correct checksum. */
    static byte[] solicitationWithOptions(String optionsHex) throws Exception {
        byte[] raw = HexFormat.of().parseHex(optionsHex);
        return build(InnerPacketBuilder.of(raw), new RouterSolicitationBuilder(), Icmpv6Type.ROUTER_SOLICITATION, 0,
                LINK_LOCAL, Ipv6.ALL_ROUTERS_LINK_LOCAL_MULTICAST);
    }

    @Test
    void zeroLengthOptionIsMalformed() throws Exception {
        byte[] bytes = solicitationWithOptions("0101020000000001" + "0700000000000000");
        PacketBuffer buffer = PacketBuffer.wrap(bytes);
        assertThatThrownBy(() -> Icmpv6Packet.parse(buffer, LINK_LOCAL, Ipv6.ALL_ROUTERS_LINK_LOCAL_MULTICAST))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ParseErrorKind.MALFORMED);
                    assertThat(e.layer()).isEqualTo("ndp");
                    assertThat(e.field()).isEqualTo("options");
                    assertThat(e.offset()).isEqualTo(16); // 8 bytes of header and fields, then the first option
                });
        assertThat(buffer.bodyStart()).isZero();
    }

    @Test
    void optionRunningPastTheEndIsMalformed() throws Exception {
        byte[] bytes = solicitationWithOptions("0102020000000001");
        assertThatThrownBy(() -> parse(bytes, LINK_LOCAL, Ipv6.ALL_ROUTERS_LINK_LOCAL_MULTICAST))
                .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.field()).isEqualTo("options"));
        byte[] cut = solicitationWithOptions("0101020000");
        assertThatThrownBy(() -> parse(cut, LINK_LOCAL, Ipv6.ALL_ROUTERS_LINK_LOCAL_MULTICAST))
                .isInstanceOf(ParseException.class);
    }

    @Test
    void unknownAndOddlyShapedOptionsAreSkippedByLength() throws Exception {
        // An unknown type 200 of 16 bytes, a prefix information of length 1, a route information whose
        // length does not fit its /80 prefix, an RDNSS of even length, then a link-layer address.
        byte[] bytes = solicitationWithOptions("c802" + "00".repeat(14) + "0301" + "00".repeat(6)
                + "1802" + "50000000000a" + "2001db8000000000" + "1904" + "00".repeat(30) + "0101020000000001");
        NdpOptions options = parse(bytes, LINK_LOCAL, Ipv6.ALL_ROUTERS_LINK_LOCAL_MULTICAST).ndpOptions();
        assertThat(options.count()).isEqualTo(5);
        assertThat(options.next()).isTrue();
        assertThat(options.type()).isEqualTo(200);
        assertThat(options.length()).isEqualTo(16);
        assertThat(options.next()).isTrue();
        assertThat(options.prefixInformation()).isNull();
        assertThat(options.next()).isTrue();
        assertThat(options.routeInformation()).isNull();
        assertThat(options.routePrefix()).isNull();
        assertThat(options.next()).isTrue();
        assertThat(options.recursiveDnsServer()).isNull();
        assertThat(options.dnsServerCount()).isZero();
        assertThat(options.next()).isTrue();
        assertThat(options.linkLayerAddress().address()).isEqualTo(MAC);
        assertThat(options.next()).isFalse();
        assertThat(options.find(NdpOptions.SOURCE_LINK_LAYER_ADDRESS)).isTrue();
        assertThat(options.find(NdpOptions.MTU)).isFalse();
    }

    @Test
    void builderWritesTheRfcBytes() throws Exception {
        NdpOptionsBuilder options = new NdpOptionsBuilder()
                .sourceLinkLayerAddress(MAC)
                .mtu(1500)
                .routeInformation(48, RoutePreference.HIGH, 7200, Ipv6Address.parse("2001:db8:1::"))
                .recursiveDnsServers(new RecursiveDnsServerBuilder().lifetime(1800), List.of(Ipv6Address.parse("2001:db8::53")))
                .nonce(HexFormat.of().parseHex("010203040506"))
                .add(31, new byte[] {1, 2, 3});
        byte[] region = new byte[options.bytesLength()];
        options.writeBytes(region, 0);
        assertThat(HexFormat.of().formatHex(region)).isEqualTo(
                "0101020000000001"                                  // SLLA, length 1 (RFC 4861 4.6.1)
                + "05010000000005dc"                                  // MTU, length 1 (4.6.4)
                + "1802" + "30" + "08" + "00001c20" + "20010db800010000" // route /48 high, lifetime 7200, 8 bytes (RFC 4191 2.3)
                + "1903" + "0000" + "00000708" + "20010db8000000000000000000000053" // RDNSS (RFC 8106 5.1)
                + "0e01010203040506"                                  // nonce (RFC 3971 5.3.2)
                + "1f01010203000000");                                // raw DNSSL, zero-padded
        assertThatThrownBy(() -> new NdpOptionsBuilder().nonce(new byte[7])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NdpOptionsBuilder().recursiveDnsServers(new RecursiveDnsServerBuilder(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NdpOptionsBuilder().routeInformation(new RouteInformationBuilder(), GLOBAL, 4))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NdpOptionsBuilder().routeInformation(129, RoutePreference.LOW, 0, GLOBAL))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void validNdpMessagesPassTheChecks() throws Exception {
        NdpOptionsBuilder lla = new NdpOptionsBuilder().sourceLinkLayerAddress(MAC);
        parse(build(lla, new RouterSolicitationBuilder(), Icmpv6Type.ROUTER_SOLICITATION, 0, LINK_LOCAL,
                Ipv6.ALL_ROUTERS_LINK_LOCAL_MULTICAST), LINK_LOCAL, Ipv6.ALL_ROUTERS_LINK_LOCAL_MULTICAST).checkNdp(255);
        parse(build(lla, new RouterAdvertisementBuilder(), Icmpv6Type.ROUTER_ADVERTISEMENT, 0, LINK_LOCAL,
                Ipv6.ALL_NODES_LINK_LOCAL_MULTICAST), LINK_LOCAL, Ipv6.ALL_NODES_LINK_LOCAL_MULTICAST).checkNdp(255);
        // Duplicate address detection: from :: to the solicited-node group, without a link-layer address.
        Ipv6Address solicited = TARGET.toSolicitedNodeMulticast();
        parse(build(new NdpOptionsBuilder(), new NeighborSolicitationBuilder().target(TARGET),
                Icmpv6Type.NEIGHBOR_SOLICITATION, 0, Ipv6.UNSPECIFIED, solicited), Ipv6.UNSPECIFIED, solicited)
                .checkNdp(255);
        parse(build(new NdpOptionsBuilder(), new NeighborAdvertisementBuilder().override(true).target(TARGET),
                Icmpv6Type.NEIGHBOR_ADVERTISEMENT, 0, LINK_LOCAL, Ipv6.ALL_NODES_LINK_LOCAL_MULTICAST), LINK_LOCAL,
                Ipv6.ALL_NODES_LINK_LOCAL_MULTICAST).checkNdp(255);
        parse(build(new NdpOptionsBuilder(), new RedirectBuilder().target(TARGET).destination(GLOBAL),
                Icmpv6Type.REDIRECT, 0, LINK_LOCAL, GLOBAL), LINK_LOCAL, GLOBAL).checkNdp(255);
        // On-link destination: the target is the destination itself.
        parse(build(new NdpOptionsBuilder(), new RedirectBuilder().target(GLOBAL).destination(GLOBAL),
                Icmpv6Type.REDIRECT, 0, LINK_LOCAL, GLOBAL), LINK_LOCAL, GLOBAL).checkNdp(255);
    }

    @Test
    void invalidNdpMessagesFailTheChecks() throws Exception {
        NdpOptionsBuilder lla = new NdpOptionsBuilder().sourceLinkLayerAddress(MAC);
        NdpOptionsBuilder none = new NdpOptionsBuilder();
        Ipv6Address allNodes = Ipv6.ALL_NODES_LINK_LOCAL_MULTICAST;
        byte[] rs = build(lla, new RouterSolicitationBuilder(), Icmpv6Type.ROUTER_SOLICITATION, 0, LINK_LOCAL, allNodes);
        assertThat(ndpFailure(rs, LINK_LOCAL, allNodes, 254).field()).isEqualTo("hopLimit");
        byte[] code = build(lla, new RouterSolicitationBuilder(), Icmpv6Type.ROUTER_SOLICITATION, 1, LINK_LOCAL, allNodes);
        assertThat(ndpFailure(code, LINK_LOCAL, allNodes, 255).field()).isEqualTo("code");
        assertThat(ndpFailure(code, LINK_LOCAL, allNodes, 255).offset()).isEqualTo(1);
        byte[] rsFromNowhere = build(lla, new RouterSolicitationBuilder(), Icmpv6Type.ROUTER_SOLICITATION, 0,
                Ipv6.UNSPECIFIED, allNodes);
        ParseException options = ndpFailure(rsFromNowhere, Ipv6.UNSPECIFIED, allNodes, 255);
        assertThat(options.field()).isEqualTo("options");
        assertThat(options.offset()).isEqualTo(8);
        byte[] ra = build(none, new RouterAdvertisementBuilder(), Icmpv6Type.ROUTER_ADVERTISEMENT, 0, GLOBAL, allNodes);
        assertThat(ndpFailure(ra, GLOBAL, allNodes, 255).field()).isEqualTo("source");
        byte[] nsMulticast = build(none, new NeighborSolicitationBuilder().target(allNodes),
                Icmpv6Type.NEIGHBOR_SOLICITATION, 0, LINK_LOCAL, allNodes);
        ParseException target = ndpFailure(nsMulticast, LINK_LOCAL, allNodes, 255);
        assertThat(target.field()).isEqualTo("target");
        assertThat(target.offset()).isEqualTo(8);
        byte[] dadToAllNodes = build(none, new NeighborSolicitationBuilder().target(TARGET),
                Icmpv6Type.NEIGHBOR_SOLICITATION, 0, Ipv6.UNSPECIFIED, allNodes);
        assertThat(ndpFailure(dadToAllNodes, Ipv6.UNSPECIFIED, allNodes, 255).field()).isEqualTo("destination");
        Ipv6Address solicited = TARGET.toSolicitedNodeMulticast();
        byte[] dadWithLla = build(lla, new NeighborSolicitationBuilder().target(TARGET),
                Icmpv6Type.NEIGHBOR_SOLICITATION, 0, Ipv6.UNSPECIFIED, solicited);
        assertThat(ndpFailure(dadWithLla, Ipv6.UNSPECIFIED, solicited, 255).field()).isEqualTo("options");
        byte[] naSolicitedToAll = build(none, new NeighborAdvertisementBuilder().solicited(true).target(TARGET),
                Icmpv6Type.NEIGHBOR_ADVERTISEMENT, 0, LINK_LOCAL, allNodes);
        assertThat(ndpFailure(naSolicitedToAll, LINK_LOCAL, allNodes, 255).field()).isEqualTo("solicited");
        byte[] naMulticast = build(none, new NeighborAdvertisementBuilder().target(allNodes),
                Icmpv6Type.NEIGHBOR_ADVERTISEMENT, 0, LINK_LOCAL, TARGET);
        assertThat(ndpFailure(naMulticast, LINK_LOCAL, TARGET, 255).field()).isEqualTo("target");
        byte[] redirectFromGlobal = build(none, new RedirectBuilder().target(TARGET).destination(GLOBAL),
                Icmpv6Type.REDIRECT, 0, GLOBAL, TARGET);
        assertThat(ndpFailure(redirectFromGlobal, GLOBAL, TARGET, 255).field()).isEqualTo("source");
        byte[] redirectToMulticast = build(none, new RedirectBuilder().target(TARGET).destination(allNodes),
                Icmpv6Type.REDIRECT, 0, LINK_LOCAL, TARGET);
        assertThat(ndpFailure(redirectToMulticast, LINK_LOCAL, TARGET, 255).field()).isEqualTo("destination");
        byte[] redirectToGlobalRouter = build(none, new RedirectBuilder().target(GLOBAL)
                .destination(Ipv6Address.parse("2001:db8::77")), Icmpv6Type.REDIRECT, 0, LINK_LOCAL, TARGET);
        assertThat(ndpFailure(redirectToGlobalRouter, LINK_LOCAL, TARGET, 255).field()).isEqualTo("target");
        byte[] echo = Icmpv6PacketTest.echo(128, 1, 1, new byte[0]);
        assertThatThrownBy(() -> parse(echo, Icmpv6PacketTest.SOURCE, Icmpv6PacketTest.DESTINATION).checkNdp(255))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void redirectedHeaderCarriesTheRedirectedPacket() throws Exception {
        byte[] original = new byte[45];
        for (int i = 0; i < original.length; i++) {
            original[i] = (byte) (i + 1);
        }
        byte[] bytes = build(new NdpOptionsBuilder().targetLinkLayerAddress(MAC).redirectedHeader(original, 0, 45),
                new RedirectBuilder().target(TARGET).destination(GLOBAL), Icmpv6Type.REDIRECT, 0, LINK_LOCAL, GLOBAL);
        NdpOptions options = parse(bytes, LINK_LOCAL, GLOBAL).ndpOptions();
        assertThat(options.find(NdpOptions.REDIRECTED_HEADER)).isTrue();
        assertThat(options.lengthUnits()).isEqualTo(7); // 2 + 6 + 45 = 53, padded to 56
        assertThat(options.redirectedPacketLength()).isEqualTo(48);
        assertThat(java.util.Arrays.copyOfRange(bytes, options.redirectedPacketOffset(),
                options.redirectedPacketOffset() + 45)).isEqualTo(original);
        assertThat(options.find(NdpOptions.TARGET_LINK_LAYER_ADDRESS)).isTrue();
        assertThat(options.linkLayerAddress().address()).isEqualTo(MAC);
        assertThat(options.redirectedPacketOffset()).isEqualTo(-1);
    }

    @Test
    void routePreferenceIsTwoBits() {
        assertThat(RoutePreference.of(1)).isSameAs(RoutePreference.HIGH);
        assertThat(RoutePreference.of(3)).isSameAs(RoutePreference.LOW);
        assertThat(RoutePreference.of(0)).isSameAs(RoutePreference.MEDIUM);
        assertThat(RoutePreference.RESERVED.value()).isEqualTo(2);
        assertThatThrownBy(() -> RoutePreference.of(4)).isInstanceOf(IllegalArgumentException.class);
    }
}
