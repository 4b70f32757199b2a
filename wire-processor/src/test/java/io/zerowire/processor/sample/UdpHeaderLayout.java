package io.zerowire.processor.sample;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Checksum;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.TotalLength;
import io.zerowire.ip.IpAddress;

/** A UDP-like header, generic over the IP version for its pseudo-header checksum. */
@Header(layer = "udp")
interface UdpHeaderLayout<A extends IpAddress<?>> {
    @Bits(16) int sourcePort();

    @Bits(16) int destinationPort();

    @Bits(16) @TotalLength(includesHeader = true, unit = 1) int length();

    @Bits(16)
    @Checksum(covers = Checksum.Coverage.PSEUDO_HEADER_AND_BODY, protocol = 17,
            zeroMeansNoneOverIpv4 = true, transmitZeroAsAllOnes = true)
    int checksum();
}
