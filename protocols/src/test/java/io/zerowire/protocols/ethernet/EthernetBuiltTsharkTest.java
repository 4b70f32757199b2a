package io.zerowire.protocols.ethernet;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.link.MacAddress;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import io.zerowire.pcap.LinkType;
import io.zerowire.pcap.PcapWriter;
import io.zerowire.protocols.arp.Arp;
import io.zerowire.protocols.arp.ArpBuilder;
import io.zerowire.protocols.arp.ArpOperation;
import io.zerowire.protocols.arp.ArpPackets;
import io.zerowire.pcap.testing.TestEnvironment;
import io.zerowire.protocols.testing.Tshark;
import io.zerowire.serialize.Serializer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Ethernet frames built with 0 to 3 VLAN tags (802.1Q, and 802.1ad service tags outside customer
 * tags), carrying ARP requests and replies, other EtherTypes or payloads too short for the
 * 60-byte minimum, written as a capture and dissected by tshark: every Ethernet, VLAN, 802.1ad and
 * ARP field, the padding the builder added, and each frame parsed back by this module.
 */
class EthernetBuiltTsharkTest {
    private static final int FRAMES = 400;

    @Test
    void builtFramesAgreeWithTshark() throws Exception {
        TestEnvironment.requireTshark();
        Random r = new Random(8021);
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < FRAMES; i++) {
            frames.add(frame(r));
        }
        Map<Integer, Tshark.Packet> dissection = Tshark.dissect(write(frames));
        Map<String, Integer> compared = new TreeMap<>();
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            byte[] f = frames.get(i);
            Tshark.Packet t = dissection.get(i + 1);
            String name = "#" + (i + 1);
            PacketBuffer buffer = PacketBuffer.wrap(f.clone());
            Ethernet eth = EthernetFrames.wrap(new Ethernet(), buffer, EthernetFrames.MinimumLength.CHECK);
            check(compared, disagreements, name, "eth.dst", t.first("eth.dst"), eth.destination().toString());
            check(compared, disagreements, name, "eth.src", t.first("eth.src"), eth.source().toString());
            check(compared, disagreements, name, "eth.type", Long.decode(t.first("eth.type")), (long) eth.etherTypeValue());
            EtherType type = eth.etherType();
            int customer = 0;
            int service = 0;
            while (type.isTag()) {
                boolean serviceTag = type.equals(EtherType.QINQ);
                VlanTag tag = EthernetFrames.wrapTag(new VlanTag(), buffer);
                String p = serviceTag ? "ieee8021ad." : "vlan.";
                int n = serviceTag ? service++ : customer++;
                check(compared, disagreements, name, p + "id", at(t, p + "id", n), (long) tag.vlanId());
                check(compared, disagreements, name, p + "priority", at(t, p + "priority", n), (long) tag.priority());
                check(compared, disagreements, name, p + "dei", at(t, p + "dei", n), tag.dropEligible() ? 1L : 0L);
                if (!serviceTag) {
                    check(compared, disagreements, name, "vlan.etype", at(t, "vlan.etype", n), (long) tag.etherTypeValue());
                }
                type = tag.etherType();
            }
            if (type.equals(EtherType.ARP)) {
                Arp arp;
                try {
                    arp = ArpPackets.parse(buffer);
                } catch (ParseException e) {
                    check(compared, disagreements, name, "arp (unsupported)", e.kind() == ParseErrorKind.UNSUPPORTED
                            && !"1".equals(t.first("arp.hw.type")), true);
                    continue;
                }
                check(compared, disagreements, name, "arp.opcode", Long.decode(t.first("arp.opcode")), (long) arp.operationValue());
                check(compared, disagreements, name, "arp.hw.type", t.first("arp.hw.type"), "1");
                check(compared, disagreements, name, "arp.proto.type", Long.decode(t.first("arp.proto.type")), 0x800L);
                check(compared, disagreements, name, "arp.src.hw_mac", t.first("arp.src.hw_mac"), arp.senderHardwareAddress().toString());
                check(compared, disagreements, name, "arp.src.proto_ipv4", t.first("arp.src.proto_ipv4"), arp.senderProtocolAddress().toString());
                check(compared, disagreements, name, "arp.dst.hw_mac", t.first("arp.dst.hw_mac"), arp.targetHardwareAddress().toString());
                check(compared, disagreements, name, "arp.dst.proto_ipv4", t.first("arp.dst.proto_ipv4"), arp.targetProtocolAddress().toString());
                int padding = buffer.suffixLength();
                check(compared, disagreements, name, "eth.padding", padding == 0 ? null : padding,
                        t.first("eth.padding") == null ? null : (t.first("eth.padding").length() + 1) / 3);
            }
        }
        System.out.printf("built Ethernet vs tshark: %d frames, %d field comparisons %s%n", frames.size(),
                compared.values().stream().mapToInt(Integer::intValue).sum(), compared);
        assertThat(disagreements).isEmpty();
        assertThat(compared).containsKeys("ieee8021ad.id", "vlan.id", "arp.opcode", "eth.padding", "arp (unsupported)");
    }

    private static void check(Map<String, Integer> compared, List<String> disagreements, String name, String field,
            Object tshark, Object ours) {
        compared.merge(field, 1, Integer::sum);
        if (!java.util.Objects.equals(tshark, ours)) {
            disagreements.add(name + " " + field + ": tshark " + tshark + ", we " + ours);
        }
    }

    private static Long at(Tshark.Packet t, String field, int i) {
        List<String> values = t.all(field);
        return values.size() > i ? Long.decode(values.get(i)) : null;
    }

    /** A random frame: ARP (sometimes of another hardware type), or an unknown EtherType with a short payload. */
    private static byte[] frame(Random r) throws Exception {
        Serializer inner;
        EtherType type;
        int kind = r.nextInt(5);
        if (kind < 3) {
            ArpBuilder arp = new ArpBuilder().operation(r.nextBoolean() ? ArpOperation.REQUEST : ArpOperation.REPLY)
                    .senderHardwareAddress(mac(r)).senderProtocolAddress(Ipv4Address.of(r.nextInt()))
                    .targetHardwareAddress(kind == 0 ? MacAddress.of(0) : mac(r))
                    .targetProtocolAddress(Ipv4Address.of(r.nextInt()));
            if (kind == 2 && r.nextInt(4) == 0) {
                arp.hardwareType(6); // IEEE 802 networks: an ARP this module does not parse
            }
            inner = Serializer.of(new byte[0]).encapsulate(arp);
            type = EtherType.ARP;
        } else {
            byte[] payload = new byte[r.nextInt(60)];
            r.nextBytes(payload);
            inner = Serializer.of(payload);
            type = EtherType.of(0x88B5 + r.nextInt(2)); // IEEE local experimental EtherTypes
        }
        int tags = r.nextInt(4);
        for (int i = 0; i < tags; i++) {
            boolean outermost = i == tags - 1;
            inner = inner.encapsulate(new VlanTagBuilder().priority(r.nextInt(8)).dropEligible(r.nextBoolean())
                    .vlanId(r.nextInt(4096)).etherType(type));
            type = outermost && tags >= 2 && r.nextBoolean() ? EtherType.QINQ : EtherType.VLAN;
        }
        return inner.encapsulate(new EthernetBuilder().destination(mac(r)).source(mac(r)).etherType(type))
                .serialize().toByteArray();
    }

    private static MacAddress mac(Random r) {
        return MacAddress.of(r.nextLong() & 0xFEFF_FFFF_FFFFL);
    }

    private static Path write(List<byte[]> frames) throws Exception {
        int hash = 1;
        for (byte[] f : frames) {
            hash = 31 * hash + Arrays.hashCode(f);
        }
        Path dir = Path.of("target", "built-captures");
        Files.createDirectories(dir);
        Path file = dir.resolve(String.format("ethernet-built-%08x.pcap", hash));
        if (!Files.exists(file)) {
            try (PcapWriter out = PcapWriter.builder(LinkType.ETHERNET).open(file)) {
                for (int i = 0; i < frames.size(); i++) {
                    out.write(1_700_000_000L + i, 0, frames.get(i), 0, frames.get(i).length, frames.get(i).length);
                }
            }
        }
        return file;
    }
}
