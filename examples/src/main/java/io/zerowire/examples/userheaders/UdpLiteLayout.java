package io.zerowire.examples.userheaders;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Checksum;
import io.zerowire.annotations.Header;
import io.zerowire.ip.IpAddress;

/**
 * README, "Declaring a header": UDP-Lite (RFC 3828), whose checksum covers as many bytes as its
 * Checksum Coverage field says.
 *
 * @param <A> the address type of the pseudo-header, {@code Ipv4Address} or {@code Ipv6Address}
 */
@Header(layer = "udplite")
public interface UdpLiteLayout<A extends IpAddress<?>> {
    @Bits(16) int sourcePort();
    @Bits(16) int destinationPort();
    @Bits(16) int checksumCoverage();
    @Bits(16) @Checksum(covers = Checksum.Coverage.PSEUDO_HEADER_AND_BODY, protocol = 136,
            transmitZeroAsAllOnes = true, coverage = "checksumCoverage") int checksum();
}
