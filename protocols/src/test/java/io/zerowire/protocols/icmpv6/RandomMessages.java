package io.zerowire.protocols.icmpv6;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.Bytes;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.link.MacAddress;
import io.zerowire.protocols.icmpv6.mld.MldBuilder;
import io.zerowire.protocols.icmpv6.mld.Mldv2;
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
import io.zerowire.protocols.icmpv6.ndp.PrefixInformationBuilder;
import io.zerowire.protocols.icmpv6.ndp.RecursiveDnsServerBuilder;
import io.zerowire.protocols.icmpv6.ndp.RedirectBuilder;
import io.zerowire.protocols.icmpv6.ndp.RouteInformationBuilder;
import io.zerowire.protocols.icmpv6.ndp.RoutePreference;
import io.zerowire.protocols.icmpv6.ndp.RouterAdvertisementBuilder;
import io.zerowire.protocols.icmpv6.ndp.RouterSolicitationBuilder;
import io.zerowire.serialize.InnerPacketBuilder;
import io.zerowire.serialize.PacketBuilder;
import io.zerowire.serialize.Serializer;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Test-only: random valid ICMPv6 messages of every kind, built with the package's builders, each
 * with the checks its parse must pass. Expected option and record bytes are encoded here by hand,
 * independently of the builders, from the RFC layouts.
 */
final class RandomMessages {
    private RandomMessages() {}

    /** What a parse of the built message must show. */
    interface Check {
        void verify(Icmpv6Packet packet);
    }

    /** A message ready to serialize (as often as needed) and its checks. */
    record Message(String name, Serializer serializer, Ipv6Address source, Ipv6Address destination, Check check) {}

    static final int KINDS = 15;

    static Message random(Random r) {
        return random(r, r.nextInt(KINDS));
    }

    static Message random(Random r, int kind) {
        Ipv6Address source = address(r);
        Ipv6Address destination = address(r);
        Icmpv6HeaderBuilder header = new Icmpv6HeaderBuilder().addresses(source, destination);
        int code = r.nextInt(4) == 0 ? r.nextInt(256) : 0;
        header.code(code);
        switch (kind) {
            case 0, 1, 2, 3 -> {
                byte[] quoted = bytes(r, r.nextInt(120));
                long value = r.nextLong() & 0xFFFF_FFFFL;
                PacketBuilder message;
                Icmpv6Message expected;
                switch (kind) {
                    case 0 -> {
                        DestinationUnreachableBuilder b = new DestinationUnreachableBuilder();
                        if (r.nextBoolean()) {
                            b.unused(value);
                        } else {
                            value = 0;
                        }
                        message = b;
                        expected = Icmpv6Message.DESTINATION_UNREACHABLE;
                        header.type(Icmpv6Type.DESTINATION_UNREACHABLE);
                    }
                    case 1 -> {
                        message = new PacketTooBigBuilder().mtu(value);
                        expected = Icmpv6Message.PACKET_TOO_BIG;
                        header.type(Icmpv6Type.PACKET_TOO_BIG);
                    }
                    case 2 -> {
                        TimeExceededBuilder b = new TimeExceededBuilder();
                        if (r.nextBoolean()) {
                            b.unused(value);
                        } else {
                            value = 0;
                        }
                        message = b;
                        expected = Icmpv6Message.TIME_EXCEEDED;
                        header.type(Icmpv6Type.TIME_EXCEEDED);
                    }
                    default -> {
                        message = new ParameterProblemBuilder().pointer(value);
                        expected = Icmpv6Message.PARAMETER_PROBLEM;
                        header.type(Icmpv6Type.PARAMETER_PROBLEM);
                    }
                }
                long field = value;
                return new Message(expected.name(), Serializer.of(quoted).encapsulate(message).encapsulate(header),
                        source, destination, p -> {
                            common(p, expected, code);
                            long actual = switch (expected) {
                                case DESTINATION_UNREACHABLE -> p.destinationUnreachable().unused();
                                case PACKET_TOO_BIG -> p.packetTooBig().mtu();
                                case TIME_EXCEEDED -> p.timeExceeded().unused();
                                default -> p.parameterProblem().pointer();
                            };
                            assertThat(actual).isEqualTo(field);
                            assertThat(body(p)).isEqualTo(quoted);
                            assertThat(p.quotedPacketLength()).isEqualTo(quoted.length);
                        });
            }
            case 4 -> {
                boolean request = r.nextBoolean();
                int identifier = r.nextInt(0x10000);
                int sequence = r.nextInt(0x10000);
                byte[] data = bytes(r, r.nextInt(100));
                header.type(request ? Icmpv6Type.ECHO_REQUEST : Icmpv6Type.ECHO_REPLY);
                Icmpv6Message expected = request ? Icmpv6Message.ECHO_REQUEST : Icmpv6Message.ECHO_REPLY;
                return new Message(expected.name(), Serializer.of(data)
                        .encapsulate(new EchoBuilder().identifier(identifier).sequenceNumber(sequence))
                        .encapsulate(header), source, destination, p -> {
                            common(p, expected, code);
                            assertThat(p.echo().identifier()).isEqualTo(identifier);
                            assertThat(p.echo().sequenceNumber()).isEqualTo(sequence);
                            assertThat(body(p)).isEqualTo(data);
                        });
            }
            case 5 -> {
                int which = r.nextInt(3);
                Icmpv6Message expected = which == 0 ? Icmpv6Message.MLD_QUERY
                        : which == 1 ? Icmpv6Message.MLD_REPORT : Icmpv6Message.MLD_DONE;
                header.type(Icmpv6Type.of(expected.type()));
                int delay = r.nextInt(0x10000);
                Ipv6Address group = address(r);
                // A query is exactly 24 bytes; reports and dones may carry more, which is ignored.
                byte[] extra = which == 0 ? new byte[0] : bytes(r, r.nextInt(3) == 0 ? r.nextInt(12) : 0);
                return new Message(expected.name(), Serializer.of(extra)
                        .encapsulate(new MldBuilder().maximumResponseDelay(delay).multicastAddress(group))
                        .encapsulate(header), source, destination, p -> {
                            common(p, expected, code);
                            assertThat(p.mld().maximumResponseDelay()).isEqualTo(delay);
                            assertThat(p.mld().multicastAddress()).isEqualTo(group);
                            assertThat(p.mld().reserved()).isZero();
                        });
            }
            case 6 -> {
                header.type(Icmpv6Type.MULTICAST_LISTENER_QUERY);
                int mrc = r.nextInt(0x10000);
                Ipv6Address group = r.nextBoolean() ? Ipv6Address.of(0, 0) : address(r);
                boolean s = r.nextBoolean();
                int qrv = r.nextInt(8);
                int qqic = r.nextInt(256);
                List<Ipv6Address> sources = addresses(r, r.nextInt(6));
                byte[] extra = bytes(r, r.nextInt(4) == 0 ? r.nextInt(10) : 0);
                SourceAddressesBuilder list = new SourceAddressesBuilder().addAll(sources);
                return new Message("MLDV2_QUERY", Serializer.of(concat(list, extra))
                        .encapsulate(new Mldv2QueryBuilder().maximumResponseCode(mrc).multicastAddress(group)
                                .suppressRouterSideProcessing(s).querierRobustnessVariable(qrv)
                                .querierQueryIntervalCode(qqic).numberOfSources(list.count()))
                        .encapsulate(header), source, destination, p -> {
                            common(p, Icmpv6Message.MLDV2_QUERY, code);
                            assertThat(p.mldv2Query().maximumResponseCode()).isEqualTo(mrc);
                            assertThat(p.mldv2Query().multicastAddress()).isEqualTo(group);
                            assertThat(p.mldv2Query().suppressRouterSideProcessing()).isEqualTo(s);
                            assertThat(p.mldv2Query().querierRobustnessVariable()).isEqualTo(qrv);
                            assertThat(p.mldv2Query().querierQueryIntervalCode()).isEqualTo(qqic);
                            SourceAddresses parsed = p.querySources();
                            assertThat(parsed.count()).isEqualTo(sources.size());
                            for (int i = 0; i < sources.size(); i++) {
                                assertThat(parsed.get(i)).isEqualTo(sources.get(i));
                                assertThat(Ipv6Address.of(parsed.high(i), parsed.low(i))).isEqualTo(sources.get(i));
                            }
                        });
            }
            case 7 -> {
                header.type(Icmpv6Type.MULTICAST_LISTENER_REPORT_V2);
                Mldv2RecordsBuilder records = new Mldv2RecordsBuilder();
                ByteArrayOutputStream expected = new ByteArrayOutputStream();
                int n = r.nextInt(5);
                for (int i = 0; i < n; i++) {
                    int type = 1 + r.nextInt(6);
                    Ipv6Address group = address(r);
                    List<Ipv6Address> sources = addresses(r, r.nextInt(4));
                    byte[] aux = bytes(r, 4 * (r.nextInt(4) == 0 ? r.nextInt(3) : 0));
                    records.add(type, group, sources, aux);
                    // RFC 3810 section 5.2.4, by hand.
                    expected.write(type);
                    expected.write(aux.length / 4);
                    expected.write(sources.size() >> 8);
                    expected.write(sources.size());
                    expected.writeBytes(group.toByteArray());
                    sources.forEach(a -> expected.writeBytes(a.toByteArray()));
                    expected.writeBytes(aux);
                }
                byte[] recordBytes = expected.toByteArray();
                byte[] extra = bytes(r, r.nextInt(4) == 0 ? r.nextInt(10) : 0);
                return new Message("MLDV2_REPORT", Serializer.of(concat(records, extra))
                        .encapsulate(new Mldv2ReportBuilder().numberOfRecords(records.count()))
                        .encapsulate(header), source, destination, p -> {
                            common(p, Icmpv6Message.MLDV2_REPORT, code);
                            assertThat(p.mldv2Report().numberOfRecords()).isEqualTo(n);
                            byte[] b = p.array();
                            assertThat(Arrays.copyOfRange(b, p.bodyOffset(), p.bodyOffset() + recordBytes.length))
                                    .isEqualTo(recordBytes);
                            Mldv2Records parsed = p.records();
                            int at = 0;
                            int count = 0;
                            while (parsed.next()) {
                                count++;
                                assertThat(parsed.recordOffset()).isEqualTo(p.bodyOffset() + at);
                                assertThat(parsed.record().recordType()).isEqualTo(recordBytes[at] & 0xFF);
                                assertThat(parsed.record().multicastAddress())
                                        .isEqualTo(Ipv6Address.read(recordBytes, at + 4));
                                for (int i = 0; i < parsed.sources().count(); i++) {
                                    assertThat(parsed.sources().get(i))
                                            .isEqualTo(Ipv6Address.read(recordBytes, at + 20 + 16 * i));
                                }
                                at += parsed.recordLength();
                            }
                            assertThat(count).isEqualTo(n);
                            assertThat(at).isEqualTo(recordBytes.length);
                        });
            }
            case 8, 9, 10, 11, 12 -> {
                Options options = options(r, kind == 12);
                PacketBuilder message;
                Icmpv6Message expected;
                Check fields;
                switch (kind) {
                    case 8 -> {
                        expected = Icmpv6Message.ROUTER_SOLICITATION;
                        message = new RouterSolicitationBuilder();
                        fields = p -> assertThat(p.routerSolicitation().reserved()).isZero();
                    }
                    case 9 -> {
                        expected = Icmpv6Message.ROUTER_ADVERTISEMENT;
                        int hop = r.nextInt(256);
                        boolean m = r.nextBoolean();
                        boolean o = r.nextBoolean();
                        boolean h = r.nextBoolean();
                        RoutePreference prf = RoutePreference.of(r.nextInt(4));
                        boolean proxy = r.nextBoolean();
                        int lifetime = r.nextInt(0x10000);
                        long reachable = r.nextLong() & 0xFFFF_FFFFL;
                        long retrans = r.nextLong() & 0xFFFF_FFFFL;
                        message = new RouterAdvertisementBuilder().currentHopLimit(hop).managedAddressConfiguration(m)
                                .otherConfiguration(o).homeAgent(h).routerPreference(prf).proxy(proxy)
                                .routerLifetime(lifetime).reachableTime(reachable).retransTimer(retrans);
                        fields = p -> {
                            var ra = p.routerAdvertisement();
                            assertThat(ra.currentHopLimit()).isEqualTo(hop);
                            assertThat(ra.managedAddressConfiguration()).isEqualTo(m);
                            assertThat(ra.otherConfiguration()).isEqualTo(o);
                            assertThat(ra.homeAgent()).isEqualTo(h);
                            assertThat(ra.routerPreference()).isSameAs(prf);
                            assertThat(ra.proxy()).isEqualTo(proxy);
                            assertThat(ra.reserved()).isZero();
                            assertThat(ra.routerLifetime()).isEqualTo(lifetime);
                            assertThat(ra.reachableTime()).isEqualTo(reachable);
                            assertThat(ra.retransTimer()).isEqualTo(retrans);
                        };
                    }
                    case 10 -> {
                        expected = Icmpv6Message.NEIGHBOR_SOLICITATION;
                        Ipv6Address target = address(r);
                        message = new NeighborSolicitationBuilder().target(target);
                        fields = p -> assertThat(p.neighborSolicitation().target()).isEqualTo(target);
                    }
                    case 11 -> {
                        expected = Icmpv6Message.NEIGHBOR_ADVERTISEMENT;
                        Ipv6Address target = address(r);
                        boolean router = r.nextBoolean();
                        boolean solicited = r.nextBoolean();
                        boolean override = r.nextBoolean();
                        message = new NeighborAdvertisementBuilder().router(router).solicited(solicited)
                                .override(override).target(target);
                        fields = p -> {
                            var na = p.neighborAdvertisement();
                            assertThat(na.router()).isEqualTo(router);
                            assertThat(na.solicited()).isEqualTo(solicited);
                            assertThat(na.override()).isEqualTo(override);
                            assertThat(na.reserved()).isZero();
                            assertThat(na.target()).isEqualTo(target);
                        };
                    }
                    default -> {
                        expected = Icmpv6Message.REDIRECT;
                        Ipv6Address target = address(r);
                        Ipv6Address redirected = address(r);
                        message = new RedirectBuilder().target(target).destination(redirected);
                        fields = p -> {
                            assertThat(p.redirect().target()).isEqualTo(target);
                            assertThat(p.redirect().destination()).isEqualTo(redirected);
                        };
                    }
                }
                header.type(Icmpv6Type.of(expected.type()));
                return new Message(expected.name(), Serializer.of(options.builder).encapsulate(message)
                        .encapsulate(header), source, destination, p -> {
                            common(p, expected, code);
                            fields.verify(p);
                            options.verify(p.ndpOptions());
                            assertThat(body(p)).isEqualTo(options.expected.toByteArray());
                        });
            }
            default -> {
                // A type without a layout here: the common header and the body.
                int type = r.nextBoolean() ? 5 + r.nextInt(123) : 144 + r.nextInt(112);
                if (type == 143) {
                    type = 139;
                }
                header.type(Icmpv6Type.of(type));
                byte[] rest = bytes(r, r.nextInt(60));
                int t = type;
                return new Message("OTHER", Serializer.of(rest).encapsulate(header), source, destination, p -> {
                    common(p, Icmpv6Message.OTHER, code);
                    assertThat(p.typeValue()).isEqualTo(t);
                    assertThat(body(p)).isEqualTo(rest);
                });
            }
        }
    }

    private static void common(Icmpv6Packet p, Icmpv6Message expected, int code) {
        assertThat(p.message()).isEqualTo(expected);
        assertThat(p.code()).isEqualTo(code);
        assertThat(p.checksumValid()).isTrue();
        if (expected != Icmpv6Message.OTHER) {
            assertThat(p.typeValue()).isEqualTo(expected.type());
        }
        assertThat(p.headerLength()).isEqualTo(Icmpv6Packet.HEADER_LENGTH + expected.fixedLength());
    }

    private static byte[] body(Icmpv6Packet p) {
        return Arrays.copyOfRange(p.array(), p.bodyOffset(), p.bodyOffset() + p.bodyLength());
    }

    /** Random options through the typed and raw builders, with their bytes encoded by hand. */
    static final class Options {
        final NdpOptionsBuilder builder = new NdpOptionsBuilder();
        final ByteArrayOutputStream expected = new ByteArrayOutputStream();
        final List<OptionCheck> checks = new ArrayList<>();
        private final List<Integer> types = new ArrayList<>();

        void verify(NdpOptions options) {
            assertThat(options.count()).isEqualTo(types.size());
            for (int i = 0; i < types.size(); i++) {
                assertThat(options.next()).isTrue();
                assertThat(options.type()).isEqualTo(types.get(i));
                assertThat(options.length() % 8).isZero();
                checks.get(i).verify(options);
            }
            assertThat(options.next()).isFalse();
        }

        void add(int type, byte[] value, OptionCheck check) {
            int total = (2 + value.length + 7) / 8 * 8;
            expected.write(type);
            expected.write(total / 8);
            expected.writeBytes(value);
            expected.writeBytes(new byte[total - 2 - value.length]);
            types.add(type);
            checks.add(check);
        }
    }

    /** Checks on the option the reader is positioned on. */
    interface OptionCheck {
        void verify(NdpOptions options);
    }

    static Options options(Random r, boolean redirect) {
        Options o = new Options();
        int n = r.nextInt(7);
        for (int i = 0; i < n; i++) {
            switch (r.nextInt(redirect ? 10 : 9)) {
                case 0, 1 -> {
                    boolean sourceAddress = r.nextBoolean();
                    MacAddress mac = MacAddress.of(r.nextLong() & 0xFFFF_FFFF_FFFFL);
                    if (sourceAddress) {
                        o.builder.sourceLinkLayerAddress(mac);
                    } else {
                        o.builder.targetLinkLayerAddress(mac);
                    }
                    o.add(sourceAddress ? 1 : 2, mac.toByteArray(), x -> {
                        assertThat(x.linkLayerAddress().address()).isEqualTo(mac);
                        assertThat(x.prefixInformation()).isNull();
                    });
                }
                case 2 -> {
                    int length = r.nextInt(129);
                    boolean l = r.nextBoolean();
                    boolean a = r.nextBoolean();
                    boolean router = r.nextBoolean();
                    long valid = r.nextLong() & 0xFFFF_FFFFL;
                    long preferred = r.nextLong() & 0xFFFF_FFFFL;
                    Ipv6Address prefix = address(r);
                    o.builder.prefixInformation(new PrefixInformationBuilder().prefixLength(length).onLink(l)
                            .autonomous(a).routerAddress(router).validLifetime(valid).preferredLifetime(preferred)
                            .prefix(prefix));
                    byte[] v = new byte[30];
                    v[0] = (byte) length;
                    v[1] = (byte) ((l ? 0x80 : 0) | (a ? 0x40 : 0) | (router ? 0x20 : 0));
                    Bytes.putI32(v, 2, (int) valid);
                    Bytes.putI32(v, 6, (int) preferred);
                    prefix.write(v, 14);
                    o.add(3, v, x -> {
                        var p = x.prefixInformation();
                        assertThat(p.prefixLength()).isEqualTo(length);
                        assertThat(p.onLink()).isEqualTo(l);
                        assertThat(p.autonomous()).isEqualTo(a);
                        assertThat(p.routerAddress()).isEqualTo(router);
                        assertThat(p.validLifetime()).isEqualTo(valid);
                        assertThat(p.preferredLifetime()).isEqualTo(preferred);
                        assertThat(p.prefix()).isEqualTo(prefix);
                    });
                }
                case 3 -> {
                    long mtu = r.nextLong() & 0xFFFF_FFFFL;
                    o.builder.mtu(mtu);
                    byte[] v = new byte[6];
                    Bytes.putI32(v, 2, (int) mtu);
                    o.add(5, v, x -> assertThat(x.mtu().mtu()).isEqualTo(mtu));
                }
                case 4 -> {
                    byte[] nonce = bytes(r, r.nextBoolean() ? 6 : 14);
                    o.builder.nonce(nonce);
                    o.add(14, nonce, x -> {
                        assertThat(x.isNonce()).isTrue();
                        assertThat(x.nonce()).isEqualTo(nonce);
                    });
                }
                case 5 -> {
                    int length = r.nextInt(129);
                    RoutePreference preference = RoutePreference.of(r.nextInt(4));
                    long lifetime = r.nextLong() & 0xFFFF_FFFFL;
                    Ipv6Address prefix = address(r);
                    int prefixBytes = length == 0 ? 0 : length <= 64 ? 8 : 16;
                    if (r.nextBoolean()) {
                        o.builder.routeInformation(length, preference, lifetime, prefix);
                    } else {
                        // RFC 4191 allows a longer option than the prefix needs.
                        prefixBytes = length == 0 ? 8 * r.nextInt(3) : length <= 64 ? 8 + 8 * r.nextInt(2) : 16;
                        o.builder.routeInformation(new RouteInformationBuilder().prefixLength(length)
                                .routePreference(preference).routeLifetime(lifetime), prefix, prefixBytes);
                    }
                    byte[] v = new byte[6 + prefixBytes];
                    v[0] = (byte) length;
                    v[1] = (byte) (preference.value() << 3);
                    Bytes.putI32(v, 2, (int) lifetime);
                    System.arraycopy(prefix.toByteArray(), 0, v, 6, prefixBytes);
                    int bytes = prefixBytes;
                    o.add(24, v, x -> {
                        assertThat(x.routeInformation().prefixLength()).isEqualTo(length);
                        assertThat(x.routeInformation().routePreference()).isSameAs(preference);
                        assertThat(x.routeInformation().routeLifetime()).isEqualTo(lifetime);
                        assertThat(x.routePrefixBytes()).isEqualTo(bytes);
                        byte[] expected = new byte[16];
                        System.arraycopy(prefix.toByteArray(), 0, expected, 0, bytes);
                        assertThat(x.routePrefix()).isEqualTo(Ipv6Address.read(expected, 0));
                    });
                }
                case 6 -> {
                    long lifetime = r.nextLong() & 0xFFFF_FFFFL;
                    List<Ipv6Address> servers = addresses(r, 1 + r.nextInt(3));
                    o.builder.recursiveDnsServers(new RecursiveDnsServerBuilder().lifetime(lifetime), servers);
                    byte[] v = new byte[6 + 16 * servers.size()];
                    Bytes.putI32(v, 2, (int) lifetime);
                    for (int s = 0; s < servers.size(); s++) {
                        servers.get(s).write(v, 6 + 16 * s);
                    }
                    o.add(25, v, x -> {
                        assertThat(x.recursiveDnsServer().lifetime()).isEqualTo(lifetime);
                        assertThat(x.dnsServerCount()).isEqualTo(servers.size());
                        for (int s = 0; s < servers.size(); s++) {
                            assertThat(x.dnsServer(s)).isEqualTo(servers.get(s));
                            assertThat(Ipv6Address.of(x.dnsServerHigh(s), x.dnsServerLow(s))).isEqualTo(servers.get(s));
                        }
                    });
                }
                case 7, 8 -> {
                    int type = r.nextBoolean() ? 31 : 6 + r.nextInt(250);
                    if (type == 14 || type == 24 || type == 25) {
                        type = 31;
                    }
                    byte[] v = bytes(r, r.nextInt(24));
                    o.builder.add(type, v);
                    o.add(type, v, x -> {
                        assertThat(x.linkLayerAddress()).isNull();
                        assertThat(x.prefixInformation()).isNull();
                        assertThat(x.mtu()).isNull();
                        assertThat(x.routeInformation()).isNull();
                        assertThat(x.recursiveDnsServer()).isNull();
                        assertThat(x.isNonce()).isFalse();
                        assertThat(x.redirectedHeader()).isNull();
                    });
                }
                default -> {
                    byte[] packet = bytes(r, r.nextInt(60));
                    o.builder.redirectedHeader(packet, 0, packet.length);
                    byte[] v = new byte[6 + packet.length];
                    System.arraycopy(packet, 0, v, 6, packet.length);
                    o.add(4, v, x -> {
                        assertThat(x.redirectedHeader().reserved()).isZero();
                        assertThat(x.redirectedPacketLength()).isGreaterThanOrEqualTo(packet.length);
                        assertThat(Arrays.copyOfRange(x.array(), x.redirectedPacketOffset(),
                                x.redirectedPacketOffset() + packet.length)).isEqualTo(packet);
                    });
                }
            }
        }
        return o;
    }

    static Ipv6Address address(Random r) {
        return Ipv6Address.of(r.nextLong(), r.nextLong());
    }

    static List<Ipv6Address> addresses(Random r, int n) {
        List<Ipv6Address> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(address(r));
        }
        return list;
    }

    static byte[] bytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    static InnerPacketBuilder concat(InnerPacketBuilder first, byte[] rest) {
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
