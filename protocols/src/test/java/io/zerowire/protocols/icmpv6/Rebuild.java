package io.zerowire.protocols.icmpv6;

import io.zerowire.protocols.icmpv6.mld.MldBuilder;
import io.zerowire.protocols.icmpv6.mld.Mldv2QueryBuilder;
import io.zerowire.protocols.icmpv6.mld.Mldv2Records;
import io.zerowire.protocols.icmpv6.mld.Mldv2RecordsBuilder;
import io.zerowire.protocols.icmpv6.mld.Mldv2ReportBuilder;
import io.zerowire.protocols.icmpv6.mld.SourceAddresses;
import io.zerowire.protocols.icmpv6.mld.SourceAddressesBuilder;
import io.zerowire.protocols.icmpv6.ndp.MtuOptionBuilder;
import io.zerowire.protocols.icmpv6.ndp.NdpOptions;
import io.zerowire.protocols.icmpv6.ndp.NdpOptionsBuilder;
import io.zerowire.protocols.icmpv6.ndp.NeighborAdvertisementBuilder;
import io.zerowire.protocols.icmpv6.ndp.NeighborSolicitationBuilder;
import io.zerowire.protocols.icmpv6.ndp.PrefixInformation;
import io.zerowire.protocols.icmpv6.ndp.PrefixInformationBuilder;
import io.zerowire.protocols.icmpv6.ndp.RecursiveDnsServerBuilder;
import io.zerowire.protocols.icmpv6.ndp.RedirectBuilder;
import io.zerowire.protocols.icmpv6.ndp.RedirectedHeaderBuilder;
import io.zerowire.protocols.icmpv6.ndp.RouteInformationBuilder;
import io.zerowire.protocols.icmpv6.ndp.RouterAdvertisementBuilder;
import io.zerowire.protocols.icmpv6.ndp.RouterSolicitationBuilder;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.serialize.InnerPacketBuilder;
import io.zerowire.serialize.PacketBuilder;
import io.zerowire.serialize.Serializer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Test-only: a parsed {@link Icmpv6Packet} rebuilt with the builders of the package, every field
 * taken from the views (reserved fields included), NDP options through their typed builders where
 * the option has the shape its RFC gives, and counts of what was rebuilt how.
 */
public final class Rebuild {
    /** Options and records rebuilt, by kind, for the report. */
    final Map<String, Integer> counts = new TreeMap<>();

    /** The whole message as a serializer: body, message fields, common header. */
    public Serializer of(Icmpv6Packet icmp) {
        byte[] a = icmp.array();
        Serializer body = Serializer.of(body(icmp, a));
        PacketBuilder message = message(icmp);
        Icmpv6HeaderBuilder header = new Icmpv6HeaderBuilder().copyFrom(icmp.header())
                .addresses(icmp.source(), icmp.destination());
        return message == null ? body.encapsulate(header) : body.encapsulate(message).encapsulate(header);
    }

    private static PacketBuilder message(Icmpv6Packet icmp) {
        return switch (icmp.message()) {
            case DESTINATION_UNREACHABLE -> new DestinationUnreachableBuilder().copyFrom(icmp.destinationUnreachable());
            case PACKET_TOO_BIG -> new PacketTooBigBuilder().copyFrom(icmp.packetTooBig());
            case TIME_EXCEEDED -> new TimeExceededBuilder().copyFrom(icmp.timeExceeded());
            case PARAMETER_PROBLEM -> new ParameterProblemBuilder().copyFrom(icmp.parameterProblem());
            case ECHO_REQUEST, ECHO_REPLY -> new EchoBuilder().copyFrom(icmp.echo());
            case MLD_QUERY, MLD_REPORT, MLD_DONE -> new MldBuilder().copyFrom(icmp.mld());
            case MLDV2_QUERY -> new Mldv2QueryBuilder().copyFrom(icmp.mldv2Query());
            case MLDV2_REPORT -> new Mldv2ReportBuilder().copyFrom(icmp.mldv2Report());
            case ROUTER_SOLICITATION -> new RouterSolicitationBuilder().copyFrom(icmp.routerSolicitation());
            case ROUTER_ADVERTISEMENT -> new RouterAdvertisementBuilder().copyFrom(icmp.routerAdvertisement());
            case NEIGHBOR_SOLICITATION -> new NeighborSolicitationBuilder().copyFrom(icmp.neighborSolicitation());
            case NEIGHBOR_ADVERTISEMENT -> new NeighborAdvertisementBuilder().copyFrom(icmp.neighborAdvertisement());
            case REDIRECT -> new RedirectBuilder().copyFrom(icmp.redirect());
            case OTHER -> null;
        };
    }

    private InnerPacketBuilder body(Icmpv6Packet icmp, byte[] a) {
        int start = icmp.bodyOffset();
        int end = start + icmp.bodyLength();
        if (icmp.message().isNdp()) {
            return options(icmp.ndpOptions());
        }
        if (icmp.message() == Icmpv6Message.MLDV2_QUERY) {
            SourceAddresses sources = icmp.querySources();
            SourceAddressesBuilder rebuilt = new SourceAddressesBuilder();
            for (int i = 0; i < sources.count(); i++) {
                rebuilt.add(sources.get(i));
            }
            counts.merge("query sources", sources.count(), Integer::sum);
            return then(rebuilt, a, start + rebuilt.bytesLength(), end);
        }
        if (icmp.message() == Icmpv6Message.MLDV2_REPORT) {
            Mldv2Records records = icmp.records();
            Mldv2RecordsBuilder rebuilt = new Mldv2RecordsBuilder();
            while (records.next()) {
                List<Ipv6Address> sources = new ArrayList<>();
                for (int i = 0; i < records.sources().count(); i++) {
                    sources.add(records.sources().get(i));
                }
                byte[] aux = Arrays.copyOfRange(a, records.auxDataOffset(),
                        records.auxDataOffset() + records.auxDataLength());
                rebuilt.add(records.record().recordType(), records.record().multicastAddress(), sources, aux);
                counts.merge("mldv2 records", 1, Integer::sum);
            }
            return then(rebuilt, a, start + rebuilt.bytesLength(), end);
        }
        return InnerPacketBuilder.of(Arrays.copyOfRange(a, start, end));
    }

    /** The options again: typed builders for the shapes their RFCs give, raw bytes for the rest. */
    NdpOptionsBuilder options(NdpOptions options) {
        NdpOptionsBuilder rebuilt = new NdpOptionsBuilder();
        byte[] a = options.array();
        while (options.next()) {
            int type = options.type();
            PrefixInformation prefix = options.prefixInformation();
            String how = "typed " + type;
            if (options.linkLayerAddress() != null && type == NdpOptions.SOURCE_LINK_LAYER_ADDRESS) {
                rebuilt.sourceLinkLayerAddress(options.linkLayerAddress().address());
            } else if (options.linkLayerAddress() != null) {
                rebuilt.targetLinkLayerAddress(options.linkLayerAddress().address());
            } else if (prefix != null && options.valueLength() == PrefixInformation.FIXED_LENGTH) {
                rebuilt.prefixInformation(new PrefixInformationBuilder().copyFrom(prefix));
            } else if (options.mtu() != null && options.valueLength() == 6) {
                rebuilt.mtu(new MtuOptionBuilder().copyFrom(options.mtu()));
            } else if (options.routeInformation() != null) {
                rebuilt.routeInformation(new RouteInformationBuilder().copyFrom(options.routeInformation()),
                        options.routePrefix(), options.routePrefixBytes());
            } else if (options.recursiveDnsServer() != null) {
                List<Ipv6Address> servers = new ArrayList<>();
                for (int i = 0; i < options.dnsServerCount(); i++) {
                    servers.add(options.dnsServer(i));
                }
                rebuilt.recursiveDnsServers(new RecursiveDnsServerBuilder().copyFrom(options.recursiveDnsServer()),
                        servers);
            } else if (options.isNonce()) {
                rebuilt.nonce(options.nonce());
            } else if (options.redirectedHeader() != null) {
                rebuilt.redirectedHeader(new RedirectedHeaderBuilder().copyFrom(options.redirectedHeader()), a,
                        options.redirectedPacketOffset(), options.redirectedPacketLength());
            } else {
                rebuilt.add(type, a, options.valueOffset(), options.valueLength());
                how = "raw " + type;
            }
            counts.merge("option " + how, 1, Integer::sum);
        }
        return rebuilt;
    }

    /** {@code first}, then the bytes {@code a[from, to)} that follow the structured part. */
    private static InnerPacketBuilder then(InnerPacketBuilder first, byte[] a, int from, int to) {
        byte[] rest = Arrays.copyOfRange(a, from, to);
        return new InnerPacketBuilder() {
            @Override
            public int bytesLength() {
                return first.bytesLength() + rest.length;
            }

            @Override
            public void writeBytes(byte[] array, int offset) {
                first.writeBytes(array, offset);
                System.arraycopy(rest, 0, array, offset + first.bytesLength(), rest.length);
            }
        };
    }
}
