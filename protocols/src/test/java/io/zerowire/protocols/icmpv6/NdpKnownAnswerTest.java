package io.zerowire.protocols.icmpv6;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv6;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.link.MacAddress;
import io.zerowire.protocols.icmpv6.ndp.NdpOptions;
import io.zerowire.protocols.icmpv6.ndp.NdpOptionsBuilder;
import io.zerowire.protocols.icmpv6.ndp.NeighborAdvertisementBuilder;
import io.zerowire.protocols.icmpv6.ndp.NeighborSolicitationBuilder;
import io.zerowire.protocols.icmpv6.ndp.PrefixInformation;
import io.zerowire.protocols.icmpv6.ndp.PrefixInformationBuilder;
import io.zerowire.protocols.icmpv6.ndp.RouterAdvertisement;
import io.zerowire.protocols.icmpv6.ndp.RouterAdvertisementBuilder;
import io.zerowire.serialize.Serializer;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Known answers from outside: three IPv6 packets captured from live traffic and published, with
 * the values they hold, as the test data of Fuchsia netstack3's ICMP parser
 * ({@code src/connectivity/network/netstack3/core/src/wire/icmp/testdata.rs}). (RFC 4443, 4861 and
 * 3810 give no example bytes.) Each is parsed, compared with the published values, checked against
 * RFC 4861's validity rules, and built again from the values alone with the builders, byte for
 * byte. The IPv6 fixed header is read by hand here: the IPv6 view is another module's.
 */
class NdpKnownAnswerTest {
    private static final byte[] NEIGHBOR_SOLICITATION = HexFormat.of().parseHex(
            "6800000000203aff" + "fe8000000000000056e03209c47477f0" + "fe800000000000004fe71a69864b85c2"
                    + "8700cad000000000" + "fe800000000000004fe71a69864b85c2" + "010154e0327477f0");
    private static final byte[] NEIGHBOR_ADVERTISEMENT = HexFormat.of().parseHex(
            "6000000000183aff" + "fe800000000000004fe71a69864b85c2" + "fe8000000000000056e03209c47477f0"
                    + "88008a1e40000000" + "fe800000000000004fe71a69864b85c2");
    private static final byte[] ROUTER_ADVERTISEMENT = HexFormat.of().parseHex(
            "6800000000383aff" + "fe80000000000000" + "02005efffe000265" + "ff020000000000000000000000000001"
                    + "8600d99640000e10" + "0000000000000000" + "010100005e000265"
                    + "030440c000278d0000093a8000000000" + "26200000100050000000000000000000");

    /** The ICMPv6 message of a whole IPv6 packet without extension headers. */
    private static Icmpv6Packet parse(byte[] ip) throws Exception {
        PacketBuffer buffer = PacketBuffer.wrap(ip, 40, ip.length - 40);
        return Icmpv6Packet.parse(buffer, Ipv6Address.read(ip, 8), Ipv6Address.read(ip, 24));
    }

    private static byte[] message(byte[] ip) {
        return Arrays.copyOfRange(ip, 40, ip.length);
    }

    @Test
    void neighborSolicitation() throws Exception {
        Icmpv6Packet ns = parse(NEIGHBOR_SOLICITATION);
        assertThat(ns.message()).isEqualTo(Icmpv6Message.NEIGHBOR_SOLICITATION);
        assertThat(ns.checksum()).isEqualTo(0xcad0);
        Ipv6Address target = Ipv6Address.parse("fe80::4fe7:1a69:864b:85c2");
        assertThat(ns.neighborSolicitation().target()).isEqualTo(target);
        NdpOptions options = ns.ndpOptions();
        assertThat(options.find(NdpOptions.SOURCE_LINK_LAYER_ADDRESS)).isTrue();
        MacAddress mac = MacAddress.parse("54:e0:32:74:77:f0");
        assertThat(options.linkLayerAddress().address()).isEqualTo(mac);
        ns.checkNdp(NEIGHBOR_SOLICITATION[7] & 0xFF);

        byte[] built = Serializer.of(new NdpOptionsBuilder().sourceLinkLayerAddress(mac))
                .encapsulate(new NeighborSolicitationBuilder().target(target))
                .encapsulate(new Icmpv6HeaderBuilder().type(Icmpv6Type.NEIGHBOR_SOLICITATION)
                        .addresses(ns.source(), ns.destination()))
                .serialize().toByteArray();
        assertThat(built).isEqualTo(message(NEIGHBOR_SOLICITATION));
    }

    @Test
    void neighborAdvertisement() throws Exception {
        Icmpv6Packet na = parse(NEIGHBOR_ADVERTISEMENT);
        assertThat(na.message()).isEqualTo(Icmpv6Message.NEIGHBOR_ADVERTISEMENT);
        assertThat(na.neighborAdvertisement().solicited()).isTrue();
        assertThat(na.neighborAdvertisement().router()).isFalse();
        assertThat(na.neighborAdvertisement().override()).isFalse();
        assertThat(na.neighborAdvertisement().target()).isEqualTo(Ipv6Address.parse("fe80::4fe7:1a69:864b:85c2"));
        assertThat(na.ndpOptions().count()).isZero();
        na.checkNdp(255);

        byte[] built = Serializer.of(new byte[0])
                .encapsulate(new NeighborAdvertisementBuilder().solicited(true)
                        .target(Ipv6Address.parse("fe80::4fe7:1a69:864b:85c2")))
                .encapsulate(new Icmpv6HeaderBuilder().type(Icmpv6Type.NEIGHBOR_ADVERTISEMENT)
                        .addresses(na.source(), na.destination()))
                .serialize().toByteArray();
        assertThat(built).isEqualTo(message(NEIGHBOR_ADVERTISEMENT));
    }

    @Test
    void routerAdvertisement() throws Exception {
        Icmpv6Packet packet = parse(ROUTER_ADVERTISEMENT);
        RouterAdvertisement ra = packet.routerAdvertisement();
        assertThat(ra.currentHopLimit()).isEqualTo(64);
        assertThat(ra.routerLifetime()).isEqualTo(3600);
        assertThat(ra.reachableTime()).isZero();
        assertThat(ra.retransTimer()).isZero();
        NdpOptions options = packet.ndpOptions();
        assertThat(options.next()).isTrue();
        MacAddress mac = MacAddress.parse("00:00:5e:00:02:65");
        assertThat(options.linkLayerAddress().address()).isEqualTo(mac);
        assertThat(options.next()).isTrue();
        PrefixInformation prefix = options.prefixInformation();
        assertThat(prefix.validLifetime()).isEqualTo(2_592_000);
        assertThat(prefix.preferredLifetime()).isEqualTo(604_800);
        assertThat(prefix.prefix()).isEqualTo(Ipv6Address.parse("2620:0:1000:5000::"));
        assertThat(prefix.prefixLength()).isEqualTo(64);
        assertThat(prefix.onLink()).isTrue();
        assertThat(prefix.autonomous()).isTrue();
        assertThat(options.next()).isFalse();
        assertThat(packet.destination()).isEqualTo(Ipv6.ALL_NODES_LINK_LOCAL_MULTICAST);
        packet.checkNdp(255);

        byte[] built = Serializer.of(new NdpOptionsBuilder().sourceLinkLayerAddress(mac)
                        .prefixInformation(new PrefixInformationBuilder().prefixLength(64).onLink(true).autonomous(true)
                                .validLifetime(2_592_000).preferredLifetime(604_800)
                                .prefix(Ipv6Address.parse("2620:0:1000:5000::"))))
                .encapsulate(new RouterAdvertisementBuilder().currentHopLimit(64).routerLifetime(3600))
                .encapsulate(new Icmpv6HeaderBuilder().type(Icmpv6Type.ROUTER_ADVERTISEMENT)
                        .addresses(packet.source(), packet.destination()))
                .serialize().toByteArray();
        assertThat(built).isEqualTo(message(ROUTER_ADVERTISEMENT));
    }
}
