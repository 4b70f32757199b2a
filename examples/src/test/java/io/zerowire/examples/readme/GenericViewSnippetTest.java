package io.zerowire.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.IpAddress;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.udp.Udp;
import io.zerowire.protocols.udp.UdpV4;
import io.zerowire.protocols.udp.UdpV4Builder;
import io.zerowire.protocols.udp.UdpV6;
import io.zerowire.protocols.udp.UdpV6Builder;
import io.zerowire.serialize.PacketBuilder;
import io.zerowire.serialize.Serializer;
import io.zerowire.serialize.SizeLimitExceededException;
import org.junit.jupiter.api.Test;

/** The README's generic view example handles both IP versions and keeps each checksum right. */
class GenericViewSnippetTest {
    private static final byte[] PAYLOAD = {1, 2, 3, 4, 5};

    /** A datagram from port 5353 to 53 bounced, then parsed again: the wrap verifies the checksum. */
    private static <A extends IpAddress<?>> void assertBounces(Udp<A> view, PacketBuilder udp, A source,
            A destination) throws ParseException, SizeLimitExceededException {
        PacketBuffer packet = PacketBuffer.wrap(Serializer.of(PAYLOAD).encapsulate(udp).serialize().toByteArray());
        assertThat(GenericViewSnippet.bounce(view, packet, source, destination)).isEqualTo(5353);
        assertThat(packet.remaining()).as("the header given back").isEqualTo(8 + PAYLOAD.length);
        assertThat(view.wrap(packet, source, destination).destinationPort()).isEqualTo(5353);
        assertThat(view.bodyLength()).isEqualTo(PAYLOAD.length);
    }

    @Test
    void bouncesOverIpv4() throws ParseException, SizeLimitExceededException {
        Ipv4Address source = Ipv4Address.parse("192.0.2.1");
        Ipv4Address destination = Ipv4Address.parse("198.51.100.2");
        assertBounces(new UdpV4(), new UdpV4Builder().sourcePort(5353).destinationPort(53)
                .addresses(source, destination), source, destination);
    }

    @Test
    void bouncesOverIpv6() throws ParseException, SizeLimitExceededException {
        Ipv6Address source = Ipv6Address.parse("2001:db8::1");
        Ipv6Address destination = Ipv6Address.parse("2001:db8::2");
        assertBounces(new UdpV6(), new UdpV6Builder().sourcePort(5353).destinationPort(53)
                .addresses(source, destination), source, destination);
    }
}
