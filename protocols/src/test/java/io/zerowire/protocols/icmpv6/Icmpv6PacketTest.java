package io.zerowire.protocols.icmpv6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.IpAddress;
import io.zerowire.ip.Ipv6;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.icmpv6.ndp.NdpOptionsBuilder;
import io.zerowire.protocols.icmpv6.ndp.RouterAdvertisement;
import io.zerowire.protocols.icmpv6.ndp.RouterAdvertisementBuilder;
import io.zerowire.protocols.ip.IpPacket;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.serialize.Serializer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Icmpv6PacketTest {
    static final Ipv6Address SOURCE = Ipv6Address.parse("2001:db8::1");
    static final Ipv6Address DESTINATION = Ipv6Address.parse("2001:db8::2");

    static byte[] echo(int type, int identifier, int sequence, byte[] data) throws Exception {
        return Serializer.of(data).encapsulate(new EchoBuilder().identifier(identifier).sequenceNumber(sequence))
                .encapsulate(new Icmpv6HeaderBuilder().type(Icmpv6Type.of(type)).addresses(SOURCE, DESTINATION))
                .serialize().toByteArray();
    }

    static ParseException failure(byte[] bytes) {
        PacketBuffer buffer = PacketBuffer.wrap(bytes);
        try {
            new Icmpv6Packet().wrap(buffer, SOURCE, DESTINATION);
        } catch (ParseException e) {
            assertThat(buffer.bodyStart()).isZero();
            assertThat(buffer.bodyLength()).isEqualTo(bytes.length);
            return e;
        }
        throw new AssertionError("parsed");
    }

    /** An IPv6 packet as the IPv6 layer would describe it. */
    record Ip(IpProtocol transportProtocol, boolean isFragment, IpAddress<Ipv6> pseudoHeaderDestination, int hopLimit)
            implements IpPacket<Ipv6> {
        @Override
        public Ipv6 version() {
            return Ipv6.INSTANCE;
        }

        @Override
        public IpAddress<Ipv6> source() {
            return SOURCE;
        }

        @Override
        public IpAddress<Ipv6> destination() {
            return Ipv6Address.parse("2001:db8::99"); // a routing header's next hop
        }

        @Override
        public int headerLength() {
            return 40;
        }

        @Override
        public int payloadLength() {
            return 0;
        }
    }

    @Test
    void echoParsesAndLeavesTheDataAsTheBody() throws Exception {
        byte[] bytes = echo(128, 0x1234, 7, new byte[] {1, 2, 3});
        PacketBuffer buffer = PacketBuffer.wrap(bytes);
        Icmpv6Packet echo = Icmpv6Packet.parse(buffer, SOURCE, DESTINATION);
        assertThat(echo.message()).isEqualTo(Icmpv6Message.ECHO_REQUEST);
        assertThat(echo.type()).isSameAs(Icmpv6Type.ECHO_REQUEST);
        assertThat(echo.echo().identifier()).isEqualTo(0x1234);
        assertThat(echo.echo().sequenceNumber()).isEqualTo(7);
        assertThat(buffer.bodyLength()).isEqualTo(3);
        assertThat(buffer.get(0)).isEqualTo((byte) 1);
        assertThat(echo.toString()).contains("ECHO_REQUEST", "identifier=4660");
        assertThatThrownBy(echo::packetTooBig).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(echo::ndpOptions).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void answersAnEchoInPlace() throws Exception {
        byte[] bytes = echo(128, 1, 2, "ping".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        PacketBuffer buffer = PacketBuffer.wrap(bytes);
        Icmpv6Packet echo = Icmpv6Packet.parse(buffer, SOURCE, DESTINATION);
        // A reply swaps the addresses, which the pseudo-header sum does not notice, and changes the type,
        // which the setter folds into the checksum (RFC 1624).
        echo.header().setType(Icmpv6Type.ECHO_REPLY);
        echo.undoParse(buffer);
        Icmpv6Packet reply = Icmpv6Packet.parse(buffer, DESTINATION, SOURCE);
        assertThat(reply.message()).isEqualTo(Icmpv6Message.ECHO_REPLY);
        assertThat(Arrays.copyOfRange(bytes, 4, bytes.length))
                .isEqualTo(Arrays.copyOfRange(echo(129, 1, 2, "ping".getBytes(java.nio.charset.StandardCharsets.US_ASCII)), 4, bytes.length));
    }

    @Test
    void checksumErrorsAreTypedAndOptional() throws Exception {
        byte[] bytes = echo(128, 1, 1, new byte[5]);
        bytes[bytes.length - 1] ^= 1;
        ParseException e = failure(bytes);
        assertThat(e.kind()).isEqualTo(ParseErrorKind.CHECKSUM);
        assertThat(e.field()).isEqualTo("checksum");
        assertThat(e.offset()).isEqualTo(2);
        Icmpv6Packet unverified = new Icmpv6Packet().wrapUnverified(PacketBuffer.wrap(bytes), SOURCE, DESTINATION);
        assertThat(unverified.checksumValid()).isFalse();
        assertThat(unverified.recomputeChecksum().checksumValid()).isTrue();
        // The pseudo-header matters: the same bytes for another destination do not verify.
        byte[] good = echo(128, 1, 1, new byte[5]);
        assertThatThrownBy(() -> Icmpv6Packet.parse(PacketBuffer.wrap(good), SOURCE, SOURCE))
                .isInstanceOfSatisfying(ParseException.class, x -> assertThat(x.kind()).isEqualTo(ParseErrorKind.CHECKSUM));
    }

    @Test
    void tooShortForTheHeaderOrTheMessage() throws Exception {
        for (int length = 0; length < 4; length++) {
            ParseException e = failure(new byte[length]);
            assertThat(e.kind()).isEqualTo(ParseErrorKind.MALFORMED);
            assertThat(e.layer()).isEqualTo("icmpv6");
        }
        byte[] echo = echo(128, 1, 1, new byte[0]);
        ParseException e = failure(Arrays.copyOf(echo, 7));
        assertThat(e.kind()).isEqualTo(ParseErrorKind.MALFORMED);
        assertThat(e.layer()).isEqualTo(Echo.LAYER);
        assertThat(e.offset()).isEqualTo(4);
    }

    @Test
    void unknownTypesParseTheCommonHeaderOnly() throws Exception {
        byte[] bytes = Serializer.of(new byte[] {9, 9}).encapsulate(new Icmpv6HeaderBuilder()
                .type(Icmpv6Type.of(200)).code(3).addresses(SOURCE, DESTINATION)).serialize().toByteArray();
        PacketBuffer buffer = PacketBuffer.wrap(bytes);
        Icmpv6Packet packet = Icmpv6Packet.parse(buffer, SOURCE, DESTINATION);
        assertThat(packet.message()).isEqualTo(Icmpv6Message.OTHER);
        assertThat(packet.type().isKnown()).isFalse();
        assertThat(packet.typeValue()).isEqualTo(200);
        assertThat(packet.code()).isEqualTo(3);
        assertThat(buffer.bodyLength()).isEqualTo(2);
    }

    @Test
    void takesTheAddressesFromTheIpPacket() throws Exception {
        byte[] bytes = echo(129, 1, 1, new byte[0]);
        // The pseudo-header uses the final destination, not the IPv6 header's destination.
        Icmpv6Packet packet = new Icmpv6Packet().wrap(PacketBuffer.wrap(bytes),
                new Ip(IpProtocol.IPV6_ICMP, false, DESTINATION, 64));
        assertThat(packet.source()).isEqualTo(SOURCE);
        assertThat(packet.destination()).isEqualTo(DESTINATION);

        PacketBuffer buffer = PacketBuffer.wrap(bytes);
        assertThatThrownBy(() -> new Icmpv6Packet().wrap(buffer, new Ip(IpProtocol.UDP, false, DESTINATION, 64)))
                .isInstanceOfSatisfying(ParseException.class,
                        e -> assertThat(e.kind()).isEqualTo(ParseErrorKind.NOT_EXPECTED));
        assertThatThrownBy(() -> new Icmpv6Packet().wrap(buffer, new Ip(IpProtocol.IPV6_ICMP, true, DESTINATION, 64)))
                .isInstanceOfSatisfying(ParseException.class,
                        e -> assertThat(e.kind()).isEqualTo(ParseErrorKind.UNSUPPORTED));
        assertThat(buffer.bodyLength()).isEqualTo(bytes.length);
    }

    @Test
    void messageSettersNeedAChecksumRecomputation() throws Exception {
        byte[] bytes = Serializer.of(new NdpOptionsBuilder().mtu(1500))
                .encapsulate(new RouterAdvertisementBuilder().currentHopLimit(64).routerLifetime(1800))
                .encapsulate(new Icmpv6HeaderBuilder().type(Icmpv6Type.ROUTER_ADVERTISEMENT)
                        .addresses(SOURCE, DESTINATION))
                .serialize().toByteArray();
        Icmpv6Packet packet = Icmpv6Packet.parse(PacketBuffer.wrap(bytes), SOURCE, DESTINATION);
        RouterAdvertisement ra = packet.routerAdvertisement();
        ra.setRouterLifetime(0);
        assertThat(packet.checksumValid()).isFalse();
        packet.recomputeChecksum();
        assertThat(packet.checksumValid()).isTrue();
        assertThat(Icmpv6Packet.parse(PacketBuffer.wrap(bytes), SOURCE, DESTINATION).routerAdvertisement()
                .routerLifetime()).isZero();
    }

    @Test
    void reusedPacketParsesEveryKindInTurn() throws Exception {
        Icmpv6Packet packet = new Icmpv6Packet();
        java.util.Random r = new java.util.Random(42);
        for (int kind = 0; kind < RandomMessages.KINDS; kind++) {
            RandomMessages.Message m = RandomMessages.random(r, kind);
            byte[] bytes = m.serializer().serialize().toByteArray();
            m.check().verify(packet.wrap(PacketBuffer.wrap(bytes), m.source(), m.destination()));
        }
    }

    @Test
    void typeIsAnOpenEnum() {
        assertThat(Icmpv6Type.of(135)).isSameAs(Icmpv6Type.NEIGHBOR_SOLICITATION);
        assertThat(Icmpv6Type.of(1).isError()).isTrue();
        assertThat(Icmpv6Type.of(128).isError()).isFalse();
        assertThat(Icmpv6Type.of(77)).isEqualTo(Icmpv6Type.of(77)).hasToString("TYPE_77(77)");
        assertThatThrownBy(() -> Icmpv6Type.of(256)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Icmpv6Message.REDIRECT.isNdp()).isTrue();
        assertThat(Icmpv6Message.MLDV2_REPORT.isMld()).isTrue();
        assertThat(Icmpv6Message.PARAMETER_PROBLEM.isError()).isTrue();
    }
}
