package io.zerowire.protocols.ipv6;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Const;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.TotalLength;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.protocols.ip.IpProtocol;

/**
 * The fixed 40-byte IPv6 header (RFC 8200 section 3). The generated {@code Ipv6Header} view checks
 * the length, the version and the payload length (trimming link padding after the packet into the
 * buffer's suffix); the generated {@code Ipv6HeaderBuilder} derives the version and the payload
 * length.
 *
 * <p>Parse whole packets with {@link Ipv6Packet}, which also walks the extension header chain and
 * understands jumbograms (a payload length of 0 with a Jumbo Payload option, RFC 2675); the bare
 * view takes a zero payload length literally.
 */
@Header(layer = "ipv6")
public interface Ipv6HeaderLayout {
    @Bits(4) @Const(6) int version();

    /** The Differentiated Services field, the high six bits of the traffic class (RFC 2474). */
    @Bits(6) int dscp();

    /** Explicit Congestion Notification, the low two bits of the traffic class (RFC 3168). */
    @Bits(2) int ecn();

    @Bits(20) int flowLabel();

    /** Bytes after this header, extension headers included; 0 in a jumbogram. */
    @Bits(16) @TotalLength(includesHeader = false, unit = 1) int payloadLength();

    /** The first extension header, or the upper-layer protocol. */
    @Bits(8) IpProtocol nextHeader();

    @Bits(8) int hopLimit();

    Ipv6Address source();

    Ipv6Address destination();
}
