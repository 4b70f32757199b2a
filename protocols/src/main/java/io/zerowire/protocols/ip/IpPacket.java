package io.zerowire.protocols.ip;

import io.zerowire.ip.Ip;
import io.zerowire.ip.IpAddress;

/**
 * A parsed IP packet of either version, seen through what the layers above it need: its addresses,
 * the upper-layer protocol after any extension headers, and whether it is a fragment.
 *
 * <p>This is the type that makes transport code generic over the version: UDP, TCP and ICMPv6 parse
 * with {@code (body, ip)} and take the pseudo-header addresses from it, so one code path serves
 * both versions. {@code Ipv4Packet} and {@code Ipv6Packet} are the two implementations; both are
 * reusable views ({@code wrap} again for the next packet), so holding one costs no allocation per
 * packet.
 *
 * <pre>{@code
 * IpPacket<?> ip = version == 4 ? v4.wrap(buffer) : v6.wrap(buffer);
 * if (!ip.isFragment() && ip.transportProtocol().equals(IpProtocol.UDP)) {
 *     UdpLayout<?> udp = udpParser.parse(buffer, ip);   // pseudo-header from ip
 * }
 * }</pre>
 *
 * @param <I> the IP version, {@link io.zerowire.ip.Ipv4} or {@link io.zerowire.ip.Ipv6}
 */
public interface IpPacket<I extends Ip> {
    /** The version singleton, {@code Ipv4.INSTANCE} or {@code Ipv6.INSTANCE}. */
    I version();

    /** The source address of the fixed header. */
    IpAddress<I> source();

    /** The destination address of the fixed header (for IPv6, the next hop of a routing header). */
    IpAddress<I> destination();

    /**
     * The destination the upper-layer checksum's pseudo-header uses: the final destination of a
     * routing header with segments left (RFC 8200 section 8.1), otherwise {@link #destination()}.
     */
    IpAddress<I> pseudoHeaderDestination();

    /**
     * Puts {@link #source()} and {@link #pseudoHeaderDestination()} into {@code into} as raw bits.
     * {@code Ipv4Packet} and {@code Ipv6Packet} read them from the header's bytes without allocating;
     * this default goes through the address objects.
     */
    default void pseudoHeaderAddresses(PseudoHeaderAddresses into) {
        into.set(source(), pseudoHeaderDestination());
    }

    /** The protocol of the payload: IPv4's protocol field, or the next header ending IPv6's chain. */
    IpProtocol transportProtocol();

    /**
     * The number behind {@link #transportProtocol()}. {@code Ipv4Packet} and {@code Ipv6Packet} read
     * it without allocating, where {@code transportProtocol()} makes an object for an unnamed number.
     */
    default int transportProtocolValue() {
        return transportProtocol().value();
    }

    /** TTL (IPv4) or hop limit (IPv6). */
    int hopLimit();

    /**
     * Whether this packet is a fragment of a larger datagram (IPv4 MF or a non-zero offset; an IPv6
     * fragment header with M or a non-zero offset). Its payload is then not a whole transport packet.
     */
    boolean isFragment();

    /** Bytes of all IP headers: the fixed header, options and extension headers. */
    int headerLength();

    /** Bytes of the payload after all IP headers (what the transport layer parses). */
    int payloadLength();
}
