package io.zerowire.protocols.ipv6;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.HeaderLength;
import io.zerowire.annotations.Options;
import io.zerowire.options.OptionsIterator;
import io.zerowire.protocols.ip.IpProtocol;

/**
 * The Destination Options header (RFC 8200 section 4.6): the same shape as the Hop-by-Hop Options
 * header, for options that only the destination (or, before a routing header, each listed
 * destination) examines.
 */
@Header(layer = "ipv6.dstopts")
public interface DestinationOptionsLayout {
    @Bits(8) IpProtocol nextHeader();

    /** Length in 8-byte units, not counting the first 8 bytes. */
    @Bits(8) @HeaderLength(unit = 8, offset = 8) int headerExtensionLength();

    @Options(Ipv6OptionLayout.class) OptionsIterator options();
}
