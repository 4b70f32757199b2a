package io.zerowire.protocols;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.IpAddress;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.protocols.framing.Framing;
import io.zerowire.protocols.framing.LinuxSll2Builder;
import io.zerowire.protocols.framing.LinuxSllBuilder;
import io.zerowire.protocols.framing.LoopbackBuilder;
import io.zerowire.protocols.icmp.IcmpMessageBuilder;
import io.zerowire.protocols.icmp.IcmpRedirectCode;
import io.zerowire.protocols.icmp.IcmpTimeExceededCode;
import io.zerowire.protocols.icmp.IcmpUnreachableCode;
import io.zerowire.protocols.icmpv6.DestinationUnreachableBuilder;
import io.zerowire.protocols.icmpv6.EchoBuilder;
import io.zerowire.protocols.icmpv6.Icmpv6Errors;
import io.zerowire.protocols.icmpv6.Icmpv6HeaderBuilder;
import io.zerowire.protocols.icmpv6.Icmpv6Type;
import io.zerowire.protocols.icmpv6.PacketTooBigBuilder;
import io.zerowire.protocols.icmpv6.ParameterProblemBuilder;
import io.zerowire.protocols.icmpv6.TimeExceededBuilder;
import io.zerowire.protocols.icmpv6.mld.MldBuilder;
import io.zerowire.protocols.icmpv6.mld.Mldv2;
import io.zerowire.protocols.icmpv6.mld.Mldv2QueryBuilder;
import io.zerowire.protocols.icmpv6.mld.Mldv2RecordsBuilder;
import io.zerowire.protocols.icmpv6.mld.Mldv2ReportBuilder;
import io.zerowire.protocols.icmpv6.mld.SourceAddressesBuilder;
import io.zerowire.protocols.icmpv6.ndp.NdpOptionsBuilder;
import io.zerowire.protocols.icmpv6.ndp.NeighborAdvertisementBuilder;
import io.zerowire.protocols.icmpv6.ndp.NeighborSolicitationBuilder;
import io.zerowire.protocols.icmpv6.ndp.PrefixInformationBuilder;
import io.zerowire.protocols.icmpv6.ndp.RecursiveDnsServerBuilder;
import io.zerowire.protocols.icmpv6.ndp.RedirectBuilder;
import io.zerowire.protocols.icmpv6.ndp.RoutePreference;
import io.zerowire.protocols.icmpv6.ndp.RouterAdvertisementBuilder;
import io.zerowire.protocols.icmpv6.ndp.RouterSolicitationBuilder;
import io.zerowire.protocols.igmp.IgmpMessageBuilder;
import io.zerowire.protocols.igmp.IgmpRecordType;
import io.zerowire.protocols.igmp.IgmpType;
import io.zerowire.protocols.igmp.IgmpV3QueryMessageBuilder;
import io.zerowire.protocols.igmp.IgmpV3ReportMessageBuilder;
import io.zerowire.protocols.ipv4.Ipv4OptionFormat;
import io.zerowire.protocols.ipv4.Ipv4OptionsBuilder;
import io.zerowire.protocols.ipv6.DestinationOptionsBuilder;
import io.zerowire.protocols.ipv6.FragmentHeaderBuilder;
import io.zerowire.protocols.ipv6.HopByHopOptionsBuilder;
import io.zerowire.protocols.ipv6.Ipv6HeaderBuilder;
import io.zerowire.protocols.ipv6.Ipv6OptionFormat;
import io.zerowire.protocols.ipv6.Ipv6Options;
import io.zerowire.protocols.ipv6.Ipv6PacketBuilder;
import io.zerowire.protocols.ipv6.OpaqueRoutingBuilder;
import io.zerowire.protocols.ipv6.SegmentRoutingBuilder;
import io.zerowire.protocols.ipv6.Type0RoutingBuilder;
import io.zerowire.protocols.stack.Dissector;
import io.zerowire.protocols.stack.Rebuild;
import io.zerowire.protocols.tcp.TcpBuilder;
import io.zerowire.protocols.tcp.TcpOptionsBuilder;
import io.zerowire.protocols.testing.Corpus;
import io.zerowire.protocols.udp.UdpBuilder;
import io.zerowire.serialize.PacketBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.link.MacAddress;
import io.zerowire.options.OptionsBuilder;
import io.zerowire.protocols.arp.ArpBuilder;
import io.zerowire.protocols.arp.ArpOperation;
import io.zerowire.protocols.ethernet.EtherType;
import io.zerowire.protocols.ethernet.EthernetBuilder;
import io.zerowire.protocols.ethernet.VlanTagBuilder;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ipv4.Ipv4Builder;
import io.zerowire.protocols.ipv4.Ipv4Options;
import io.zerowire.serialize.BufferProvider;
import io.zerowire.serialize.Serializer;
import io.zerowire.serialize.SizeLimitExceededException;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * No stale bytes leak: for every builder of this module ({@link #COVERED} lists them all, and a test
 * checks the list against the compiled classes), serializing into a reused buffer pre-filled with
 * 0x00 and into one pre-filled with 0xFF gives the same bytes as a fresh buffer (random field
 * values, options, short bodies that Ethernet pads, derived fields overridden now and then), and so
 * does every capture frame written again through the builders of its layers.
 */
class StaleBytesTest {
    enum Case {
        ETHERNET {
            @Override
            Serializer build(Random r) {
                return Serializer.of(bytes(r, r.nextInt(70))).encapsulate(ethernet(r));
            }
        },
        VLAN_TAGS_IN_ETHERNET {
            @Override
            Serializer build(Random r) {
                return Serializer.of(bytes(r, r.nextInt(50))).encapsulate(tag(r)).encapsulate(tag(r))
                        .encapsulate(ethernet(r));
            }
        },
        ARP {
            @Override
            Serializer build(Random r) {
                ArpBuilder arp = new ArpBuilder().operation(ArpOperation.of(r.nextInt(0x10000)))
                        .senderHardwareAddress(mac(r)).senderProtocolAddress(Ipv4Address.of(r.nextInt()))
                        .targetHardwareAddress(mac(r)).targetProtocolAddress(Ipv4Address.of(r.nextInt()));
                if (r.nextInt(4) == 0) {
                    arp.hardwareType(r.nextInt(0x10000)).protocolType(r.nextInt(0x10000))
                            .hardwareLength(r.nextInt(256)).protocolLength(r.nextInt(256));
                }
                Serializer packet = Serializer.of(bytes(r, r.nextInt(4))).encapsulate(arp);
                return r.nextBoolean() ? packet.encapsulate(ethernet(r)) : packet;
            }
        },
        IPV4 {
            @Override
            Serializer build(Random r) {
                OptionsBuilder options = new OptionsBuilder(Ipv4OptionFormat.FORMAT);
                for (int i = r.nextInt(4); i > 0; i--) {
                    switch (r.nextInt(4)) {
                        case 0 -> options.addSingleByte(Ipv4Options.NOP);
                        case 1 -> options.addU16(Ipv4Options.ROUTER_ALERT, r.nextInt(0x10000));
                        case 2 -> options.add(Ipv4Options.RECORD_ROUTE, bytes(r, 1 + 4 * r.nextInt(3)));
                        default -> options.add(Ipv4Options.TIMESTAMP, bytes(r, 2 + 4 * r.nextInt(2)));
                    }
                }
                if (r.nextBoolean()) {
                    options.addEndOfList();
                }
                Ipv4Builder ip = new Ipv4Builder().dscp(r.nextInt(64)).ecn(r.nextInt(4))
                        .identification(r.nextInt(0x10000)).dontFragment(r.nextBoolean())
                        .moreFragments(r.nextBoolean()).fragmentOffset(r.nextInt(0x2000)).ttl(r.nextInt(256))
                        .protocol(IpProtocol.of(r.nextInt(256))).source(Ipv4Address.of(r.nextInt()))
                        .destination(Ipv4Address.of(r.nextInt())).options(r.nextBoolean() ? options : null);
                if (r.nextInt(4) == 0) {
                    ip.version(r.nextInt(16)).ihl(r.nextInt(16)).totalLength(r.nextInt(0x10000))
                            .headerChecksum(r.nextInt(0x10000)).reservedFlag(r.nextBoolean());
                }
                Serializer packet = Serializer.of(bytes(r, r.nextInt(30))).encapsulate(ip);
                return r.nextBoolean() ? packet.encapsulate(ethernet(r)) : packet;
            }
        },
        TCP_AND_UDP_OVER_BOTH_VERSIONS {
            @Override
            Serializer build(Random r) {
                boolean v6 = r.nextBoolean();
                IpAddress<?> source = v6 ? ipv6(r) : Ipv4Address.of(r.nextInt());
                IpAddress<?> destination = v6 ? ipv6(r) : Ipv4Address.of(r.nextInt());
                PacketBuilder transport;
                if (r.nextBoolean()) {
                    TcpOptionsBuilder options = new TcpOptionsBuilder();
                    if (r.nextBoolean()) {
                        options.mss(r.nextInt(0x10000));
                    }
                    if (r.nextBoolean()) {
                        options.nop().windowScale(r.nextInt(15));
                    }
                    if (r.nextBoolean()) {
                        options.sackPermitted();
                    }
                    if (r.nextBoolean()) {
                        options.timestamps(r.nextInt() & 0xFFFFFFFFL, r.nextInt() & 0xFFFFFFFFL);
                    }
                    transport = addresses(new TcpBuilder().sourcePort(r.nextInt(0x10000)).destinationPort(r.nextInt(0x10000))
                            .sequenceNumber(r.nextInt() & 0xFFFFFFFFL).ack(r.nextBoolean()).syn(r.nextBoolean())
                            .window(r.nextInt(0x10000)).options(options), source, destination);
                } else {
                    transport = addresses(new UdpBuilder().sourcePort(r.nextInt(0x10000))
                            .destinationPort(r.nextInt(0x10000)), source, destination);
                }
                IpProtocol protocol = transport instanceof TcpBuilder ? IpProtocol.TCP : IpProtocol.UDP;
                Serializer packet = Serializer.of(bytes(r, r.nextInt(30))).encapsulate(transport);
                return v6
                        ? packet.encapsulate(new Ipv6HeaderBuilder().hopLimit(r.nextInt(256)).nextHeader(protocol)
                                .source((Ipv6Address) source).destination((Ipv6Address) destination))
                        : packet.encapsulate(new Ipv4Builder().ttl(r.nextInt(256)).protocol(protocol)
                                .source((Ipv4Address) source).destination((Ipv4Address) destination));
            }
        },
        IPV4_TYPED_OPTIONS {
            @Override
            Serializer build(Random r) {
                Ipv4OptionsBuilder options = new Ipv4OptionsBuilder();
                switch (r.nextInt(6)) {
                    case 0 -> options.routerAlert(r.nextInt(0x10000)).streamId(r.nextInt(0x10000));
                    case 1 -> options.recordRoute(1 + r.nextInt(4));
                    case 2 -> options.looseSourceRoute(Ipv4Address.of(r.nextInt()), Ipv4Address.of(r.nextInt()));
                    case 3 -> options.timestampsWithAddresses(1 + r.nextInt(3));
                    case 4 -> options.security(r.nextInt(0x10000), r.nextInt(0x10000), r.nextInt(0x10000),
                            r.nextInt(0x1000000));
                    default -> options.basicSecurity(r.nextInt(256), (byte) 1).nop();
                }
                return Serializer.of(bytes(r, r.nextInt(20))).encapsulate(new Ipv4Builder().ttl(r.nextInt(256))
                        .protocol(IpProtocol.of(r.nextInt(256))).source(Ipv4Address.of(r.nextInt()))
                        .destination(Ipv4Address.of(r.nextInt())).options(options.optionsBuilder()));
            }
        },
        ICMP_MESSAGES {
            @Override
            Serializer build(Random r) throws Exception {
                byte[] quoted = Serializer.of(bytes(r, 8)).encapsulate(new Ipv4Builder().ttl(1)
                        .protocol(IpProtocol.UDP).source(Ipv4Address.of(r.nextInt()))
                        .destination(Ipv4Address.of(r.nextInt()))).serialize().toByteArray();
                Serializer message = switch (r.nextInt(6)) {
                    case 0 -> Serializer.of(bytes(r, r.nextInt(16)))
                            .encapsulate(IcmpMessageBuilder.echoRequest(r.nextInt(0x10000), r.nextInt(0x10000)));
                    case 1 -> IcmpMessageBuilder.destinationUnreachable(IcmpUnreachableCode.PORT)
                            .quoting(PacketBuffer.wrap(quoted));
                    case 2 -> IcmpMessageBuilder.redirect(IcmpRedirectCode.HOST, Ipv4Address.of(r.nextInt()))
                            .quoting(PacketBuffer.wrap(quoted));
                    case 3 -> IcmpMessageBuilder.timeExceeded(IcmpTimeExceededCode.TTL_EXCEEDED)
                            .quoting(PacketBuffer.wrap(quoted));
                    case 4 -> IcmpMessageBuilder.parameterProblem(r.nextInt(20)).quoting(PacketBuffer.wrap(quoted));
                    default -> Serializer.of(new byte[0]).encapsulate(IcmpMessageBuilder.timestampRequest(
                            r.nextInt(0x10000), r.nextInt(0x10000), r.nextInt() & 0xFFFFFFFFL));
                };
                return message.encapsulate(new Ipv4Builder().ttl(64).protocol(IpProtocol.ICMP)
                        .source(Ipv4Address.of(r.nextInt())).destination(Ipv4Address.of(r.nextInt())));
            }
        },
        IGMP_MESSAGES {
            @Override
            Serializer build(Random r) {
                Ipv4Address group = Ipv4Address.of(0xE0000000 | r.nextInt(0x10000000));
                PacketBuilder message = switch (r.nextInt(4)) {
                    case 0 -> IgmpMessageBuilder.of(IgmpType.MEMBERSHIP_QUERY, 1 + r.nextInt(255), group);
                    case 1 -> IgmpMessageBuilder.leaveGroup(group);
                    case 2 -> IgmpV3QueryMessageBuilder.groupAndSourceQuery(group,
                            List.of(Ipv4Address.of(r.nextInt()), Ipv4Address.of(r.nextInt())));
                    default -> new IgmpV3ReportMessageBuilder()
                            .addRecord(IgmpRecordType.MODE_IS_INCLUDE, group, List.of(Ipv4Address.of(r.nextInt())),
                                    bytes(r, 4 * r.nextInt(3)))
                            .addRecord(IgmpRecordType.CHANGE_TO_EXCLUDE_MODE, group);
                };
                return Serializer.of(new byte[0]).encapsulate(message).encapsulate(new Ipv4Builder().ttl(1)
                        .protocol(IpProtocol.IGMP).source(Ipv4Address.of(r.nextInt())).destination(group));
            }
        },
        ICMPV6_NDP_AND_MLD {
            @Override
            Serializer build(Random r) throws Exception {
                Ipv6Address source = ipv6(r);
                Ipv6Address destination = ipv6(r);
                Icmpv6HeaderBuilder header = new Icmpv6HeaderBuilder().addresses(source, destination);
                Serializer message;
                switch (r.nextInt(6)) {
                    case 5 -> {
                        PacketBuilder simple = switch (r.nextInt(8)) {
                            case 0 -> new RouterSolicitationBuilder();
                            case 1 -> new NeighborSolicitationBuilder().target(ipv6(r));
                            case 2 -> new NeighborAdvertisementBuilder().target(ipv6(r));
                            case 3 -> new EchoBuilder().identifier(r.nextInt(0x10000)).sequenceNumber(r.nextInt(0x10000));
                            case 4 -> new PacketTooBigBuilder().mtu(r.nextInt() & 0xFFFFFFFFL);
                            case 5 -> new TimeExceededBuilder();
                            case 6 -> new ParameterProblemBuilder().pointer(r.nextInt() & 0xFFFFFFFFL);
                            default -> new MldBuilder().multicastAddress(ipv6(r));
                        };
                        message = Serializer.of(bytes(r, r.nextInt(16))).encapsulate(simple)
                                .encapsulate(header.type(Icmpv6Type.ECHO_REQUEST));
                    }
                    case 0 -> {
                        NdpOptionsBuilder options = new NdpOptionsBuilder().sourceLinkLayerAddress(mac(r))
                                .mtu(r.nextInt() & 0xFFFFFFFFL)
                                .prefixInformation(new PrefixInformationBuilder().prefixLength(64).onLink(true)
                                        .autonomous(r.nextBoolean()).validLifetime(r.nextInt() & 0xFFFFFFFFL)
                                        .prefix(ipv6(r)))
                                .routeInformation(r.nextInt(129), RoutePreference.HIGH, 600, ipv6(r))
                                .recursiveDnsServers(new RecursiveDnsServerBuilder().lifetime(300), List.of(ipv6(r)))
                                .nonce(bytes(r, 6));
                        message = Serializer.of(options).encapsulate(new RouterAdvertisementBuilder()
                                .currentHopLimit(r.nextInt(256)).routerLifetime(r.nextInt(0x10000)))
                                .encapsulate(header.type(Icmpv6Type.ROUTER_ADVERTISEMENT));
                    }
                    case 1 -> message = Serializer.of(new NdpOptionsBuilder().targetLinkLayerAddress(mac(r))
                            .redirectedHeader(bytes(r, 48), 0, 40 + r.nextInt(8)))
                            .encapsulate(new RedirectBuilder().target(ipv6(r)).destination(ipv6(r)))
                            .encapsulate(header.type(Icmpv6Type.REDIRECT));
                    case 2 -> message = Serializer.of(new Mldv2RecordsBuilder()
                            .add(Mldv2.MODE_IS_EXCLUDE, ipv6(r), List.of(ipv6(r)), bytes(r, 4 * r.nextInt(2))))
                            .encapsulate(new Mldv2ReportBuilder().numberOfRecords(1))
                            .encapsulate(header.type(Icmpv6Type.MULTICAST_LISTENER_REPORT_V2));
                    case 3 -> message = Serializer.of(new SourceAddressesBuilder().add(ipv6(r)))
                            .encapsulate(new Mldv2QueryBuilder().multicastAddress(ipv6(r)).numberOfSources(1))
                            .encapsulate(header.type(Icmpv6Type.MULTICAST_LISTENER_QUERY));
                    default -> message = Icmpv6Errors.quoting(PacketBuffer.wrap(bytes(r, 40 + r.nextInt(100))),
                            new DestinationUnreachableBuilder(), header.type(Icmpv6Type.DESTINATION_UNREACHABLE));
                }
                return message.encapsulate(new Ipv6HeaderBuilder().hopLimit(255).nextHeader(IpProtocol.IPV6_ICMP)
                        .source(source).destination(destination));
            }
        },
        IPV6_EXTENSION_CHAIN {
            @Override
            Serializer build(Random r) {
                Ipv6PacketBuilder chain = new Ipv6PacketBuilder(new Ipv6HeaderBuilder().hopLimit(r.nextInt(256))
                        .source(ipv6(r)).destination(ipv6(r))).upperLayer(IpProtocol.UDP);
                if (r.nextBoolean()) {
                    chain.hopByHop(new HopByHopOptionsBuilder().options(
                            Ipv6Options.addRouterAlert(new OptionsBuilder(Ipv6OptionFormat.FORMAT), r.nextInt(3))));
                }
                if (r.nextBoolean()) {
                    chain.destinationOptions(new DestinationOptionsBuilder());
                }
                switch (r.nextInt(4)) {
                    case 0 -> chain.routing(new Type0RoutingBuilder().addresses(ipv6(r), ipv6(r)));
                    case 1 -> chain.routing(new SegmentRoutingBuilder().segments(ipv6(r), ipv6(r)));
                    case 2 -> chain.routing(new OpaqueRoutingBuilder().data(bytes(r, 16), 0, 8 * r.nextInt(3)));
                    default -> { }
                }
                if (r.nextBoolean()) {
                    chain.fragment(new FragmentHeaderBuilder().fragmentOffset(r.nextInt(0x2000))
                            .moreFragments(r.nextBoolean()).identification(r.nextInt() & 0xFFFFFFFFL));
                }
                return Serializer.of(bytes(r, r.nextInt(24))).encapsulate(chain);
            }
        },
        CAPTURE_FRAMINGS {
            @Override
            Serializer build(Random r) {
                Serializer packet = Serializer.of(bytes(r, r.nextInt(30)));
                return switch (r.nextInt(3)) {
                    case 0 -> packet.encapsulate(new LoopbackBuilder().family(r.nextInt(32)));
                    case 1 -> packet.encapsulate(new LinuxSllBuilder().packetType(r.nextInt(5))
                            .protocol(EtherType.of(r.nextInt(0x10000))));
                    default -> packet.encapsulate(new LinuxSll2Builder().protocol(EtherType.of(r.nextInt(0x10000)))
                            .interfaceIndex(r.nextInt() & 0xFFFFFFFFL));
                };
            }
        };

        abstract Serializer build(Random r) throws Exception;
    }

    /**
     * Every builder of the module, each named with the case of {@link Case} (or the capture rebuild)
     * that serializes it: the list is checked against the builder classes the module compiles, so a
     * new builder without a stale-bytes test fails here.
     */
    static final Map<String, String> COVERED = Map.ofEntries(
            Map.entry("EthernetBuilder", "ETHERNET"), Map.entry("VlanTagBuilder", "VLAN_TAGS_IN_ETHERNET"),
            Map.entry("ArpBuilder", "ARP"), Map.entry("Ipv4Builder", "IPV4"),
            Map.entry("Ipv4OptionsBuilder", "IPV4_TYPED_OPTIONS"), Map.entry("RouteOptionBuilder", "IPV4_TYPED_OPTIONS"),
            Map.entry("TimestampOptionBuilder", "IPV4_TYPED_OPTIONS"), Map.entry("SecurityOptionBuilder", "IPV4_TYPED_OPTIONS"),
            Map.entry("BasicSecurityOptionBuilder", "IPV4_TYPED_OPTIONS"),
            Map.entry("StreamIdOptionBuilder", "IPV4_TYPED_OPTIONS"), Map.entry("RouterAlertOptionBuilder", "IPV4_TYPED_OPTIONS"),
            Map.entry("TcpBuilder", "TCP_AND_UDP_OVER_BOTH_VERSIONS"), Map.entry("TcpV4Builder", "TCP_AND_UDP_OVER_BOTH_VERSIONS"),
            Map.entry("TcpV6Builder", "TCP_AND_UDP_OVER_BOTH_VERSIONS"), Map.entry("TcpOptionsBuilder", "TCP_AND_UDP_OVER_BOTH_VERSIONS"),
            Map.entry("UdpBuilder", "TCP_AND_UDP_OVER_BOTH_VERSIONS"), Map.entry("UdpV4Builder", "TCP_AND_UDP_OVER_BOTH_VERSIONS"),
            Map.entry("UdpV6Builder", "TCP_AND_UDP_OVER_BOTH_VERSIONS"), Map.entry("Ipv6HeaderBuilder", "TCP_AND_UDP_OVER_BOTH_VERSIONS"),
            Map.entry("IcmpMessageBuilder", "ICMP_MESSAGES"), Map.entry("IcmpHeaderBuilder", "ICMP_MESSAGES"),
            Map.entry("IcmpEchoBuilder", "ICMP_MESSAGES"), Map.entry("IcmpDestinationUnreachableBuilder", "ICMP_MESSAGES"),
            Map.entry("IcmpRedirectBuilder", "ICMP_MESSAGES"), Map.entry("IcmpTimeExceededBuilder", "ICMP_MESSAGES"),
            Map.entry("IcmpParameterProblemBuilder", "ICMP_MESSAGES"), Map.entry("IcmpTimestampBuilder", "ICMP_MESSAGES"),
            Map.entry("IgmpMessageBuilder", "IGMP_MESSAGES"), Map.entry("IgmpHeaderBuilder", "IGMP_MESSAGES"),
            Map.entry("IgmpGroupAddressBuilder", "IGMP_MESSAGES"), Map.entry("IgmpV3QueryMessageBuilder", "IGMP_MESSAGES"),
            Map.entry("IgmpV3QueryBuilder", "IGMP_MESSAGES"), Map.entry("IgmpV3ReportMessageBuilder", "IGMP_MESSAGES"),
            Map.entry("IgmpV3ReportBuilder", "IGMP_MESSAGES"), Map.entry("IgmpGroupRecordBuilder", "IGMP_MESSAGES"),
            Map.entry("Icmpv6HeaderBuilder", "ICMPV6_NDP_AND_MLD"), Map.entry("NdpOptionsBuilder", "ICMPV6_NDP_AND_MLD"),
            Map.entry("LinkLayerAddressOptionBuilder", "ICMPV6_NDP_AND_MLD"), Map.entry("MtuOptionBuilder", "ICMPV6_NDP_AND_MLD"),
            Map.entry("PrefixInformationBuilder", "ICMPV6_NDP_AND_MLD"), Map.entry("RouteInformationBuilder", "ICMPV6_NDP_AND_MLD"),
            Map.entry("RecursiveDnsServerBuilder", "ICMPV6_NDP_AND_MLD"), Map.entry("RedirectedHeaderBuilder", "ICMPV6_NDP_AND_MLD"),
            Map.entry("RouterAdvertisementBuilder", "ICMPV6_NDP_AND_MLD"), Map.entry("RedirectBuilder", "ICMPV6_NDP_AND_MLD"),
            Map.entry("RouterSolicitationBuilder", "ICMPV6_NDP_AND_MLD"), Map.entry("NeighborSolicitationBuilder", "ICMPV6_NDP_AND_MLD"),
            Map.entry("NeighborAdvertisementBuilder", "ICMPV6_NDP_AND_MLD"), Map.entry("EchoBuilder", "ICMPV6_NDP_AND_MLD"),
            Map.entry("PacketTooBigBuilder", "ICMPV6_NDP_AND_MLD"), Map.entry("TimeExceededBuilder", "ICMPV6_NDP_AND_MLD"),
            Map.entry("ParameterProblemBuilder", "ICMPV6_NDP_AND_MLD"), Map.entry("MldBuilder", "ICMPV6_NDP_AND_MLD"),
            Map.entry("DestinationUnreachableBuilder", "ICMPV6_NDP_AND_MLD"), Map.entry("Mldv2RecordsBuilder", "ICMPV6_NDP_AND_MLD"),
            Map.entry("MulticastAddressRecordBuilder", "ICMPV6_NDP_AND_MLD"), Map.entry("Mldv2ReportBuilder", "ICMPV6_NDP_AND_MLD"),
            Map.entry("Mldv2QueryBuilder", "ICMPV6_NDP_AND_MLD"), Map.entry("SourceAddressesBuilder", "ICMPV6_NDP_AND_MLD"),
            Map.entry("Ipv6PacketBuilder", "IPV6_EXTENSION_CHAIN"), Map.entry("HopByHopOptionsBuilder", "IPV6_EXTENSION_CHAIN"),
            Map.entry("DestinationOptionsBuilder", "IPV6_EXTENSION_CHAIN"), Map.entry("Type0RoutingBuilder", "IPV6_EXTENSION_CHAIN"),
            Map.entry("Type0RoutingHeaderBuilder", "IPV6_EXTENSION_CHAIN"), Map.entry("SegmentRoutingBuilder", "IPV6_EXTENSION_CHAIN"),
            Map.entry("SegmentRoutingHeaderBuilder", "IPV6_EXTENSION_CHAIN"), Map.entry("OpaqueRoutingBuilder", "IPV6_EXTENSION_CHAIN"),
            Map.entry("RoutingHeaderBuilder", "IPV6_EXTENSION_CHAIN"), Map.entry("FragmentHeaderBuilder", "IPV6_EXTENSION_CHAIN"),
            Map.entry("LoopbackBuilder", "CAPTURE_FRAMINGS"), Map.entry("LinuxSllBuilder", "CAPTURE_FRAMINGS"),
            Map.entry("LinuxSll2Builder", "CAPTURE_FRAMINGS"));

    @Test
    void everyBuilderOfTheModuleIsCovered() throws Exception {
        Path classes = Path.of(Ipv4Builder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> builders;
        try (Stream<Path> files = Files.walk(classes)) {
            builders = files.map(p -> classes.relativize(p).toString())
                    .filter(n -> n.endsWith("Builder.class") && !n.contains("$"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .filter(StaleBytesTest::isConcrete)
                    .map(n -> n.substring(n.lastIndexOf('.') + 1))
                    .sorted().toList();
        }
        assertThat(builders).hasSizeGreaterThan(60);
        assertThat(COVERED.keySet()).containsExactlyInAnyOrderElementsOf(builders);
    }

    private static boolean isConcrete(String className) {
        try {
            int modifiers = Class.forName(className).getModifiers();
            return !java.lang.reflect.Modifier.isInterface(modifiers) && !java.lang.reflect.Modifier.isAbstract(modifiers);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Every frame of every capture, written again through the builders of every layer it holds
     * ({@code copyFrom} of each view, as the whole-stack round trip does), over 0x00 and over 0xFF:
     * the same bytes as a fresh serialization.
     */
    @Test
    void everyCaptureFrameRebuiltOverZerosAndOnes() throws Exception {
        Dissector d = new Dissector();
        int rebuilt = 0;
        for (Corpus.Frame frame : Corpus.allFrames()) {
            Framing framing = Framing.ofLinkType(frame.linkType().value());
            if (framing == null) {
                continue;
            }
            d.dissect(framing, PacketBuffer.wrap(frame.bytes().clone()));
            if (d.layerCount() == 0) {
                continue;
            }
            Rebuild rebuild = Rebuild.of(d);
            byte[] payload = rebuild.payload(d);
            byte[] fresh = rebuild.serializer(payload).serialize().toByteArray();
            assertThat(serializeInto(rebuild.serializer(payload), fresh.length + 7, (byte) 0)).as(frame.name())
                    .isEqualTo(fresh);
            assertThat(serializeInto(rebuild.serializer(payload), fresh.length + 7, (byte) 0xFF)).as(frame.name())
                    .isEqualTo(fresh);
            rebuilt++;
        }
        assertThat(rebuilt).isGreaterThan(4000);
    }

    @Property(tries = 1000)
    void zerosAndOnesGiveTheSameBytes(@ForAll Case layout, @ForAll long seed, @ForAll @IntRange(max = 64) int slack)
            throws Exception {
        byte[] fresh = layout.build(new Random(seed)).serialize().toByteArray();
        byte[] overZeros = serializeInto(layout.build(new Random(seed)), fresh.length + slack, (byte) 0);
        byte[] overOnes = serializeInto(layout.build(new Random(seed)), fresh.length + slack, (byte) 0xFF);
        assertThat(overZeros).as("%s over 0x00", layout).isEqualTo(fresh);
        assertThat(overOnes).as("%s over 0xFF", layout).isEqualTo(fresh);
    }

    private static byte[] serializeInto(Serializer serializer, int capacity, byte fill)
            throws SizeLimitExceededException {
        byte[] scratch = new byte[capacity];
        Arrays.fill(scratch, fill);
        return serializer.serialize(BufferProvider.into(PacketBuffer.wrap(scratch))).toByteArray();
    }

    static EthernetBuilder ethernet(Random r) {
        return new EthernetBuilder().destination(mac(r)).source(mac(r)).etherType(EtherType.of(r.nextInt(0x10000)));
    }

    static VlanTagBuilder tag(Random r) {
        return new VlanTagBuilder().priority(r.nextInt(8)).dropEligible(r.nextBoolean()).vlanId(r.nextInt(4096))
                .etherType(EtherType.of(r.nextInt(0x10000)));
    }

    static Ipv6Address ipv6(Random r) {
        return Ipv6Address.of(r.nextLong(), r.nextLong());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static <B extends PacketBuilder> B addresses(B builder, IpAddress<?> source, IpAddress<?> destination) {
        if (builder instanceof TcpBuilder tcp) {
            tcp.addresses((IpAddress) source, (IpAddress) destination);
        } else {
            ((UdpBuilder) builder).addresses((IpAddress) source, (IpAddress) destination);
        }
        return builder;
    }

    static MacAddress mac(Random r) {
        return MacAddress.of(r.nextLong() & 0xFFFF_FFFF_FFFFL);
    }

    static byte[] bytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }
}
