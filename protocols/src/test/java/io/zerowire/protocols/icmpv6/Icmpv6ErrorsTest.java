package io.zerowire.protocols.icmpv6;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.Bytes;
import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.serialize.BufferProvider;
import io.zerowire.serialize.PacketConstraints;
import io.zerowire.serialize.Serializer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Error messages quote as much of the invoking packet as fits in the minimum IPv6 MTU (RFC 4443
 * section 2.4 (c)), and the quote reads back as the body of the parsed error.
 */
class Icmpv6ErrorsTest {
    static final Ipv6Address ROUTER = Ipv6Address.parse("2001:db8::fe");
    static final Ipv6Address SENDER = Ipv6Address.parse("2001:db8::1");

    /** An IPv6 packet of {@code length} bytes whose fixed header is written by hand, then a numbered payload. */
    static byte[] invoking(int length) {
        byte[] packet = new byte[length];
        packet[0] = 0x60;
        Bytes.putU16(packet, 4, length - 40);
        packet[6] = 17;
        packet[7] = 64;
        SENDER.write(packet, 8);
        Ipv6Address.parse("2001:db8::99").write(packet, 24);
        for (int i = 40; i < length; i++) {
            packet[i] = (byte) i;
        }
        return packet;
    }

    static Serializer packetTooBig(byte[] invoking) {
        return Icmpv6Errors.quoting(PacketBuffer.wrap(invoking.clone()), new PacketTooBigBuilder().mtu(1400),
                new Icmpv6HeaderBuilder().type(Icmpv6Type.PACKET_TOO_BIG).addresses(ROUTER, SENDER));
    }

    @Test
    void aLargePacketIsCutToKeepTheErrorWithin1280Bytes() throws Exception {
        byte[] original = invoking(2000);
        byte[] error = packetTooBig(original).serialize().toByteArray();
        assertThat(error).hasSize(Icmpv6Errors.MAX_MESSAGE_LENGTH).hasSize(1240);
        PacketBuffer buffer = PacketBuffer.wrap(error);
        Icmpv6Packet parsed = Icmpv6Packet.parse(buffer, ROUTER, SENDER);
        assertThat(parsed.message()).isEqualTo(Icmpv6Message.PACKET_TOO_BIG);
        assertThat(parsed.packetTooBig().mtu()).isEqualTo(1400);
        assertThat(parsed.quotedPacketLength()).isEqualTo(1232);
        // The buffer's body is the quote, from the invoking packet's first byte.
        assertThat(buffer.bodyLength()).isEqualTo(1232);
        assertThat(Arrays.copyOfRange(error, buffer.bodyStart(), buffer.bodyEnd()))
                .isEqualTo(Arrays.copyOf(original, 1232));
        assertThat(Ipv6Address.read(error, parsed.quotedPacketOffset() + 8)).isEqualTo(SENDER);
        assertThat(Bytes.u16(error, parsed.quotedPacketOffset() + 4)).isEqualTo(1960); // the original's, not the quote's
    }

    @Test
    void aSmallPacketIsQuotedWhole() throws Exception {
        byte[] original = invoking(100);
        byte[] error = Icmpv6Errors.quoting(PacketBuffer.wrap(original.clone()),
                new DestinationUnreachableBuilder(), new Icmpv6HeaderBuilder().type(Icmpv6Type.DESTINATION_UNREACHABLE)
                        .code(DestinationUnreachableLayout.PORT_UNREACHABLE).addresses(ROUTER, SENDER))
                .serialize().toByteArray();
        assertThat(error).hasSize(108);
        Icmpv6Packet parsed = Icmpv6Packet.parse(PacketBuffer.wrap(error), ROUTER, SENDER);
        assertThat(parsed.code()).isEqualTo(4);
        assertThat(parsed.destinationUnreachable().unused()).isZero();
        assertThat(Arrays.copyOfRange(error, 8, 108)).isEqualTo(original);
    }

    @Test
    void tighterLimitsWin() throws Exception {
        byte[] original = invoking(3000);
        byte[] withExtensionHeaders = Icmpv6Errors.quoting(PacketBuffer.wrap(original), new TimeExceededBuilder(),
                new Icmpv6HeaderBuilder().type(Icmpv6Type.TIME_EXCEEDED).addresses(ROUTER, SENDER), 1280 - 40 - 16)
                .serialize().toByteArray();
        assertThat(withExtensionHeaders).hasSize(1224);
        byte[] outer = packetTooBig(original).serialize(PacketConstraints.maxBody(1000), BufferProvider.reuse())
                .toByteArray();
        assertThat(outer).hasSize(1000);
        assertThat(Icmpv6Packet.parse(PacketBuffer.wrap(outer), ROUTER, SENDER).checksumValid()).isTrue();
    }

    @Test
    void zerosAndOnesGiveTheSameBytes() throws Exception {
        Random r = new Random(7);
        for (int i = 0; i < 50; i++) {
            byte[] original = invoking(40 + r.nextInt(2000));
            byte[] fresh = packetTooBig(original).serialize().toByteArray();
            for (byte fill : new byte[] {0, (byte) 0xFF}) {
                byte[] scratch = new byte[fresh.length + r.nextInt(64)];
                Arrays.fill(scratch, fill);
                byte[] into = packetTooBig(original).serialize(BufferProvider.into(PacketBuffer.wrap(scratch)))
                        .toByteArray();
                assertThat(into).isEqualTo(fresh);
            }
        }
    }
}
