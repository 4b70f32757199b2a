package io.zerowire.protocols.icmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.checksum.InternetChecksum;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ipv4.Ipv4;
import io.zerowire.protocols.ipv4.Ipv4Builder;
import io.zerowire.protocols.testing.Corpus;
import io.zerowire.pcap.testing.TestEnvironment;
import io.zerowire.serialize.BufferProvider;
import io.zerowire.serialize.PacketConstraints;
import io.zerowire.serialize.Serializer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class IcmpPacketTest {
    private static final Ipv4Address A = Ipv4Address.parse("192.0.2.1");
    private static final Ipv4Address B = Ipv4Address.parse("198.51.100.7");

    private static Ipv4Builder ip(Ipv4Address source, Ipv4Address destination) {
        return new Ipv4Builder().ttl(64).protocol(IpProtocol.ICMP).source(source).destination(destination);
    }

    /** A UDP datagram from B to A of {@code total} bytes (IPv4 header, 8-byte UDP header, counting payload). */
    private static PacketBuffer udpDatagram(int total) throws Exception {
        byte[] udp = new byte[total - 20];
        udp[0] = (byte) 0x9c; // source port 40000
        udp[1] = 0x40;
        udp[3] = 53;
        udp[4] = (byte) (udp.length >> 8);
        udp[5] = (byte) udp.length;
        for (int i = 8; i < udp.length; i++) {
            udp[i] = (byte) i;
        }
        return Serializer.of(udp).encapsulate(new Ipv4Builder().ttl(3).protocol(IpProtocol.UDP).identification(7)
                .source(B).destination(A)).serialize();
    }

    /** Parses an IPv4 datagram holding ICMP into {@code icmp}; the buffer's body is then the ICMP body. */
    private static Ipv4 parse(PacketBuffer packet, IcmpPacket icmp) throws ParseException {
        Ipv4 outer = Ipv4.parse(packet);
        icmp.wrap(packet);
        return outer;
    }

    @Test
    void echoRequestBuildsAndParses() throws Exception {
        byte[] payload = "abcdefgh".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        PacketBuffer packet = Serializer.of(payload).encapsulate(IcmpMessageBuilder.echoRequest(0x1234, 7))
                .encapsulate(ip(A, B)).serialize();
        assertThat(packet.bodyLength()).isEqualTo(20 + 8 + 8);
        IcmpPacket icmp = new IcmpPacket();
        parse(packet, icmp);
        assertThat(icmp.kind()).isEqualTo(IcmpMessageKind.ECHO_REQUEST);
        assertThat(icmp.type()).isEqualTo(IcmpType.ECHO_REQUEST);
        assertThat(icmp.code()).isZero();
        assertThat(icmp.echo().identifier()).isEqualTo(0x1234);
        assertThat(icmp.echo().sequence()).isEqualTo(7);
        assertThat(packet.toByteArray()).isEqualTo(payload);
        assertThat(icmp.checksumValid()).isTrue();
        assertThat(icmp.isError()).isFalse();
        assertThat(icmp.toString()).contains("ECHO_REQUEST", "identifier=4660", "sequence=7", "body=8");
        assertThatThrownBy(icmp::destinationUnreachable).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> icmp.quotedDatagram(new Ipv4())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void linuxPortUnreachableIsRebuiltByteForByteThroughQuoting() throws Exception {
        // Linux 6.18 answered a UDP datagram to a closed port (kernel capture, frame 3): rebuild its
        // answer from the datagram it quotes with our builders, the way a stack would.
        Path capture = TestEnvironment.capturesDirectory() == null ? null
                : TestEnvironment.capturesDirectory().resolve("kernel/linux-6.18-tap-rx.pcap");
        Corpus.Frame frame = Corpus.allFrames().stream()
                .filter(f -> f.file().equals(capture) && f.number() == 3).findFirst().orElseThrow();
        byte[] sent = Arrays.copyOfRange(frame.bytes(), 14, frame.bytes().length);
        PacketBuffer received = PacketBuffer.wrap(sent);
        IcmpPacket icmp = new IcmpPacket();
        Ipv4 outer = parse(received, icmp);
        byte[] original = received.toByteArray(); // the whole 33-byte UDP datagram Linux quoted

        PacketBuffer rebuilt = IcmpMessageBuilder.destinationUnreachable(IcmpUnreachableCode.PORT)
                .quoting(PacketBuffer.wrap(original))
                .encapsulate(ip(outer.source(), outer.destination()).dscp(outer.dscp()).identification(outer.identification()))
                .serialize(PacketConstraints.maxBody(IcmpMessageBuilder.ERROR_DATAGRAM_LIMIT), BufferProvider.reuse());
        assertThat(HexFormat.of().formatHex(rebuilt.toByteArray())).isEqualTo(HexFormat.of().formatHex(sent));
    }

    @Test
    void errorQuotingALongDatagramStaysWithin576BytesAndParses() throws Exception {
        PacketBuffer offending = udpDatagram(1500);
        byte[] original = offending.toByteArray();
        PacketBuffer error = IcmpMessageBuilder.destinationUnreachable(IcmpUnreachableCode.PORT)
                .quoting(offending)
                .encapsulate(ip(A, B))
                .serialize(PacketConstraints.maxBody(IcmpMessageBuilder.ERROR_DATAGRAM_LIMIT), BufferProvider.reuse());
        assertThat(error.bodyLength()).isEqualTo(576);

        IcmpPacket icmp = new IcmpPacket();
        Ipv4 outer = parse(error, icmp);
        assertThat(outer.totalLength()).isEqualTo(576);
        assertThat(icmp.kind()).isEqualTo(IcmpMessageKind.DESTINATION_UNREACHABLE);
        assertThat(icmp.code()).isEqualTo(IcmpUnreachableCode.PORT.value());
        assertThat(icmp.bodyLength()).isEqualTo(576 - 20 - 8);
        assertThat(icmp.extensionLength()).isZero();
        assertThat(error.toByteArray()).isEqualTo(Arrays.copyOf(original, 548));

        Ipv4 quoted = icmp.quotedDatagram(new Ipv4());
        assertThat(quoted.totalLength()).isEqualTo(1500); // claims more than was quoted
        assertThat(quoted.bodyLength()).isEqualTo(548 - 20);
        assertThat(quoted.source()).isEqualTo(B);
        assertThat(quoted.protocol()).isEqualTo(IpProtocol.UDP);
        assertThat(quoted.checksumValid()).isTrue();
        // The caller's buffer can be parsed the same way, in place.
        assertThat(Ipv4.parseQuoted(error).identification()).isEqualTo(7);
    }

    @Test
    void shortDatagramIsQuotedWhole() throws Exception {
        PacketBuffer offending = udpDatagram(60);
        byte[] original = offending.toByteArray();
        PacketBuffer error = IcmpMessageBuilder.timeExceeded(IcmpTimeExceededCode.TTL_EXCEEDED).quoting(offending)
                .encapsulate(ip(A, B))
                .serialize(PacketConstraints.maxBody(IcmpMessageBuilder.ERROR_DATAGRAM_LIMIT), BufferProvider.reuse());
        IcmpPacket icmp = new IcmpPacket();
        parse(error, icmp);
        assertThat(icmp.kind()).isEqualTo(IcmpMessageKind.TIME_EXCEEDED);
        assertThat(error.toByteArray()).isEqualTo(original);
        assertThat(icmp.quotedDatagram(new Ipv4()).totalLength()).isEqualTo(60);
    }

    @Test
    void everyErrorKindCarriesItsFields() throws Exception {
        byte[] quote = udpDatagram(28).toByteArray();
        IcmpPacket icmp = new IcmpPacket();

        parse(Serializer.of(quote).encapsulate(IcmpMessageBuilder.fragmentationNeeded(1280)).encapsulate(ip(A, B))
                .serialize(), icmp);
        assertThat(icmp.code()).isEqualTo(4);
        assertThat(icmp.destinationUnreachable().nextHopMtu()).isEqualTo(1280);

        parse(Serializer.of(quote).encapsulate(IcmpMessageBuilder.redirect(IcmpRedirectCode.HOST, A))
                .encapsulate(ip(A, B)).serialize(), icmp);
        assertThat(icmp.kind()).isEqualTo(IcmpMessageKind.REDIRECT);
        assertThat(IcmpRedirectCode.of(icmp.code())).isEqualTo(IcmpRedirectCode.HOST);
        assertThat(icmp.redirect().gateway()).isEqualTo(A);
        assertThat(icmp.quotedDatagram(new Ipv4()).destination()).isEqualTo(A);

        parse(Serializer.of(quote).encapsulate(IcmpMessageBuilder.parameterProblem(9)).encapsulate(ip(A, B))
                .serialize(), icmp);
        assertThat(icmp.parameterProblem().pointer()).isEqualTo(9);
        assertThat(icmp.isError()).isTrue();
        assertThat(icmp.originalDatagramWords()).isZero();
    }

    @Test
    void timestampsBuildAndParse() throws Exception {
        IcmpPacket icmp = new IcmpPacket();
        parse(Serializer.of(new byte[0]).encapsulate(IcmpMessageBuilder.timestampRequest(1, 2, 0x80000001L))
                .encapsulate(ip(A, B)).serialize(), icmp);
        assertThat(icmp.kind()).isEqualTo(IcmpMessageKind.TIMESTAMP_REQUEST);
        assertThat(icmp.timestamp().originateTimestamp()).isEqualTo(0x80000001L);
        assertThat(icmp.timestamp().receiveTimestamp()).isZero();

        PacketBuffer reply = Serializer.of(new byte[0])
                .encapsulate(IcmpMessageBuilder.timestampReply(1, 2, 3, 4, 0xFFFFFFFFL)).serialize();
        assertThat(reply.bodyLength()).isEqualTo(20);
        icmp.wrap(reply);
        assertThat(icmp.kind()).isEqualTo(IcmpMessageKind.TIMESTAMP_REPLY);
        assertThat(icmp.timestamp().sequence()).isEqualTo(2);
        assertThat(icmp.timestamp().receiveTimestamp()).isEqualTo(4);
        assertThat(icmp.timestamp().transmitTimestamp()).isEqualTo(0xFFFFFFFFL);
    }

    @Test
    void rfc4884ExtensionStructureIsSeparatedFromTheQuote() throws Exception {
        byte[] datagram = Arrays.copyOf(udpDatagram(100).toByteArray(), 128); // zero-padded to 32 words
        byte[] extension = {0x20, 0, 0, 0, 0, 8, 1, 1, 0, 0, 0x10, 0x01}; // version 2, one 8-byte object
        byte[] body = new byte[datagram.length + extension.length];
        System.arraycopy(datagram, 0, body, 0, datagram.length);
        System.arraycopy(extension, 0, body, datagram.length, extension.length);
        IcmpMessageBuilder<IcmpTimeExceededBuilder> builder = IcmpMessageBuilder.timeExceeded(
                IcmpTimeExceededCode.TTL_EXCEEDED);
        builder.message().originalDatagramLength(32);
        PacketBuffer message = Serializer.of(body).encapsulate(builder).serialize();
        byte[] bytes = message.toByteArray();

        IcmpPacket icmp = new IcmpPacket().wrap(message);
        assertThat(icmp.originalDatagramWords()).isEqualTo(32);
        assertThat(icmp.bodyLength()).isEqualTo(128);
        assertThat(icmp.extensionLength()).isEqualTo(extension.length);
        assertThat(Arrays.copyOfRange(bytes, icmp.extensionOffset(), icmp.extensionOffset() + icmp.extensionLength()))
                .isEqualTo(extension);
        assertThat(message.bodyLength()).isEqualTo(128);
        assertThat(icmp.quotedDatagram(new Ipv4()).totalLength()).isEqualTo(100);
        icmp.undoParse(message);
        assertThat(message.toByteArray()).isEqualTo(bytes);

        bytes[5] = 34; // 136 bytes claimed, 140 present: fine; 36 words would run past the end
        assertThat(new IcmpPacket().wrapUnverified(PacketBuffer.wrap(bytes)).extensionLength()).isEqualTo(4);
        bytes[5] = 36;
        assertRejected(bytes, ParseErrorKind.MALFORMED, "icmp-time-exceeded", "originalDatagramLength");
    }

    @Test
    void unknownTypesAreKeptWithTheirBody() throws Exception {
        byte[] body = {0, 42, 1, 0, 5, 6};
        PacketBuffer message = Serializer.of(body)
                .encapsulate(new IcmpHeaderBuilder().type(IcmpType.EXTENDED_ECHO_REQUEST).code(0)).serialize();
        IcmpPacket icmp = IcmpPacket.parse(message);
        assertThat(icmp.kind()).isEqualTo(IcmpMessageKind.OTHER);
        assertThat(icmp.type()).isEqualTo(IcmpType.EXTENDED_ECHO_REQUEST);
        assertThat(icmp.headerLength()).isEqualTo(4);
        assertThat(message.toByteArray()).isEqualTo(body);
        assertThat(IcmpType.of(200).isKnown()).isFalse();
        assertThat(IcmpType.of(200)).isSameAs(IcmpType.of(200));
        assertThat(IcmpType.of(200).name()).isEqualTo("TYPE_200");
    }

    @Test
    void rejectionsAreTypedAndLeaveTheBufferAsItWas() throws Exception {
        assertRejected(new byte[] {8, 0, (byte) 0xF7}, ParseErrorKind.MALFORMED, "icmp", "");
        byte[] shortEcho = Serializer.of(new byte[0]).encapsulate(new IcmpHeaderBuilder().type(IcmpType.ECHO_REPLY))
                .serialize().toByteArray();
        assertRejected(shortEcho, ParseErrorKind.MALFORMED, "icmp-echo", "");
        byte[] echo = Serializer.of(new byte[] {1, 2, 3}).encapsulate(IcmpMessageBuilder.echoReply(1, 1)).serialize()
                .toByteArray();
        echo[9] ^= 1;
        assertRejected(echo, ParseErrorKind.CHECKSUM, "icmp", "checksum");
        assertThat(new IcmpPacket().wrapUnverified(PacketBuffer.wrap(echo)).checksumValid()).isFalse();
    }

    @Test
    void messageSettersAndUpdateChecksum() throws Exception {
        PacketBuffer packet = Serializer.of(new byte[] {1, 2, 3, 4, 5})
                .encapsulate(IcmpMessageBuilder.echoRequest(1, 1)).serialize();
        byte[] array = packet.array();
        IcmpPacket icmp = IcmpPacket.parse(packet);
        icmp.echo().setSequence(2);
        assertThat(icmp.checksumValid()).isFalse();
        icmp.updateChecksum();
        assertThat(icmp.checksumValid()).isTrue();
        icmp.header().setType(IcmpType.ECHO_REPLY); // the header's setters keep the checksum themselves
        assertThat(icmp.checksumValid()).isTrue();
        icmp.undoParse(packet);
        assertThat(InternetChecksum.verify(array, packet.bodyStart(), packet.bodyLength())).isTrue();
        assertThat(packet.bodyLength()).isEqualTo(13);
        assertThat(icmp.parseMetadata().headerLength()).isEqualTo(8);
    }

    @Test
    void codesAreOpenEnums() {
        assertThat(IcmpUnreachableCode.of(4)).isEqualTo(IcmpUnreachableCode.FRAGMENTATION_NEEDED);
        assertThat(IcmpUnreachableCode.of(99).isKnown()).isFalse();
        assertThat(IcmpTimeExceededCode.of(1)).isEqualTo(IcmpTimeExceededCode.REASSEMBLY_TIME_EXCEEDED);
        assertThat(IcmpParameterProblemCode.of(1).name()).isEqualTo("MISSING_REQUIRED_OPTION");
        assertThat(IcmpType.of(11).isError()).isTrue();
        assertThat(IcmpMessageKind.of(3).hasExtensions()).isTrue();
        assertThat(IcmpMessageKind.of(5).hasExtensions()).isFalse();
        assertThatThrownBy(() -> IcmpType.of(256)).isInstanceOf(IllegalArgumentException.class);
    }

    static void assertRejected(byte[] bytes, ParseErrorKind kind, String layer, String field) {
        PacketBuffer buffer = PacketBuffer.wrap(bytes.clone());
        IcmpPacket icmp = new IcmpPacket();
        assertThatThrownBy(() -> icmp.wrap(buffer)).isInstanceOfSatisfying(ParseException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.layer()).isEqualTo(layer);
            assertThat(e.field()).isEqualTo(field);
        });
        assertThat(buffer.bodyStart()).isZero();
        assertThat(buffer.bodyLength()).isEqualTo(bytes.length);
    }
}
