package io.zerowire.fuzz.layouts;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Checksum;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.HeaderLength;
import io.zerowire.annotations.Options;
import io.zerowire.annotations.TotalLength;
import io.zerowire.ip.IpAddress;
import io.zerowire.options.OptionsIterator;
import io.zerowire.protocols.ipv6.Ipv6OptionLayout;

/**
 * A tunnel header generic over the IP version of its pseudo-header (specialized into
 * {@code TunnelV4} and {@code TunnelV6}): a header length in units of 8 plus 8 bytes as IPv6
 * extension headers count theirs, a payload length that excludes the header, a 64-bit field, a
 * pseudo-header checksum, and IPv6-extension options (Pad1, PadN).
 */
@Header(layer = "tunnel")
public interface TunnelLayout<A extends IpAddress<?>> {
    @Bits(8) int nextHeader();

    @Bits(8) @HeaderLength(unit = 8, offset = 8) int headerExtensionLength();

    @Bits(16) @TotalLength(includesHeader = false, unit = 1) int payloadLength();

    @Bits(16) @Checksum(covers = Checksum.Coverage.PSEUDO_HEADER_AND_BODY, protocol = 253) int checksum();

    @Bits(1) boolean critical();

    @Bits(15) int flowId();

    @Bits(64) long cookie();

    @Options(Ipv6OptionLayout.class) OptionsIterator options();
}
