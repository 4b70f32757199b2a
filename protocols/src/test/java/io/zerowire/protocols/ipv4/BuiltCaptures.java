package io.zerowire.protocols.ipv4;

import io.zerowire.buffer.Bytes;
import io.zerowire.link.MacAddress;
import io.zerowire.pcap.LinkType;
import io.zerowire.pcap.PcapWriter;
import io.zerowire.protocols.ethernet.EtherType;
import io.zerowire.protocols.ethernet.EthernetBuilder;
import io.zerowire.protocols.ethernet.VlanTagBuilder;
import io.zerowire.serialize.NestedSerializer;
import io.zerowire.serialize.Serializer;
import io.zerowire.serialize.SizeLimitExceededException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Writes packets built in a test as a capture for tshark, behind the link header of each link type
 * the comparison covers. The file name carries a hash of the content, because tshark's results are
 * cached by file name and size.
 */
final class BuiltCaptures {
    static final List<LinkType> LINK_TYPES = List.of(LinkType.IPV4, LinkType.RAW, LinkType.ETHERNET,
            LinkType.LINUX_SLL, LinkType.LINUX_SLL2, LinkType.NULL);

    private static final MacAddress SOURCE = MacAddress.parse("02:00:00:00:00:01");
    private static final MacAddress DESTINATION = MacAddress.parse("02:00:00:00:00:02");
    private static final int ARPHRD_ETHER = 1;
    private static final int AF_INET = 2;

    private BuiltCaptures() {}

    /**
     * {@code packet} behind a link header of {@code link}; the {@code i}-th frame of an Ethernet
     * capture carries no tag, an 802.1Q tag or 802.1ad plus 802.1Q tags in turn (the Ethernet builder
     * pads short frames to 60 bytes), and a null header alternates little- and big-endian families.
     */
    static byte[] frame(LinkType link, byte[] packet, int i) throws SizeLimitExceededException {
        if (link.equals(LinkType.ETHERNET)) {
            Serializer inner = Serializer.of(packet);
            EtherType type = EtherType.IPV4;
            if (i % 3 >= 1) {
                inner = inner.encapsulate(new VlanTagBuilder().priority(i % 8).vlanId(100 + i % 4000).etherType(type));
                type = EtherType.VLAN;
            }
            if (i % 3 == 2) {
                inner = inner.encapsulate(new VlanTagBuilder().vlanId(7).dropEligible(true).etherType(type));
                type = EtherType.QINQ;
            }
            NestedSerializer frame = inner.encapsulate(
                    new EthernetBuilder().destination(DESTINATION).source(SOURCE).etherType(type));
            return frame.serialize().toByteArray();
        }
        if (link.equals(LinkType.LINUX_SLL)) {
            byte[] f = new byte[LinkFrames.SLL_LENGTH + packet.length];
            Bytes.putU16(f, 2, ARPHRD_ETHER);
            Bytes.putU16(f, 4, 6);
            SOURCE.write(f, 6);
            Bytes.putU16(f, 14, EtherType.IPV4.value());
            System.arraycopy(packet, 0, f, LinkFrames.SLL_LENGTH, packet.length);
            return f;
        }
        if (link.equals(LinkType.LINUX_SLL2)) {
            byte[] f = new byte[LinkFrames.SLL2_LENGTH + packet.length];
            Bytes.putU16(f, 0, EtherType.IPV4.value());
            Bytes.putI32(f, 4, 1);            // interface index
            Bytes.putU16(f, 8, ARPHRD_ETHER);
            f[11] = 6;                        // address length, after the packet type
            SOURCE.write(f, 12);
            System.arraycopy(packet, 0, f, LinkFrames.SLL2_LENGTH, packet.length);
            return f;
        }
        if (link.equals(LinkType.NULL)) {
            byte[] f = new byte[LinkFrames.NULL_LENGTH + packet.length];
            Bytes.putI32(f, 0, i % 2 == 0 ? Integer.reverseBytes(AF_INET) : AF_INET);
            System.arraycopy(packet, 0, f, LinkFrames.NULL_LENGTH, packet.length);
            return f;
        }
        return packet.clone(); // IPV4, RAW
    }

    /** Writes {@code frames} as a pcap of {@code link} under {@code target/built-captures}. */
    static Path write(String name, LinkType link, List<byte[]> frames) throws IOException {
        int hash = link.value();
        for (byte[] f : frames) {
            hash = 31 * hash + Arrays.hashCode(f);
        }
        Path dir = Path.of("target", "built-captures");
        Files.createDirectories(dir);
        Path file = dir.resolve(String.format("%s-%s-%08x.pcap", name, link.name().toLowerCase(), hash));
        if (!Files.exists(file)) {
            Path tmp = Files.createTempFile(dir, name, ".tmp");
            try (PcapWriter out = PcapWriter.builder(link).open(tmp)) {
                for (int i = 0; i < frames.size(); i++) {
                    byte[] f = frames.get(i);
                    out.write(1_700_000_000L + i, 0, f, 0, f.length, f.length);
                }
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }
}
