package io.zerowire.examples;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Checksum;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.TotalLength;
import io.zerowire.ip.IpAddress;

/** UDP (RFC 768) as a layout, generic over the IP version of its pseudo-header. */
@Header(layer = "udp")
public interface UdpLayout<A extends IpAddress<?>> {
    @Bits(16) int sourcePort();

    @Bits(16) int destinationPort();

    @Bits(16) @TotalLength(includesHeader = true, unit = 1) int length();

    @Bits(16)
    @Checksum(covers = Checksum.Coverage.PSEUDO_HEADER_AND_BODY, protocol = 17,
            zeroMeansNoneOverIpv4 = true, transmitZeroAsAllOnes = true)
    int checksum();
}
