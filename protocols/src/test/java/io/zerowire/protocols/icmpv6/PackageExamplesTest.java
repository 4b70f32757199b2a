package io.zerowire.protocols.icmpv6;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv6;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.link.MacAddress;
import io.zerowire.protocols.icmpv6.mld.Mldv2;
import io.zerowire.protocols.icmpv6.mld.Mldv2Records;
import io.zerowire.protocols.icmpv6.mld.Mldv2RecordsBuilder;
import io.zerowire.protocols.icmpv6.mld.Mldv2ReportBuilder;
import io.zerowire.protocols.icmpv6.ndp.NdpOptions;
import io.zerowire.protocols.icmpv6.ndp.NdpOptionsBuilder;
import io.zerowire.protocols.icmpv6.ndp.NeighborSolicitationBuilder;
import io.zerowire.protocols.icmpv6.ndp.PrefixInformation;
import io.zerowire.protocols.icmpv6.ndp.PrefixInformationBuilder;
import io.zerowire.protocols.icmpv6.ndp.RoutePreference;
import io.zerowire.protocols.icmpv6.ndp.RouterAdvertisementBuilder;
import io.zerowire.serialize.Serializer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The examples of the package documentation, compiled and run. */
class PackageExamplesTest {
    static final MacAddress MAC = MacAddress.parse("02:00:00:00:00:01");
    static final Ipv6Address ROUTER = Ipv6Address.parse("fe80::1");

    @Test
    void buildAndParseARouterAdvertisement() throws Exception {
        PacketBuffer buffer = Serializer.of(new NdpOptionsBuilder().sourceLinkLayerAddress(MAC).mtu(1500)
                        .routeInformation(48, RoutePreference.HIGH, 1800, Ipv6Address.parse("2001:db8:1::"))
                        .prefixInformation(new PrefixInformationBuilder().prefixLength(64).onLink(true).autonomous(true)
                                .validLifetime(86_400).preferredLifetime(14_400).prefix(Ipv6Address.parse("2001:db8::"))))
                .encapsulate(new RouterAdvertisementBuilder().currentHopLimit(64).routerLifetime(1800))
                .encapsulate(new Icmpv6HeaderBuilder().type(Icmpv6Type.ROUTER_ADVERTISEMENT)
                        .addresses(ROUTER, Ipv6.ALL_NODES_LINK_LOCAL_MULTICAST))
                .serialize();

        Icmpv6Packet icmp = new Icmpv6Packet();
        icmp.wrap(buffer, ROUTER, Ipv6.ALL_NODES_LINK_LOCAL_MULTICAST);
        List<String> configured = new java.util.ArrayList<>();
        switch (icmp.message()) {
            case ROUTER_ADVERTISEMENT -> {
                icmp.checkNdp(255);
                assertThat(icmp.routerAdvertisement().routerLifetime()).isEqualTo(1800);
                NdpOptions options = icmp.ndpOptions();
                while (options.next()) {
                    PrefixInformation prefix = options.prefixInformation();
                    if (prefix != null && prefix.autonomous()) {
                        configured.add(prefix.prefix() + "/" + prefix.prefixLength() + " " + prefix.validLifetime());
                    }
                }
                assertThat(options.find(NdpOptions.SOURCE_LINK_LAYER_ADDRESS)).isTrue();
                assertThat(options.linkLayerAddress().addressBits()).isEqualTo(MAC.bits());
                assertThat(options.find(NdpOptions.ROUTE_INFORMATION)).isTrue();
                assertThat(options.routePrefix()).isEqualTo(Ipv6Address.parse("2001:db8:1::"));
            }
            default -> throw new AssertionError(icmp.message());
        }
        assertThat(configured).containsExactly("2001:db8::/64 86400");
    }

    @Test
    void buildANeighborSolicitationAndAReport() throws Exception {
        Ipv6Address target = Ipv6Address.parse("fe80::2");
        PacketBuffer ns = Serializer.of(new NdpOptionsBuilder().sourceLinkLayerAddress(MAC))
                .encapsulate(new NeighborSolicitationBuilder().target(target))
                .encapsulate(new Icmpv6HeaderBuilder().type(Icmpv6Type.NEIGHBOR_SOLICITATION)
                        .addresses(ROUTER, target.toSolicitedNodeMulticast()))
                .serialize();
        Icmpv6Packet parsed = Icmpv6Packet.parse(ns, ROUTER, target.toSolicitedNodeMulticast());
        parsed.checkNdp(255);
        assertThat(parsed.neighborSolicitation().target()).isEqualTo(target);

        Ipv6Address group = Ipv6Address.parse("ff05::1:3");
        Mldv2RecordsBuilder join = new Mldv2RecordsBuilder().add(Mldv2.CHANGE_TO_EXCLUDE_MODE, group, List.of());
        PacketBuffer report = Serializer.of(join)
                .encapsulate(new Mldv2ReportBuilder().numberOfRecords(join.count()))
                .encapsulate(new Icmpv6HeaderBuilder().type(Icmpv6Type.MULTICAST_LISTENER_REPORT_V2)
                        .addresses(ROUTER, Ipv6Address.parse("ff02::16")))
                .serialize();
        Icmpv6Packet icmp = Icmpv6Packet.parse(report, ROUTER, Ipv6Address.parse("ff02::16"));
        icmp.checkMld(1);
        Mldv2Records records = icmp.records();
        assertThat(records.next()).isTrue();
        assertThat(records.record().recordType()).isEqualTo(Mldv2.CHANGE_TO_EXCLUDE_MODE);
        assertThat(records.record().multicastAddress()).isEqualTo(group);
        assertThat(records.sources().count()).isZero();
        assertThat(records.next()).isFalse();
    }
}
