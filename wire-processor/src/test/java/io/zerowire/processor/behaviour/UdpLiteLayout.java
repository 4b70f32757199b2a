package io.zerowire.processor.behaviour;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Checksum;
import io.zerowire.annotations.Header;
import io.zerowire.ip.IpAddress;

/**
 * UDP-Lite (RFC 3828), generic over the IP version: no length field (the datagram runs to the end of
 * the IP payload), and a checksum over the bytes its coverage field counts (0: all of them), after a
 * pseudo-header that gives the whole datagram's length.
 */
@Header(layer = "udplite")
interface UdpLiteLayout<A extends IpAddress<?>> {
    @Bits(16) int sourcePort();

    @Bits(16) int destinationPort();

    /** Bytes the checksum covers from the header's first byte; 0 means the whole datagram. */
    @Bits(16) int checksumCoverage();

    @Bits(16)
    @Checksum(covers = Checksum.Coverage.PSEUDO_HEADER_AND_BODY, protocol = 136, transmitZeroAsAllOnes = true,
            coverage = "checksumCoverage")
    int checksum();
}
