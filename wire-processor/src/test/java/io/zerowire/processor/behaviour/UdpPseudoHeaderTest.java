package io.zerowire.processor.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import io.zerowire.processor.sample.UdpHeaderV4;
import io.zerowire.processor.sample.UdpHeaderV4Builder;
import io.zerowire.processor.sample.UdpHeaderV6;
import io.zerowire.processor.sample.UdpHeaderV6Builder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Assumptions;

/**
 * The generic UDP sample's pseudo-header checksums against independent sources: the RFC 768 and
 * RFC 8200 section 8.1 sums computed here byte by byte, and datagrams that real stacks sent (from
 * the tcpdump test captures, which tcpdump reports as "udp sum ok"). Then the zero rules: over
 * IPv4 a zero checksum means "none" and is accepted; over IPv6 it is an error; a computed zero is
 * transmitted as 0xFFFF.
 */
class UdpPseudoHeaderTest {
    @Provide
    Arbitrary<Ipv4Address> ipv4Addresses() {
        return Arbitraries.integers().map(Ipv4Address::of);
    }

    @Provide
    Arbitrary<Ipv6Address> ipv6Addresses() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(Ipv6Address::of);
    }

    private static int rfc768(byte[] pseudo, byte[] datagram) {
        int checksum = ReferenceChecksum.checksum(pseudo, ReferenceChecksum.withZeroChecksum(datagram, 0, datagram.length, 6));
        return checksum == 0 ? 0xFFFF : checksum;
    }

    private static int stored(byte[] datagram) {
        return (datagram[6] & 0xFF) << 8 | (datagram[7] & 0xFF);
    }

    @Property(tries = 2000)
    void overIpv4TheChecksumIsRfc768s(@ForAll("ipv4Addresses") Ipv4Address source,
            @ForAll("ipv4Addresses") Ipv4Address destination, @ForAll @IntRange(max = 0xFFFF) int sourcePort,
            @ForAll @IntRange(max = 0xFFFF) int destinationPort, @ForAll @Size(max = 80) byte[] payload)
            throws ParseException {
        byte[] datagram = Packets.build(payload, new UdpHeaderV4Builder().sourcePort(sourcePort)
                .destinationPort(destinationPort).addresses(source, destination));
        assertThat(datagram).hasSize(8 + payload.length);
        assertThat((datagram[4] & 0xFF) << 8 | (datagram[5] & 0xFF)).isEqualTo(8 + payload.length);
        assertThat(Arrays.copyOfRange(datagram, 8, datagram.length)).isEqualTo(payload);
        byte[] pseudo = ReferenceChecksum.ipv4PseudoHeader(source, destination, 17, datagram.length);
        assertThat(stored(datagram)).isEqualTo(rfc768(pseudo, datagram));
        UdpHeaderV4 view = UdpHeaderV4.parse(PacketBuffer.wrap(datagram), source, destination);
        assertThat(view.checksumValid()).isTrue();
        assertThat(view.sourcePort()).isEqualTo(sourcePort);
        assertThat(view.bodyLength()).isEqualTo(payload.length);
    }

    @Property(tries = 2000)
    void overIpv6TheChecksumIsRfc8200s(@ForAll("ipv6Addresses") Ipv6Address source,
            @ForAll("ipv6Addresses") Ipv6Address destination, @ForAll @IntRange(max = 0xFFFF) int sourcePort,
            @ForAll @IntRange(max = 0xFFFF) int destinationPort, @ForAll @Size(max = 80) byte[] payload)
            throws ParseException {
        byte[] datagram = Packets.build(payload, new UdpHeaderV6Builder().sourcePort(sourcePort)
                .destinationPort(destinationPort).addresses(source, destination));
        byte[] pseudo = ReferenceChecksum.ipv6PseudoHeader(source, destination, 17, datagram.length);
        assertThat(stored(datagram)).isEqualTo(rfc768(pseudo, datagram));
        UdpHeaderV6 view = UdpHeaderV6.parse(PacketBuffer.wrap(datagram), source, destination);
        assertThat(view.checksumValid()).isTrue();
        assertThat(view.destinationPort()).isEqualTo(destinationPort);
    }

    /** A hand-computed example, RFC 768 over IPv4, worked out in the comments. */
    @Example
    void aWorkedExample() {
        // 10.0.0.1:1024 -> 10.0.0.2:53, payload "hi" (0x68 0x69); UDP length 10.
        // Pseudo-header words: 0a00 0001 0a00 0002 0011 000a
        // UDP words:           0400 0035 000a 0000 6869
        // Sum: 0a00+0001+0a00+0002+0011+000a = 141e; +0400+0035+000a = 185d; +6869 = 80c6 (no carry).
        // Checksum: ~0x80c6 = 0x7f39.
        byte[] datagram = Packets.build(new byte[] {0x68, 0x69}, new UdpHeaderV4Builder().sourcePort(1024)
                .destinationPort(53).addresses(Ipv4Address.of(10, 0, 0, 1), Ipv4Address.of(10, 0, 0, 2)));
        assertThat(datagram).containsExactly(0x04, 0x00, 0x00, 0x35, 0x00, 0x0A, 0x7F, 0x39, 0x68, 0x69);
    }

    // --- Datagrams real stacks sent ---

    /** One UDP datagram from a capture, with the IP addresses around it. */
    record Captured(byte[] source, byte[] destination, byte[] datagram) {}

    private static Path captures() {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/captures/tcpdump");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The UDP datagrams of an Ethernet pcap (little-endian, microseconds, no VLAN tags). */
    static List<Captured> udpDatagrams(Path pcap) throws IOException {
        byte[] file = Files.readAllBytes(pcap);
        assertThat(Arrays.copyOf(file, 4)).containsExactly(0xD4, 0xC3, 0xB2, 0xA1);
        assertThat(file[20]).as("link type Ethernet").isEqualTo((byte) 1);
        List<Captured> datagrams = new ArrayList<>();
        for (int at = 24; at + 16 <= file.length; ) {
            int captured = (file[at + 8] & 0xFF) | (file[at + 9] & 0xFF) << 8 | (file[at + 10] & 0xFF) << 16;
            int frame = at + 16;
            at = frame + captured;
            int etherType = (file[frame + 12] & 0xFF) << 8 | (file[frame + 13] & 0xFF);
            int ip = frame + 14;
            int udp;
            byte[] source;
            byte[] destination;
            if (etherType == 0x0800 && file[ip + 9] == 17) {
                udp = ip + (file[ip] & 0xF) * 4;
                source = Arrays.copyOfRange(file, ip + 12, ip + 16);
                destination = Arrays.copyOfRange(file, ip + 16, ip + 20);
            } else if (etherType == 0x86DD && file[ip + 6] == 17) {
                udp = ip + 40;
                source = Arrays.copyOfRange(file, ip + 8, ip + 24);
                destination = Arrays.copyOfRange(file, ip + 24, ip + 40);
            } else {
                continue;
            }
            int length = (file[udp + 4] & 0xFF) << 8 | (file[udp + 5] & 0xFF);
            datagrams.add(new Captured(source, destination, Arrays.copyOfRange(file, udp, udp + length)));
        }
        return datagrams;
    }

    @Example
    void rebuildsTheDatagramsOfRealStacks() throws IOException, ParseException {
        Path captures = captures();
        Assumptions.assumeTrue(captures != null, "the shared tcpdump captures are not next to this checkout");
        int checked = 0;
        // dns_udp.pcap: two IPv4 DNS datagrams; dhcpv6-ia-na.pcap: four IPv6 DHCPv6 ones ("udp sum ok" in tcpdump -v).
        for (String name : new String[] {"dns_udp.pcap", "dhcpv6-ia-na.pcap"}) {
            for (Captured c : udpDatagrams(captures.resolve(name))) {
                byte[] real = c.datagram();
                byte[] payload = Arrays.copyOfRange(real, 8, real.length);
                int sourcePort = (real[0] & 0xFF) << 8 | (real[1] & 0xFF);
                int destinationPort = (real[2] & 0xFF) << 8 | (real[3] & 0xFF);
                byte[] rebuilt;
                if (c.source().length == 4) {
                    Ipv4Address source = Ipv4Address.read(c.source(), 0);
                    Ipv4Address destination = Ipv4Address.read(c.destination(), 0);
                    rebuilt = Packets.build(payload, new UdpHeaderV4Builder().sourcePort(sourcePort)
                            .destinationPort(destinationPort).addresses(source, destination));
                    assertThat(UdpHeaderV4.parse(PacketBuffer.wrap(real.clone()), source, destination).checksumValid())
                            .isTrue();
                } else {
                    Ipv6Address source = Ipv6Address.read(c.source(), 0);
                    Ipv6Address destination = Ipv6Address.read(c.destination(), 0);
                    rebuilt = Packets.build(payload, new UdpHeaderV6Builder().sourcePort(sourcePort)
                            .destinationPort(destinationPort).addresses(source, destination));
                    assertThat(UdpHeaderV6.parse(PacketBuffer.wrap(real.clone()), source, destination).checksumValid())
                            .isTrue();
                }
                assertThat(rebuilt).as("%s datagram %s", name, checked).isEqualTo(real);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(6);
    }

    // --- The zero rules ---

    @Example
    void zeroMeansNoneOverIpv4Only() throws ParseException {
        byte[] v4 = Packets.build(Packets.payload(5), new UdpHeaderV4Builder().sourcePort(68).destinationPort(67)
                .checksum(0).addresses(Packets.SOURCE, Packets.DESTINATION));
        assertThat(stored(v4)).isZero();
        UdpHeaderV4 none = UdpHeaderV4.parse(PacketBuffer.wrap(v4), Packets.SOURCE, Packets.DESTINATION);
        assertThat(none.checksum()).isZero();
        assertThat(none.checksumValid()).isTrue();
        // Even with addresses that would not verify: zero is not checked at all.
        UdpHeaderV4.parse(PacketBuffer.wrap(v4), Ipv4Address.of(1, 2, 3, 4), Ipv4Address.of(5, 6, 7, 8));

        Ipv6Address source = Ipv6Address.parse("2001:db8::1");
        Ipv6Address destination = Ipv6Address.parse("2001:db8::2");
        byte[] v6 = Packets.build(Packets.payload(5), new UdpHeaderV6Builder().sourcePort(68).destinationPort(67)
                .checksum(0).addresses(source, destination));
        assertThat(stored(v6)).isZero();
        PacketBuffer buffer = PacketBuffer.wrap(v6);
        ParseException error = catchThrowableOfType(ParseException.class,
                () -> UdpHeaderV6.parse(buffer, source, destination));
        assertThat(error).isNotNull();
        assertThat(error.kind()).isEqualTo(ParseErrorKind.CHECKSUM);
        assertThat(error.layer()).isEqualTo("udp");
        assertThat(error.field()).isEqualTo("checksum");
        assertThat(error.offset()).isEqualTo(6);
        assertThat(buffer.bodyStart()).isZero();
        assertThat(buffer.bodyLength()).isEqualTo(13);
    }

    /** A datagram whose computed checksum is zero is sent with 0xFFFF, over both versions, and parses. */
    @Example
    void aComputedZeroIsSentAsAllOnes() throws ParseException {
        Ipv4Address source4 = Ipv4Address.of(192, 0, 2, 1);
        Ipv4Address destination4 = Ipv4Address.of(198, 51, 100, 7);
        byte[] probe4 = Packets.build(new byte[2], new UdpHeaderV4Builder().sourcePort(4000).destinationPort(4001)
                .addresses(source4, destination4));
        // The payload word that brings the one's complement sum to 0xFFFF, so the checksum computes to 0.
        int word4 = 0xFFFF - ReferenceChecksum.sum(ReferenceChecksum.ipv4PseudoHeader(source4, destination4, 17, 10),
                ReferenceChecksum.withZeroChecksum(probe4, 0, 10, 6));
        byte[] payload4 = {(byte) (word4 >>> 8), (byte) word4};
        byte[] v4 = Packets.build(payload4, new UdpHeaderV4Builder().sourcePort(4000).destinationPort(4001)
                .addresses(source4, destination4));
        assertThat(ReferenceChecksum.checksum(ReferenceChecksum.ipv4PseudoHeader(source4, destination4, 17, 10),
                ReferenceChecksum.withZeroChecksum(v4, 0, 10, 6))).as("computed").isZero();
        assertThat(stored(v4)).isEqualTo(0xFFFF);
        assertThat(UdpHeaderV4.parse(PacketBuffer.wrap(v4), source4, destination4).checksumValid()).isTrue();

        Ipv6Address source6 = Ipv6Address.parse("2001:db8::10");
        Ipv6Address destination6 = Ipv6Address.parse("2001:db8:0:1::20");
        byte[] probe6 = Packets.build(new byte[2], new UdpHeaderV6Builder().sourcePort(4000).destinationPort(4001)
                .addresses(source6, destination6));
        int word6 = 0xFFFF - ReferenceChecksum.sum(ReferenceChecksum.ipv6PseudoHeader(source6, destination6, 17, 10),
                ReferenceChecksum.withZeroChecksum(probe6, 0, 10, 6));
        byte[] v6 = Packets.build(new byte[] {(byte) (word6 >>> 8), (byte) word6}, new UdpHeaderV6Builder()
                .sourcePort(4000).destinationPort(4001).addresses(source6, destination6));
        assertThat(ReferenceChecksum.checksum(ReferenceChecksum.ipv6PseudoHeader(source6, destination6, 17, 10),
                ReferenceChecksum.withZeroChecksum(v6, 0, 10, 6))).as("computed").isZero();
        assertThat(stored(v6)).isEqualTo(0xFFFF);
        assertThat(UdpHeaderV6.parse(PacketBuffer.wrap(v6), source6, destination6).checksumValid()).isTrue();
    }
}
