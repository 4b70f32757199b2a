package io.zerowire.processor.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.parse.ParseException;
import io.zerowire.processor.sample.Ipv4Header;
import io.zerowire.processor.sample.Ipv4HeaderBuilder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@code Builder.copyFrom(view)} writes a parsed header again: the same bytes over the same body,
 * with lengths and checksum derived anew, reserved bits and options kept.
 */
class CopyFromTest {
    private static byte[] body(byte[] packet, int headerLength) {
        return Arrays.copyOfRange(packet, headerLength, packet.length);
    }

    @Test
    void anIpv4HeaderWithOptionsIsWrittenAgainByteForByte() throws ParseException {
        byte[] original = Packets.ipv4();
        Ipv4Header view = Ipv4Header.parse(PacketBuffer.wrap(original.clone()));
        byte[] again = Packets.build(body(original, view.headerLength()), new Ipv4HeaderBuilder().copyFrom(view));
        assertThat(again).isEqualTo(original);
    }

    @Test
    void derivedFieldsAreComputedAgainAndReservedBitsKept() throws ParseException {
        byte[] original = Packets.ipv4();
        original[6] |= (byte) 0x80;   // the reserved flag
        Packets.fixIpv4Checksum(original, 28);
        byte[] corrupted = original.clone();
        corrupted[11] ^= 0x55;         // a bad checksum: copyFrom computes a good one
        Ipv4Header view = Ipv4Header.parseUnverified(PacketBuffer.wrap(corrupted));
        assertThat(view.evil()).isTrue();
        Ipv4HeaderBuilder builder = new Ipv4HeaderBuilder().headerChecksum(0x1234).totalLength(3);
        byte[] again = Packets.build(body(original, 28), builder.copyFrom(view));
        assertThat(again).isEqualTo(original);
    }

    @Test
    void aTcpHeaderWithOptionsOverThePseudoHeader() throws ParseException {
        byte[] original = Packets.tcp();
        TcpLike view = TcpLike.parse(PacketBuffer.wrap(original.clone()), Packets.SOURCE, Packets.DESTINATION);
        byte[] again = Packets.build(body(original, view.headerLength()),
                new TcpLikeBuilder().copyFrom(view).addresses(Packets.SOURCE, Packets.DESTINATION));
        assertThat(again).isEqualTo(original);
    }

    @Test
    void theCopyIsIndependentOfTheView() throws ParseException {
        byte[] bytes = Packets.ipv4();
        Ipv4Header view = Ipv4Header.parse(PacketBuffer.wrap(bytes));
        Ipv4HeaderBuilder builder = new Ipv4HeaderBuilder().copyFrom(view);
        byte[] expected = Packets.build(body(bytes, 28), builder);
        Arrays.fill(bytes, 0, 28, (byte) 0x11);   // the view's bytes change; the builder copied what it needs
        assertThat(Packets.build(body(expected, 28), builder)).isEqualTo(expected);
    }
}
