package io.zerowire.protocols.udp;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Checksum;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.TotalLength;
import io.zerowire.ip.IpAddress;

/**
 * The UDP header (RFC 768), generic over the IP version of its pseudo-header: the processor
 * generates {@code UdpV4}/{@code UdpV4Builder} and {@code UdpV6}/{@code UdpV6Builder}.
 *
 * <p>The views check that {@code length} covers the header and fits the buffer (anything after it,
 * such as Ethernet padding, moves into the suffix) and verify the checksum over the pseudo-header,
 * header and payload. A zero checksum means "none" over IPv4 and is accepted unverified; over IPv6
 * it is refused with a {@link io.zerowire.parse.ParseErrorKind#CHECKSUM CHECKSUM} error (RFC 8200
 * section 8.1). Builders compute the checksum and send a computed zero as {@code 0xFFFF}.
 *
 * <p>For code written once for both versions, use {@link UdpParser} and {@link UdpBuilder}.
 *
 * @param <A> the address type of the pseudo-header, {@code Ipv4Address} or {@code Ipv6Address}
 */
@Header(layer = "udp")
public interface UdpLayout<A extends IpAddress<?>> {
    @Bits(16) int sourcePort();

    @Bits(16) int destinationPort();

    /** Bytes of header and payload. */
    @Bits(16) @TotalLength(includesHeader = true, unit = 1) int length();

    @Bits(16)
    @Checksum(covers = Checksum.Coverage.PSEUDO_HEADER_AND_BODY, protocol = 17,
            zeroMeansNoneOverIpv4 = true, transmitZeroAsAllOnes = true)
    int checksum();
}
