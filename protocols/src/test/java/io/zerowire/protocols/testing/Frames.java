package io.zerowire.protocols.testing;

import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.link.MacAddress;
import io.zerowire.protocols.ethernet.EtherType;
import io.zerowire.protocols.ethernet.EthernetBuilder;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ipv4.Ipv4Builder;
import io.zerowire.protocols.ipv6.Ipv6HeaderBuilder;
import io.zerowire.serialize.Serializer;
import io.zerowire.serialize.SizeLimitExceededException;

/** Frames for tests, built with the protocols module's builders (what the kernel tests show to be right). */
public final class Frames {
    private Frames() {}

    /** {@code packet} in IPv4 from {@code source} to {@code destination}, in Ethernet. */
    public static byte[] ipv4(Serializer packet, IpProtocol protocol, Ipv4Address source, Ipv4Address destination,
            int ttl, boolean dontFragment, MacAddress from, MacAddress to) {
        return ethernet(packet.encapsulate(new Ipv4Builder().ttl(ttl).protocol(protocol).identification(0x4242)
                .dontFragment(dontFragment).source(source).destination(destination)), EtherType.IPV4, from, to);
    }

    /** {@code packet} in IPv6 from {@code source} to {@code destination}, in Ethernet. */
    public static byte[] ipv6(Serializer packet, IpProtocol protocol, Ipv6Address source, Ipv6Address destination,
            int hopLimit, MacAddress from, MacAddress to) {
        return ethernet(packet.encapsulate(new Ipv6HeaderBuilder().hopLimit(hopLimit).nextHeader(protocol)
                .source(source).destination(destination)), EtherType.IPV6, from, to);
    }

    /** {@code packet} in Ethernet. */
    public static byte[] ethernet(Serializer packet, EtherType type, MacAddress from, MacAddress to) {
        try {
            return packet.encapsulate(new EthernetBuilder().source(from).destination(to).etherType(type))
                    .serialize().toByteArray();
        } catch (SizeLimitExceededException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** {@code length} bytes of a recognisable pattern. */
    public static byte[] payload(int length) {
        byte[] payload = new byte[length];
        for (int i = 0; i < length; i++) {
            payload[i] = (byte) (i * 31 + 7);
        }
        return payload;
    }
}
