package io.zerowire.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ipv4.Ipv4Builder;
import io.zerowire.protocols.ipv4.Ipv4Packet;
import io.zerowire.protocols.udp.UdpBuilder;
import io.zerowire.protocols.udp.UdpParser;
import io.zerowire.serialize.Serializer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ParseUndoSerializeTest {
    private static final Ipv4Address CLIENT = Ipv4Address.parse("192.0.2.1");
    private static final Ipv4Address SERVER = Ipv4Address.parse("198.51.100.7");
    private static final byte[] PAYLOAD = "hello, wire".getBytes(StandardCharsets.US_ASCII);

    /** A UDP datagram from port 40000 to port 7 in IPv4, TTL 64, in an array of exactly its size. */
    private static byte[] datagram() throws Exception {
        return Serializer.of(PAYLOAD)
                .encapsulate(new UdpBuilder().sourcePort(40000).destinationPort(7).addresses(CLIENT, SERVER))
                .encapsulate(new Ipv4Builder().ttl(64).protocol(IpProtocol.UDP).source(CLIENT).destination(SERVER))
                .serialize().toByteArray();
    }

    /** RFC 1071, byte by byte, independent of the runtime's implementation. */
    private static int naiveChecksum(byte[] bytes, int from, int to, long initial) {
        long sum = initial;
        for (int i = from; i < to; i += 2) {
            int high = bytes[i] & 0xFF;
            int low = i + 1 < to ? bytes[i + 1] & 0xFF : 0;
            sum += (high << 8) | low;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int) (~sum & 0xFFFF);
    }

    @Test
    void theTtlIsDecrementedInPlaceWithAValidChecksumAndTheWholePacketGivenBack() throws Exception {
        byte[] bytes = datagram();
        byte[] before = bytes.clone();

        PacketBuffer packet = ParseUndoSerialize.parseEditUndo(bytes);

        assertThat(packet.array()).isSameAs(bytes);
        assertThat(packet.bodyStart()).isZero();
        assertThat(packet.bodyLength()).isEqualTo(bytes.length);
        assertThat(bytes[8] & 0xFF).as("ttl").isEqualTo(63);
        assertThat(naiveChecksum(bytes, 0, 20, 0)).as("the header sums to 0xFFFF with its checksum").isZero();
        // Nothing but the TTL and the header checksum changed.
        byte[] unchanged = bytes.clone();
        unchanged[8] = before[8];
        unchanged[10] = before[10];
        unchanged[11] = before[11];
        assertThat(unchanged).isEqualTo(before);
        assertThat(Arrays.copyOfRange(bytes, 10, 12)).isNotEqualTo(Arrays.copyOfRange(before, 10, 12));
    }

    @Test
    void theAnswerIsAValidDatagramBackToTheSenderWrittenIntoTheReceivedArray() throws Exception {
        byte[] bytes = datagram();
        PacketBuffer packet = ParseUndoSerialize.parseEditUndo(bytes);

        PacketBuffer reply = ParseUndoSerialize.answer(packet, new Ipv4Packet(), new UdpParser());

        byte[] expected = new byte[20 + 8 + PAYLOAD.length];
        byte[] header = {
            0x45, 0, 0, (byte) expected.length, 0, 0, 0, 0, 64, 17, 0, 0,
            (byte) 198, 51, 100, 7, (byte) 192, 0, 2, 1,
        };
        System.arraycopy(header, 0, expected, 0, 20);
        int ipChecksum = naiveChecksum(expected, 0, 20, 0);
        expected[10] = (byte) (ipChecksum >>> 8);
        expected[11] = (byte) ipChecksum;
        byte[] udp = {0, 7, (byte) 0x9c, 0x40, 0, (byte) (8 + PAYLOAD.length), 0, 0};
        System.arraycopy(udp, 0, expected, 20, 8);
        System.arraycopy(PAYLOAD, 0, expected, 28, PAYLOAD.length);
        long pseudo = 0xc633 + 0x6407 + 0xc000 + 0x0201 + 17 + 8 + PAYLOAD.length;
        int udpChecksum = naiveChecksum(expected, 20, expected.length, pseudo);
        expected[26] = (byte) (udpChecksum >>> 8);
        expected[27] = (byte) udpChecksum;

        assertThat(reply.toByteArray()).isEqualTo(expected);
        assertThat(reply.array()).as("serialized into the received array").isSameAs(bytes);
    }
}
