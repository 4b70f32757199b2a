package io.zerowire.protocols.ethernet;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.link.MacAddress;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.arp.Arp;
import io.zerowire.protocols.arp.ArpBuilder;
import io.zerowire.protocols.arp.ArpOperation;
import io.zerowire.protocols.arp.ArpPackets;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ipv4.Ipv4Builder;
import io.zerowire.protocols.ipv4.Ipv4OptionsBuilder;
import io.zerowire.protocols.ipv4.Ipv4Packet;
import io.zerowire.protocols.testing.Corpus;
import io.zerowire.serialize.Serializer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Hostile frames: Ethernet frames with 0 to 2 tags carrying ARP or IPv4, built then mutated, and
 * every captured Ethernet frame mutated, go through the whole parse chain (Ethernet with and
 * without the minimum-length check, each tag, ARP or IPv4). Each step either parses or throws a
 * {@link ParseException} that leaves the buffer where it was; nothing else escapes; nothing is
 * written.
 */
class LinkRobustnessTest {
    private static final List<byte[]> BASES = bases();

    private static List<byte[]> bases() {
        List<byte[]> bases = new ArrayList<>();
        MacAddress mac = MacAddress.parse("02:00:00:00:00:01");
        try {
            for (int tags = 0; tags <= 2; tags++) {
                for (int payload = 0; payload < 2; payload++) {
                    Serializer s = payload == 0
                            ? Serializer.of(new byte[0]).encapsulate(new ArpBuilder().operation(ArpOperation.REQUEST)
                                    .senderHardwareAddress(mac).senderProtocolAddress(Ipv4Address.parse("10.0.0.1"))
                                    .targetProtocolAddress(Ipv4Address.parse("10.0.0.2")))
                            : Serializer.of(new byte[12]).encapsulate(new Ipv4Builder().ttl(1).protocol(IpProtocol.IGMP)
                                    .options(new Ipv4OptionsBuilder().routerAlert(0).optionsBuilder()));
                    EtherType type = payload == 0 ? EtherType.ARP : EtherType.IPV4;
                    for (int i = 0; i < tags; i++) {
                        s = s.encapsulate(new VlanTagBuilder().vlanId(10 + i).etherType(type));
                        type = i == 1 ? EtherType.QINQ : EtherType.VLAN;
                    }
                    bases.add(s.encapsulate(new EthernetBuilder().destination(mac).source(mac).etherType(type))
                            .serialize().toByteArray());
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return bases;
    }

    @Provide
    Arbitrary<byte[]> mutatedFrames() {
        return Combinators.combine(Arbitraries.integers().between(0, BASES.size() - 1), Arbitraries.longs())
                .as((i, seed) -> mutate(BASES.get(i), new Random(seed)));
    }

    static byte[] mutate(byte[] base, Random r) {
        byte[] b = base.clone();
        for (int n = 1 + r.nextInt(4); n > 0 && b.length > 0; n--) {
            switch (r.nextInt(5)) {
                case 0 -> b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                case 1 -> {   // a type field: 802.3 lengths, tags, ARP, IPv4
                    int[] types = {0, 46, 1500, 1501, 0x0800, 0x0806, 0x8100, 0x88A8, 0xFFFF};
                    int at = new int[] {12, 16, 20}[r.nextInt(3)];
                    if (at + 1 < b.length) {
                        int type = types[r.nextInt(types.length)];
                        b[at] = (byte) (type >> 8);
                        b[at + 1] = (byte) type;
                    }
                }
                case 2 -> b = Arrays.copyOf(b, r.nextInt(b.length + 1));
                case 3 -> b = Arrays.copyOf(b, b.length + r.nextInt(20));
                default -> b[r.nextInt(Math.min(b.length, 50))] = (byte) r.nextInt(256); // the headers' bytes
            }
        }
        return b;
    }

    @Property(tries = 3000)
    void mutatedFramesParseOrThrowAParseException(@ForAll("mutatedFrames") byte[] frame) {
        chain("mutated", frame);
    }

    @Test
    void everyCapturedEthernetFrameMutatedParsesOrThrowsAParseException() throws Exception {
        Random r = new Random(826);
        int frames = 0;
        for (Corpus.Frame frame : Corpus.ethernetFrames()) {
            chain(frame.name(), frame.bytes());
            if (frame.bytes().length > 0) {
                chain(frame.name() + " mutated", mutate(frame.bytes(), r));
            }
            frames++;
        }
        assertThat(frames).isGreaterThan(4000);
    }

    private interface Step {
        void parse(PacketBuffer buffer) throws ParseException;
    }

    static void chain(String name, byte[] frame) {
        for (EthernetFrames.MinimumLength minimum : EthernetFrames.MinimumLength.values()) {
            byte[] copy = frame.clone();
            PacketBuffer buffer = PacketBuffer.wrap(copy);
            Ethernet eth = new Ethernet();
            VlanTag tag = new VlanTag();
            EtherType[] type = new EtherType[1];
            boolean ok = step(name, buffer, b -> type[0] = EthernetFrames.wrap(eth, b, minimum).etherType());
            for (int tags = 0; ok && type[0].isTag() && tags < 8; tags++) {
                ok = step(name, buffer, b -> type[0] = EthernetFrames.wrapTag(tag, b).etherType());
            }
            if (ok && type[0].equals(EtherType.ARP)) {
                Arp arp = new Arp();
                if (step(name, buffer, b -> ArpPackets.wrap(arp, b))) {
                    assertThat(buffer.bodyLength()).as(name).isZero();
                    assertThat(arp.toString()).isNotEmpty();
                }
            } else if (ok && type[0].equals(EtherType.IPV4)) {
                Ipv4Packet ip = new Ipv4Packet();
                if (step(name, buffer, ip::wrapUnverified)) {
                    assertThat(ip.toString() + ip.pseudoHeaderDestination()).isNotEmpty();
                }
            }
            assertThat(copy).as(name + ": parsing never writes").isEqualTo(frame);
        }
    }

    private static boolean step(String name, PacketBuffer buffer, Step step) {
        int start = buffer.bodyStart();
        int end = buffer.bodyEnd();
        try {
            step.parse(buffer);
            return true;
        } catch (ParseException e) {
            assertThat(buffer.bodyStart()).as(name + ": " + e.getMessage()).isEqualTo(start);
            assertThat(buffer.bodyEnd()).as(name + ": " + e.getMessage()).isEqualTo(end);
            return false;
        } catch (RuntimeException e) {
            throw new AssertionError(name + ": " + e, e);
        }
    }
}
