package io.zerowire.protocols.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.options.OptionsBuilder;
import io.zerowire.options.OptionsIterator;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ipv4.Ipv4;
import io.zerowire.protocols.ipv4.Ipv4Builder;
import io.zerowire.protocols.testing.Corpus;
import io.zerowire.protocols.udp.TestIpPacket;
import io.zerowire.serialize.Serializer;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class TcpTest {
    private static final Ipv4Address A4 = Ipv4Address.parse("192.0.2.1");
    private static final Ipv4Address B4 = Ipv4Address.parse("198.51.100.7");
    private static final Ipv6Address A6 = Ipv6Address.parse("2001:db8::1");
    private static final Ipv6Address B6 = Ipv6Address.parse("2001:db8::2");

    /**
     * The SYN Linux 6.18 sent (kernel capture, frame 14): options MSS 1460, SACK-Permitted,
     * Timestamps, NOP, Window Scale 10, rebuilt from literal values through the IPv4 view and our
     * builders, byte for byte from the IP header on, both checksums included.
     */
    @Test
    void linuxSynIsRebuiltByteExactly() throws Exception {
        Corpus.Frame frame = Corpus.captures().stream()
                .filter(c -> c.file().getFileName().toString().equals("linux-6.18-tap-rx.pcap"))
                .findFirst().orElseThrow().frames().get(13);
        assertThat(frame.number()).isEqualTo(14);
        byte[] captured = frame.bytes();
        PacketBuffer buffer = PacketBuffer.wrap(captured.clone());
        buffer.shrinkFront(14); // Ethernet
        Ipv4 ip = Ipv4.parse(buffer);
        TcpLayout<?> syn = new TcpParser().wrap(buffer, TestIpPacket.of(ip.source(), ip.destination(), IpProtocol.TCP,
                buffer.remaining()));
        assertThat(syn.syn()).isTrue();
        OptionsIterator options = syn.options();
        assertThat(options.next()).isTrue();
        assertThat(TcpOptions.mss(options)).isEqualTo(1460);
        assertThat(options.next()).isTrue();
        assertThat(TcpOptions.isSackPermitted(options)).isTrue();
        assertThat(options.next()).isTrue();
        assertThat(TcpOptions.timestampValue(options)).isEqualTo(754483555L);
        assertThat(TcpOptions.timestampEchoReply(options)).isZero();
        assertThat(options.next()).isTrue();
        assertThat(options.kind()).isEqualTo(TcpOptions.NOP);
        assertThat(options.next()).isTrue();
        assertThat(TcpOptions.windowScale(options)).isEqualTo(10);
        assertThat(options.next()).isFalse();

        TcpOptionsBuilder linux = new TcpOptionsBuilder().mss(1460).sackPermitted().timestamps(754483555L, 0).nop()
                .windowScale(10);
        TcpBuilder tcp = new TcpBuilder().sourcePort(41608).destinationPort(80).sequenceNumber(3914024115L)
                .syn(true).window(64240).options(linux)
                .addresses(Ipv4Address.parse("10.99.0.1"), Ipv4Address.parse("10.99.0.2"));
        Ipv4Builder ipv4 = new Ipv4Builder().dscp(ip.dscp()).ecn(ip.ecn()).identification(ip.identification())
                .dontFragment(ip.dontFragment()).ttl(ip.ttl()).protocol(IpProtocol.TCP)
                .source(Ipv4Address.parse("10.99.0.1")).destination(Ipv4Address.parse("10.99.0.2"));
        byte[] built = Serializer.of(new byte[0]).encapsulate(tcp).encapsulate(ipv4).serialize().toByteArray();
        assertThat(HexFormat.of().formatHex(built))
                .isEqualTo(HexFormat.of().formatHex(Arrays.copyOfRange(captured, 14, captured.length)));
    }

    @Test
    void directViewsOverTheIpv4View() throws Exception {
        TcpOptionsBuilder options = new TcpOptionsBuilder().mss(1400).nop().nop().sack(1000, 2000, 3000, 4000);
        byte[] packet = Serializer.of("data".getBytes()).encapsulate(new TcpV4Builder().sourcePort(1).destinationPort(2)
                .ack(true).acknowledgmentNumber(0xFFFF_FFFFL).options(options.asOptionsBuilder()).addresses(A4, B4))
                .encapsulate(new Ipv4Builder().ttl(64).protocol(IpProtocol.TCP).source(A4).destination(B4))
                .serialize().toByteArray();
        PacketBuffer buffer = PacketBuffer.wrap(packet);
        Ipv4 ip = Ipv4.parse(buffer);
        TcpV4 tcp = TcpV4.parse(buffer, ip.source(), ip.destination());
        assertThat(tcp.acknowledgmentNumber()).isEqualTo(0xFFFF_FFFFL);
        assertThat(tcp.dataOffset()).isEqualTo(11); // 20 + MSS 4 + NOP NOP + SACK 2 + 16
        assertThat(new String(buffer.toByteArray())).isEqualTo("data");
        OptionsIterator it = tcp.options();
        assertThat(it.find(TcpOptions.SACK)).isTrue();
        assertThat(TcpOptions.sackBlocks(it)).isEqualTo(2);
        assertThat(TcpOptions.sackLeft(it, 1)).isEqualTo(3000);
        assertThat(TcpOptions.sackRight(it, 1)).isEqualTo(4000);
        assertThatThrownBy(() -> TcpOptions.sackLeft(it, 2)).isInstanceOf(IndexOutOfBoundsException.class);

        tcp.setWindow(12345); // in place, the checksum follows
        assertThat(tcp.checksumValid()).isTrue();
        tcp.undoParse(buffer);
        ip.undoParse(buffer);
        assertThat(buffer.toByteArray()).isEqualTo(packet);
    }

    @Test
    void oneCodePathForBothVersions() throws Exception {
        for (TestIpPacket<?> ip : new TestIpPacket<?>[] {TestIpPacket.of(A4, B4, IpProtocol.TCP, 0),
            TestIpPacket.of(A6, B6, IpProtocol.TCP, 0)}) {
            byte[] segment = build(ip, new TcpBuilder().sourcePort(443).destinationPort(50000).ack(true).psh(true)
                    .sequenceNumber(7).acknowledgmentNumber(9).window(512), "hello".getBytes());
            PacketBuffer buffer = PacketBuffer.wrap(segment);
            TcpParser parser = new TcpParser();
            TcpLayout<?> tcp = parser.wrap(buffer, ip);
            assertThat(tcp).isInstanceOf(ip.version().versionNumber() == 4 ? TcpV4.class : TcpV6.class);
            assertThat(tcp.sourcePort()).isEqualTo(443);
            assertThat(tcp.psh()).isTrue();
            assertThat(parser.checksumValid()).isTrue();
            assertThat(parser.headerLength()).isEqualTo(20);
            assertThat(parser.bodyLength()).isEqualTo(5);
            assertThat(new String(buffer.toByteArray())).isEqualTo("hello");
            parser.undoParse(buffer);
            assertThat(buffer.toByteArray()).isEqualTo(segment);

            assertThat(refusal(buffer, ip.asFragment()).kind()).isEqualTo(ParseErrorKind.NOT_EXPECTED);
            assertThat(refusal(buffer, ip.withProtocol(IpProtocol.UDP)).kind()).isEqualTo(ParseErrorKind.NOT_EXPECTED);
            segment[TcpV4.CHECKSUM_OFFSET] ^= 1;
            ParseException bad = refusal(buffer, ip);
            assertThat(bad.kind()).isEqualTo(ParseErrorKind.CHECKSUM);
            assertThat(bad.field()).isEqualTo("checksum");
            assertThat(parser.wrapUnverified(buffer, ip).sourcePort()).isEqualTo(443);
            assertThat(parser.checksumValid()).isFalse();
        }
    }

    @Test
    void malformedHeadersAreRefused() throws Exception {
        TestIpPacket<?> ip = TestIpPacket.of(A4, B4, IpProtocol.TCP, 0);
        byte[] base = build(ip, new TcpBuilder().options(new TcpOptionsBuilder().mss(1460)), new byte[0]);
        assertThat(base).hasSize(24);

        byte[] shortOffset = base.clone();
        shortOffset[12] = (byte) 0x40; // data offset 4
        assertMalformed(shortOffset, ip, "dataOffset");
        byte[] longOffset = base.clone();
        longOffset[12] = (byte) 0x70; // 28 bytes of header in 24
        assertMalformed(longOffset, ip, "dataOffset");
        assertMalformed(Arrays.copyOf(base, 19), ip, "");
        byte[] zeroLength = base.clone();
        zeroLength[21] = 0;
        assertMalformed(zeroLength, ip, "options");
        byte[] lengthOne = base.clone();
        lengthOne[21] = 1;
        assertMalformed(lengthOne, ip, "options");
        byte[] pastEnd = base.clone();
        pastEnd[21] = 5;
        assertMalformed(pastEnd, ip, "options");
        byte[] kindAtEnd = base.clone();
        kindAtEnd[20] = 1; // NOP NOP NOP, then a lone MSS kind
        kindAtEnd[21] = 1;
        kindAtEnd[22] = 1;
        kindAtEnd[23] = 2;
        assertMalformed(kindAtEnd, ip, "options");
    }

    @Test
    void optionReadersReportOddShapesAbsent() throws Exception {
        OptionsBuilder odd = new OptionsBuilder(TcpOptionFormat.FORMAT)
                .add(TcpOptions.MSS, new byte[3])
                .add(TcpOptions.WINDOW_SCALE, new byte[0])
                .add(TcpOptions.SACK_PERMITTED, new byte[1])
                .add(TcpOptions.SACK, new byte[10])
                .add(TcpOptions.TIMESTAMPS, new byte[4])
                .add(253, new byte[] {1, 2});
        TestIpPacket<?> ip = TestIpPacket.of(A6, B6, IpProtocol.TCP, 0);
        TcpParser parser = new TcpParser();
        parser.wrap(PacketBuffer.wrap(build(ip, new TcpBuilder().options(odd), new byte[0])), ip);
        OptionsIterator it = parser.options();
        int bad = 0;
        while (it.next()) {
            assertThat(TcpOptions.mss(it)).isEqualTo(-1);
            assertThat(TcpOptions.windowScale(it)).isEqualTo(-1);
            assertThat(TcpOptions.isSackPermitted(it)).isFalse();
            assertThat(TcpOptions.sackBlocks(it)).isZero();
            assertThat(TcpOptions.timestampValue(it)).isEqualTo(-1);
            assertThat(TcpOptions.timestampEchoReply(it)).isEqualTo(-1);
            bad += TcpOptions.hasBadLength(it) ? 1 : 0;
            if (it.kind() == 253) {
                assertThat(TcpOptions.isKnown(253)).isFalse();
                assertThat(Arrays.copyOfRange(it.array(), it.valueOffset(), it.valueOffset() + it.valueLength()))
                        .containsExactly(1, 2);
            }
        }
        assertThat(bad).isEqualTo(5);
    }

    @Test
    void optionsBuilderWritesNopAndEndOfList() throws Exception {
        TcpOptionsBuilder options = new TcpOptionsBuilder().nop().windowScale(14).endOfList();
        assertThat(options.encodedLength()).isEqualTo(5);
        assertThat(options.regionLength()).isEqualTo(8);
        TestIpPacket<?> ip = TestIpPacket.of(A4, B4, IpProtocol.TCP, 0);
        byte[] segment = build(ip, new TcpBuilder().options(options), new byte[0]);
        assertThat(HexFormat.of().formatHex(segment, 20, 28)).isEqualTo("0103030e00000000");
        TcpParser parser = new TcpParser();
        parser.wrap(PacketBuffer.wrap(segment), ip);
        assertThat(parser.options().hasEndOfList()).isTrue();
        assertThat(parser.options().count()).isEqualTo(2);

        assertThatThrownBy(() -> new TcpOptionsBuilder().mss(0x10000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TcpOptionsBuilder().windowScale(256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TcpOptionsBuilder().sack()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TcpOptionsBuilder().sack(1, 2, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TcpOptionsBuilder().sack(1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TcpOptionsBuilder().sack(1L << 32, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TcpOptionsBuilder().timestamps(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TcpOptionsBuilder().option(TcpOptions.NOP, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TcpOptionsBuilder().endOfList().nop()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new TcpBuilder().constraints()).isInstanceOf(IllegalStateException.class);
    }

    private static <I extends io.zerowire.ip.Ip> byte[] build(TestIpPacket<I> ip, TcpBuilder tcp, byte[] data)
            throws Exception {
        return Serializer.of(data).encapsulate(tcp.addresses(ip.source(), ip.destination())).serialize().toByteArray();
    }

    private static ParseException refusal(PacketBuffer buffer, TestIpPacket<?> ip) {
        byte[] before = buffer.toByteArray();
        int start = buffer.bodyStart();
        try {
            new TcpParser().wrap(buffer, ip);
        } catch (ParseException e) {
            assertThat(buffer.bodyStart()).isEqualTo(start);
            assertThat(buffer.toByteArray()).isEqualTo(before);
            return e;
        }
        throw new AssertionError("parsed");
    }

    private static void assertMalformed(byte[] segment, TestIpPacket<?> ip, String field) {
        ParseException e = refusal(PacketBuffer.wrap(segment), ip);
        assertThat(e.kind()).as(e.getMessage()).isEqualTo(ParseErrorKind.MALFORMED);
        assertThat(e.field()).as(e.getMessage()).isEqualTo(field);
    }
}
