package io.zerowire.protocols;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.link.MacAddress;
import io.zerowire.options.OptionFormat;
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
 * No stale bytes leak: for each builder of this module, serializing into a reused buffer pre-filled
 * with 0x00 and into one pre-filled with 0xFF gives the same bytes as a fresh buffer (random field
 * values, options, short bodies that Ethernet pads, derived fields overridden now and then).
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
                OptionsBuilder options = new OptionsBuilder(OptionFormat.IPV4);
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
        };

        abstract Serializer build(Random r);
    }

    @Property(tries = 1000)
    void zerosAndOnesGiveTheSameBytes(@ForAll Case layout, @ForAll long seed, @ForAll @IntRange(max = 64) int slack)
            throws SizeLimitExceededException {
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

    static MacAddress mac(Random r) {
        return MacAddress.of(r.nextLong() & 0xFFFF_FFFF_FFFFL);
    }

    static byte[] bytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }
}
