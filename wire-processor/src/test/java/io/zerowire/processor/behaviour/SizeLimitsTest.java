package io.zerowire.processor.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.parse.ParseException;
import io.zerowire.processor.sample.UdpHeaderV4Builder;
import io.zerowire.processor.sample.UdpHeaderV6Builder;
import io.zerowire.serialize.Serializer;
import io.zerowire.serialize.SizeLimitExceededException;
import org.junit.jupiter.api.Test;

/**
 * Packets too long for their length fields or their pseudo-header are refused with the typed
 * {@link SizeLimitExceededException} before anything is written, and the largest that fit work.
 */
class SizeLimitsTest {
    @Test
    void udpLengthFieldBoundsTheDatagram() throws SizeLimitExceededException {
        UdpHeaderV4Builder v4 = new UdpHeaderV4Builder().addresses(Packets.SOURCE, Packets.DESTINATION);
        assertThat(Serializer.of(new byte[65535 - 8]).encapsulate(v4).serialize().bodyLength()).isEqualTo(65535);
        assertThatThrownBy(() -> Serializer.of(new byte[65535 - 8 + 1]).encapsulate(v4).serialize())
                .isInstanceOf(SizeLimitExceededException.class);
        UdpHeaderV6Builder v6 = new UdpHeaderV6Builder().addresses(Ipv6Address.parse("::1"), Ipv6Address.parse("::2"));
        assertThatThrownBy(() -> Serializer.of(new byte[65535 - 8 + 1]).encapsulate(v6).serialize())
                .isInstanceOf(SizeLimitExceededException.class);
    }

    /**
     * TCP has no length field, but its IPv4 pseudo-header carries the segment length in 16 bits:
     * a longer segment cannot be checksummed and must be refused like any other size limit.
     */
    @Test
    void anIpv4PseudoHeaderBoundsTheSegment() throws SizeLimitExceededException, ParseException {
        TcpLikeBuilder tcp = new TcpLikeBuilder().addresses(Packets.SOURCE, Packets.DESTINATION);
        byte[] largest = Serializer.of(Packets.payload(65535 - 20)).encapsulate(tcp).serialize().toByteArray();
        assertThat(largest).hasSize(65535);
        assertThat(TcpLike.parse(PacketBuffer.wrap(largest), Packets.SOURCE, Packets.DESTINATION).checksum())
                .isEqualTo(ReferenceChecksum.checksum(ReferenceChecksum.ipv4PseudoHeader(Packets.SOURCE,
                        Packets.DESTINATION, 6, 65535), ReferenceChecksum.withZeroChecksum(largest, 0, 65535, 16)));
        assertThatThrownBy(() -> Serializer.of(new byte[65535 - 20 + 1]).encapsulate(tcp).serialize())
                .isInstanceOf(SizeLimitExceededException.class);
    }
}
