package io.zerowire.processor.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import io.zerowire.processor.sample.Ipv4Header;
import io.zerowire.processor.sample.UdpHeaderV4;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@code wrapQuoted}: the datagram an ICMP error quotes is cut short after its first bytes, so its
 * total length claims more than is there. The quoted parse accepts that (and only that), with the
 * body being what is present; everything else is validated as by {@code wrap}.
 */
class QuotedParseTest {
    private static final Ipv4Address A = Ipv4Address.of(10, 0, 0, 1);
    private static final Ipv4Address B = Ipv4Address.of(10, 0, 0, 2);

    /** RFC 792's quote: an IPv4 header (20 bytes, total length 1500) and the first 8 bytes of its UDP datagram. */
    private static byte[] quote() {
        byte[] q = new byte[28];
        q[0] = 0x45;
        q[2] = (byte) (1500 >> 8);
        q[3] = (byte) 1500;
        q[8] = 64;
        q[9] = 17;
        q[12] = 10;
        q[15] = 1;
        q[16] = 10;
        q[19] = 2;
        // UDP: ports 5353 -> 53, length 1480, a checksum over bytes that are no longer here.
        q[20] = 0x14;
        q[21] = (byte) 0xe9;
        q[23] = 53;
        q[24] = (byte) (1480 >> 8);
        q[25] = (byte) 1480;
        q[26] = 0x12;
        q[27] = 0x34;
        return q;
    }

    @Test
    void aCutShortDatagramParsesQuotedWithTheBodyThatIsPresent() throws ParseException {
        byte[] bytes = quote();
        PacketBuffer buffer = PacketBuffer.wrap(bytes);
        Ipv4Header ip = Ipv4Header.parseQuoted(buffer);
        assertThat(ip.totalLength()).isEqualTo(1500);
        assertThat(ip.headerLength()).isEqualTo(20);
        assertThat(ip.bodyLength()).isEqualTo(8);
        assertThat(buffer.bodyStart()).isEqualTo(20);
        UdpHeaderV4 udp = UdpHeaderV4.parseQuoted(buffer, ip.source(), ip.destination());
        assertThat(udp.sourcePort()).isEqualTo(5353);
        assertThat(udp.destinationPort()).isEqualTo(53);
        assertThat(udp.length()).isEqualTo(1480);
        assertThat(udp.bodyLength()).isZero();
        assertThat(bytes).isEqualTo(quote());
    }

    @Test
    void theOrdinaryParseStillRejectsTheCutShortDatagram() {
        PacketBuffer buffer = PacketBuffer.wrap(quote());
        ParseException e = catchThrowableOfType(ParseException.class, () -> Ipv4Header.parseUnverified(buffer));
        assertThat(e.kind()).isEqualTo(ParseErrorKind.MALFORMED);
        assertThat(e.field()).isEqualTo("totalLength");
        assertThat(buffer.bodyStart()).isZero();
    }

    @Test
    void aQuoteThatIsCompleteParsesLikeWrapAndTrimsWhatFollows() throws ParseException {
        byte[] bytes = Arrays.copyOf(quote(), 40);
        bytes[2] = 0;
        bytes[3] = 28;
        PacketBuffer buffer = PacketBuffer.wrap(bytes);
        Ipv4Header ip = Ipv4Header.parseQuoted(buffer);
        assertThat(ip.bodyLength()).isEqualTo(8);
        assertThat(buffer.bodyLength()).isEqualTo(8);
        assertThat(buffer.suffixLength()).isEqualTo(12);
    }

    @Test
    void theQuotedParseStillNeedsTheWholeHeaderAndAConsistentLength() {
        byte[] cut = Arrays.copyOf(quote(), 24);
        cut[0] = 0x46;   // IHL 6: 24 bytes of header, the 4 option bytes are zero (end of list)
        cut[3] = 23;      // total length 23 < header length 24
        cut[2] = 0;
        ParseException shortTotal = catchThrowableOfType(ParseException.class,
                () -> Ipv4Header.parseQuoted(PacketBuffer.wrap(cut)));
        assertThat(shortTotal.field()).isEqualTo("totalLength");

        byte[] header = Arrays.copyOf(quote(), 19);
        ParseException shortHeader = catchThrowableOfType(ParseException.class,
                () -> Ipv4Header.parseQuoted(PacketBuffer.wrap(header)));
        assertThat(shortHeader.kind()).isEqualTo(ParseErrorKind.MALFORMED);
        assertThat(shortHeader.detail()).contains("shorter than");

        byte[] udpCut = Arrays.copyOfRange(quote(), 20, 26);
        ParseException shortUdp = catchThrowableOfType(ParseException.class,
                () -> UdpHeaderV4.parseQuoted(PacketBuffer.wrap(udpCut), A, B));
        assertThat(shortUdp.kind()).isEqualTo(ParseErrorKind.MALFORMED);
    }
}
