package io.zerowire.examples.readme;

import io.zerowire.examples.userheaders.UdpLiteV4;
import io.zerowire.examples.userheaders.UdpLiteV4Builder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import io.zerowire.serialize.Serializer;
import io.zerowire.serialize.SizeLimitExceededException;
import org.junit.jupiter.api.Test;

/** The README's UDP-Lite layout checks only the bytes its coverage counts. */
class UdpLiteLayoutTest {
    private static final Ipv4Address SOURCE = Ipv4Address.parse("192.0.2.1");
    private static final Ipv4Address DESTINATION = Ipv4Address.parse("198.51.100.2");

    @Test
    void aPayloadByteOutsideTheCoverageMayChangeOneInsideMayNot() throws ParseException, SizeLimitExceededException {
        byte[] datagram = Serializer.of(new byte[] {1, 2, 3, 4, 5, 6}).encapsulate(new UdpLiteV4Builder()
                .sourcePort(5004).destinationPort(5004).checksumCoverage(10).addresses(SOURCE, DESTINATION))
                .serialize().toByteArray();
        datagram[12] ^= 0x55;                                    // past the 10 covered bytes
        assertThat(UdpLiteV4.parse(PacketBuffer.wrap(datagram), SOURCE, DESTINATION).checksumCoverage()).isEqualTo(10);
        datagram[9] ^= 0x55;                                     // inside them
        ParseException e = catchThrowableOfType(ParseException.class,
                () -> UdpLiteV4.parse(PacketBuffer.wrap(datagram), SOURCE, DESTINATION));
        assertThat(e.kind()).isEqualTo(ParseErrorKind.CHECKSUM);
    }
}
