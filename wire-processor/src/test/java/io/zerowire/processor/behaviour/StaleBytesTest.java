package io.zerowire.processor.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.link.MacAddress;
import io.zerowire.options.OptionsBuilder;
import io.zerowire.processor.sample.ArpPacketV4Builder;
import io.zerowire.processor.sample.ArpPacketV6Builder;
import io.zerowire.processor.sample.Ipv4HeaderBuilder;
import io.zerowire.processor.sample.Protocol;
import io.zerowire.processor.sample.UdpHeaderV4Builder;
import io.zerowire.processor.sample.UdpHeaderV6Builder;
import io.zerowire.serialize.Serializer;
import io.zerowire.serialize.SizeLimitExceededException;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * No stale bytes leak (DESIGN.md section 6): for every layout these tests use, serializing into a
 * reused buffer pre-filled with 0x00 and into one pre-filled with 0xFF gives the same bytes as a
 * fresh buffer, with random field values, options, payloads and deliberately overridden derived
 * fields. (The generated width layouts are checked the same way in {@link WidthsAndAlignmentsTest}.)
 */
class StaleBytesTest {
    /** A packet built from random choices. */
    enum Case {
        IPV4 {
            @Override
            Serializer build(Random r) {
                OptionsBuilder options = new OptionsBuilder(Ipv4OptionFormat.FORMAT);
                for (int i = r.nextInt(6); i > 0; i--) {
                    if (r.nextBoolean()) {
                        options.addSingleByte(1);
                    } else {
                        options.add(2 + r.nextInt(200), bytes(r, r.nextInt(5)));
                    }
                }
                Ipv4HeaderBuilder ip = new Ipv4HeaderBuilder().dscp(r.nextInt(64)).ecn(r.nextInt(4))
                        .identification(r.nextInt(0x10000)).dontFragment(r.nextBoolean())
                        .moreFragments(r.nextBoolean()).fragmentOffset(r.nextInt(0x2000)).ttl(r.nextInt(256))
                        .protocol(Protocol.of(r.nextInt(256))).source(Ipv4Address.of(r.nextInt()))
                        .destination(Ipv4Address.of(r.nextInt())).options(r.nextBoolean() ? options : null);
                if (r.nextInt(4) == 0) {
                    ip.version(r.nextInt(16)).ihl(r.nextInt(16)).totalLength(r.nextInt(0x10000))
                            .headerChecksum(r.nextInt(0x10000)).evil(r.nextBoolean());
                }
                return Serializer.of(bytes(r, r.nextInt(30))).encapsulate(ip);
            }
        },
        UDP_OVER_IPV4_IN_IPV4 {
            @Override
            Serializer build(Random r) {
                Ipv4Address source = Ipv4Address.of(r.nextInt());
                Ipv4Address destination = Ipv4Address.of(r.nextInt());
                UdpHeaderV4Builder udp = new UdpHeaderV4Builder().sourcePort(r.nextInt(0x10000))
                        .destinationPort(r.nextInt(0x10000)).addresses(source, destination);
                if (r.nextInt(4) == 0) {
                    udp.checksum(0);
                }
                return Serializer.of(bytes(r, r.nextInt(30))).encapsulate(udp)
                        .encapsulate(new Ipv4HeaderBuilder().ttl(64).protocol(Protocol.UDP).source(source)
                                .destination(destination));
            }
        },
        UDP_OVER_IPV6 {
            @Override
            Serializer build(Random r) {
                UdpHeaderV6Builder udp = new UdpHeaderV6Builder().sourcePort(r.nextInt(0x10000))
                        .destinationPort(r.nextInt(0x10000))
                        .addresses(Ipv6Address.of(r.nextLong(), r.nextLong()), Ipv6Address.of(r.nextLong(), r.nextLong()));
                if (r.nextInt(4) == 0) {
                    udp.length(r.nextInt(0x10000));
                }
                return Serializer.of(bytes(r, r.nextInt(30))).encapsulate(udp);
            }
        },
        TCP {
            @Override
            Serializer build(Random r) {
                OptionsBuilder options = new OptionsBuilder(TcpOptionFormat.FORMAT);
                if (r.nextBoolean()) {
                    options.addU16(2, r.nextInt(0x10000));
                }
                if (r.nextBoolean()) {
                    options.addSingleByte(1).addU8(3, r.nextInt(15));
                }
                if (r.nextBoolean()) {
                    options.addEndOfList();
                }
                return Serializer.of(bytes(r, r.nextInt(30))).encapsulate(new TcpLikeBuilder()
                        .sourcePort(r.nextInt(0x10000)).destinationPort(r.nextInt(0x10000))
                        .sequenceNumber(r.nextLong() & 0xFFFF_FFFFL).acknowledgmentNumber(r.nextLong() & 0xFFFF_FFFFL)
                        .flags(r.nextInt(256)).window(r.nextInt(0x10000)).urgentPointer(r.nextInt(0x10000))
                        .addresses(Ipv4Address.of(r.nextInt()), Ipv4Address.of(r.nextInt())).options(options));
            }
        },
        GUARDED {
            @Override
            Serializer build(Random r) {
                OptionsBuilder options = new OptionsBuilder(Ipv6OptionFormat.FORMAT);
                for (int i = r.nextInt(4); i > 0; i--) {
                    options.add(2 + r.nextInt(250), bytes(r, r.nextInt(11)));
                }
                GuardedBuilder guarded = new GuardedBuilder().kind(r.nextInt(0x10000)).tail(r.nextInt(0x10000))
                        .options(options);
                if (r.nextInt(4) == 0) {
                    guarded.reserved(r.nextInt(16)).magic(r.nextInt(0x1000));
                }
                return Serializer.of(bytes(r, 2 * r.nextInt(15))).encapsulate(guarded);
            }
        },
        LITTLE_GUARDED {
            @Override
            Serializer build(Random r) {
                OptionsBuilder options = new OptionsBuilder(TcpOptionFormat.FORMAT);
                for (int i = r.nextInt(4); i > 0; i--) {
                    options.add(2 + r.nextInt(250), bytes(r, r.nextInt(6)));
                }
                return Serializer.of(bytes(r, r.nextInt(30))).encapsulate(new LittleGuardedBuilder()
                        .flags(r.nextInt(16)).spare(r.nextInt(256)).sequence(r.nextInt(0x10000)).id(r.nextInt(0x10000))
                        .options(options));
            }
        },
        FLOOD {
            @Override
            Serializer build(Random r) {
                OptionsBuilder options = new OptionsBuilder(Ipv4OptionFormat.FORMAT);
                for (int i = r.nextInt(60); i > 0; i--) {
                    options.addSingleByte(1);
                }
                return Serializer.of(bytes(r, r.nextInt(30))).encapsulate(new FloodBuilder().id(r.nextInt(1 << 24))
                        .options(options));
            }
        },
        CONSTANTS {
            @Override
            Serializer build(Random r) {
                ConstantsBuilder constants = new ConstantsBuilder().free(r.nextInt(128));
                if (r.nextBoolean()) {
                    constants.minusTwo(r.nextInt(256) - 128).topBit(r.nextLong());
                }
                return Serializer.of(bytes(r, r.nextInt(8))).encapsulate(constants);
            }
        },
        TYPED {
            @Override
            Serializer build(Random r) {
                TypedFieldsBuilder typed = new TypedFieldsBuilder().small(r.nextInt(8)).flag(r.nextBoolean())
                        .mac(MacAddress.of(r.nextLong() & 0xFFFF_FFFF_FFFFL)).nonce(bytes(r, 5))
                        .v4(Ipv4Address.of(r.nextInt())).v6(Ipv6Address.of(r.nextLong(), r.nextLong()))
                        .protocol(Protocol.of(r.nextInt(256))).last(r.nextBoolean()).tail(r.nextInt(128));
                if (r.nextBoolean()) {
                    typed.zeros(bytes(r, 3)).unused(Ipv4Address.of(r.nextInt())).reserved(r.nextInt(64))
                            .alwaysSet(false);
                }
                return Serializer.of(bytes(r, r.nextInt(8))).encapsulate(typed);
            }
        },
        ARP {
            @Override
            Serializer build(Random r) {
                if (r.nextBoolean()) {
                    return Serializer.of(new byte[0]).encapsulate(new ArpPacketV4Builder().hardwareType(1)
                            .protocolType(0x0800).hardwareLength(6).protocolLength(4).operation(1 + r.nextInt(2))
                            .senderHardwareAddress(MacAddress.of(r.nextLong() & 0xFFFF_FFFF_FFFFL))
                            .senderProtocolAddress(Ipv4Address.of(r.nextInt()))
                            .targetHardwareAddress(MacAddress.of(r.nextLong() & 0xFFFF_FFFF_FFFFL))
                            .targetProtocolAddress(Ipv4Address.of(r.nextInt())));
                }
                return Serializer.of(new byte[0]).encapsulate(new ArpPacketV6Builder().hardwareType(1)
                        .protocolType(0x86DD).hardwareLength(6).protocolLength(16).operation(1)
                        .senderHardwareAddress(MacAddress.of(r.nextLong() & 0xFFFF_FFFF_FFFFL))
                        .senderProtocolAddress(Ipv6Address.of(r.nextLong(), r.nextLong()))
                        .targetHardwareAddress(MacAddress.of(r.nextLong() & 0xFFFF_FFFF_FFFFL))
                        .targetProtocolAddress(Ipv6Address.of(r.nextLong(), r.nextLong())));
            }
        };

        abstract Serializer build(Random r);

        static byte[] bytes(Random r, int length) {
            byte[] bytes = new byte[length];
            r.nextBytes(bytes);
            return bytes;
        }
    }

    @Property(tries = 2000)
    void zerosAndOnesGiveTheSameBytes(@ForAll Case layout, @ForAll long seed, @ForAll @IntRange(max = 64) int slack)
            throws SizeLimitExceededException {
        Serializer serializer = layout.build(new Random(seed));
        byte[] fresh = serializer.serialize().toByteArray();
        byte[] overZeros = ReflectiveLayout.serializeInto(serializer, fresh.length + slack, (byte) 0);
        byte[] overOnes = ReflectiveLayout.serializeInto(serializer, fresh.length + slack, (byte) 0xFF);
        assertThat(overZeros).as("%s over 0x00", layout).isEqualTo(fresh);
        assertThat(overOnes).as("%s over 0xFF", layout).isEqualTo(fresh);
        // And the same builder a second time into a dirty buffer it wrote before.
        assertThat(ReflectiveLayout.serializeInto(serializer, fresh.length + slack, (byte) 0x5A)).isEqualTo(fresh);
    }
}
