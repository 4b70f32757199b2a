package io.zerowire.protocols.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ip;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ipv4.Ipv4;
import io.zerowire.protocols.ipv4.Ipv4Builder;
import io.zerowire.serialize.Serializer;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class UdpTest {
    /** RFC 1071 section 3's example words 0001 f203 f4f5 f6f7 as the two IPv4 addresses: their sum is ddf2. */
    private static final Ipv4Address RFC1071_SOURCE = Ipv4Address.parse("0.1.242.3");
    private static final Ipv4Address RFC1071_DESTINATION = Ipv4Address.parse("244.245.246.247");
    private static final Ipv6Address A6 = Ipv6Address.parse("::1");
    private static final Ipv6Address B6 = Ipv6Address.parse("::2");

    /**
     * The RFC 768 checksum by hand: pseudo-header ddf2 (RFC 1071's sum of the addresses) + 0011
     * (protocol) + 0008 (UDP length), header 0000 + 0000 + 0008: de13, complemented 21ec.
     */
    @Test
    void checksumOfAnEmptyDatagramOverIpv4() throws Exception {
        byte[] built = build(TestIpPacket.of(RFC1071_SOURCE, RFC1071_DESTINATION, IpProtocol.UDP, 8), new UdpBuilder(),
                new byte[0]);
        assertThat(HexFormat.of().formatHex(built)).isEqualTo("00000000000821ec");
    }

    /** Over IPv6 (RFC 8200 section 8.1): ::1 + ::2 + 00000008 (length) + 000011 (next header) + 0008 = 0024: ffdb. */
    @Test
    void checksumOfAnEmptyDatagramOverIpv6() throws Exception {
        byte[] built = build(TestIpPacket.of(A6, B6, IpProtocol.UDP, 8), new UdpBuilder(), new byte[0]);
        assertThat(HexFormat.of().formatHex(built)).isEqualTo("000000000008ffdb");
        UdpV6 udp = UdpV6.parse(PacketBuffer.wrap(built), A6, B6); // the generated view, verifying
        assertThat(udp.checksum()).isEqualTo(0xFFDB);
        assertThatThrownBy(() -> UdpV6.parse(PacketBuffer.wrap(built), B6, A6.mask(0)))
                .isInstanceOf(ParseException.class);
    }

    /**
     * RFC 768: a computed checksum of zero is sent as all ones. Source port 21ec makes the sum of
     * the first example ffff, whose complement is zero.
     */
    @Test
    void aComputedZeroIsSentAsAllOnes() throws Exception {
        TestIpPacket<io.zerowire.ip.Ipv4> ip = TestIpPacket.of(RFC1071_SOURCE, RFC1071_DESTINATION, IpProtocol.UDP, 8);
        byte[] built = build(ip, new UdpBuilder().sourcePort(0x21EC), new byte[0]);
        assertThat(HexFormat.of().formatHex(built)).isEqualTo("21ec00000008ffff");
        UdpParser parser = new UdpParser();
        parser.wrap(PacketBuffer.wrap(built), ip);
        assertThat(parser.hasChecksum()).isTrue();
        assertThat(parser.checksumValid()).isTrue();
        // Sent as zero over IPv6 it would mean "none", which IPv6 forbids: zero is refused.
        built[6] = 0;
        built[7] = 0;
        ParseException e = refusal(built, TestIpPacket.of(A6, B6, IpProtocol.UDP, 8));
        assertThat(e.kind()).isEqualTo(ParseErrorKind.CHECKSUM);
        assertThat(e.field()).isEqualTo("checksum");
    }

    @Test
    void zeroChecksumMeansNoneOverIpv4OnlyAndEditsKeepIt() throws Exception {
        TestIpPacket<?> v4 = TestIpPacket.of(RFC1071_SOURCE, RFC1071_DESTINATION, IpProtocol.UDP, 12);
        byte[] datagram = build(v4, new UdpBuilder().sourcePort(7).destinationPort(9).checksum(0), new byte[] {1, 2, 3, 4});
        assertThat(HexFormat.of().formatHex(datagram)).isEqualTo("00070009000c000001020304");
        UdpParser parser = new UdpParser();
        UdpLayout<?> udp = parser.wrap(PacketBuffer.wrap(datagram), v4);
        assertThat(parser.hasChecksum()).isFalse();
        assertThat(parser.checksumValid()).isTrue();
        ((UdpV4) udp).setSourcePort(8); // in place: no checksum was sent, none appears
        assertThat(udp.checksum()).isZero();

        TestIpPacket<?> v6 = TestIpPacket.of(A6, B6, IpProtocol.UDP, 12);
        ParseException e = refusal(datagram, v6);
        assertThat(e.kind()).isEqualTo(ParseErrorKind.CHECKSUM);
        parser.wrapUnverified(PacketBuffer.wrap(datagram), v6);
        assertThat(parser.hasChecksum()).isTrue();
        assertThat(parser.checksumValid()).isFalse();
    }

    @Test
    void overTheIpv4View() throws Exception {
        Ipv4Address a = Ipv4Address.parse("192.0.2.1");
        Ipv4Address b = Ipv4Address.parse("198.51.100.7");
        byte[] packet = Serializer.of("hello".getBytes())
                .encapsulate(new UdpV4Builder().sourcePort(40000).destinationPort(7).addresses(a, b))
                .encapsulate(new Ipv4Builder().ttl(64).protocol(IpProtocol.UDP).source(a).destination(b))
                .serialize().toByteArray();
        byte[] padded = Arrays.copyOf(packet, packet.length + 9); // link-layer padding after the packet
        PacketBuffer buffer = PacketBuffer.wrap(padded);
        Ipv4 ip = Ipv4.parse(buffer);
        UdpV4 udp = UdpV4.parse(buffer, ip.source(), ip.destination());
        assertThat(udp.length()).isEqualTo(13);
        assertThat(new String(buffer.toByteArray())).isEqualTo("hello");
        udp.setDestinationPort(8);
        assertThat(udp.checksumValid()).isTrue();
        udp.undoParse(buffer);
        ip.undoParse(buffer);
        assertThat(buffer.bodyLength()).isEqualTo(packet.length); // the padding comes back with the link layer's undo
    }

    @Test
    void oneCodePathForBothVersions() throws Exception {
        for (TestIpPacket<?> ip : new TestIpPacket<?>[] {TestIpPacket.of(RFC1071_SOURCE, RFC1071_DESTINATION,
                IpProtocol.UDP, 0), TestIpPacket.of(A6, B6, IpProtocol.UDP, 0)}) {
            byte[] datagram = build(ip, new UdpBuilder().sourcePort(53).destinationPort(5353), "dns".getBytes());
            byte[] trailing = Arrays.copyOf(datagram, datagram.length + 3);
            PacketBuffer buffer = PacketBuffer.wrap(trailing);
            UdpParser parser = new UdpParser();
            UdpLayout<?> udp = parser.wrap(buffer, ip);
            assertThat(udp).isInstanceOf(ip.version().versionNumber() == 4 ? UdpV4.class : UdpV6.class);
            assertThat(udp.sourcePort()).isEqualTo(53);
            assertThat(parser.bodyLength()).isEqualTo(3);
            assertThat(buffer.toByteArray()).containsExactly('d', 'n', 's');
            assertThat(parser.parseMetadata().headerLength()).isEqualTo(8);
            parser.undoParse(buffer);
            assertThat(buffer.toByteArray()).isEqualTo(Arrays.copyOf(datagram, datagram.length));

            assertThat(refusal(trailing, ip.asFragment()).kind()).isEqualTo(ParseErrorKind.NOT_EXPECTED);
            assertThat(refusal(trailing, ip.withProtocol(IpProtocol.TCP)).kind()).isEqualTo(ParseErrorKind.NOT_EXPECTED);
            byte[] tooLong = datagram.clone();
            tooLong[5] = 12; // length 12 in 11 bytes
            assertThat(refusal(tooLong, ip).field()).isEqualTo("length");
            byte[] tooShort = datagram.clone();
            tooShort[5] = 7;
            assertThat(refusal(tooShort, ip).field()).isEqualTo("length");
            assertThat(refusal(Arrays.copyOf(datagram, 7), ip).kind()).isEqualTo(ParseErrorKind.MALFORMED);
            datagram[10] ^= 0x40;
            assertThat(refusal(datagram, ip).kind()).isEqualTo(ParseErrorKind.CHECKSUM);
        }
        assertThatThrownBy(() -> new UdpBuilder().constraints()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new UdpParser().layout()).isInstanceOf(IllegalStateException.class);
    }

    static <I extends Ip> byte[] build(TestIpPacket<I> ip, UdpBuilder udp, byte[] payload) throws Exception {
        return Serializer.of(payload).encapsulate(udp.addresses(ip.source(), ip.pseudoHeaderDestination()))
                .serialize().toByteArray();
    }

    private static ParseException refusal(byte[] datagram, TestIpPacket<?> ip) {
        byte[] before = datagram.clone();
        PacketBuffer buffer = PacketBuffer.wrap(datagram);
        try {
            new UdpParser().wrap(buffer, ip);
        } catch (ParseException e) {
            assertThat(buffer.bodyStart()).isZero();
            assertThat(buffer.bodyLength()).isEqualTo(datagram.length);
            assertThat(datagram).isEqualTo(before);
            return e;
        }
        throw new AssertionError("parsed");
    }
}
