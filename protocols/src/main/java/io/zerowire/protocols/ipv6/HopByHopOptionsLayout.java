package io.zerowire.protocols.ipv6;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.HeaderLength;
import io.zerowire.annotations.Options;
import io.zerowire.options.OptionsIterator;
import io.zerowire.protocols.ip.IpProtocol;

/**
 * The Hop-by-Hop Options header (RFC 8200 section 4.3), which only the fixed header may name. Its
 * options (Pad1, PadN, Router Alert, Jumbo Payload, ...) are read with the view's allocation-free
 * {@code options()} iterator and {@link Ipv6Options}; the builder pads them with Pad1/PadN to a
 * multiple of 8 bytes and derives the length.
 */
@Header(layer = "ipv6.hopopts")
public interface HopByHopOptionsLayout {
    @Bits(8) IpProtocol nextHeader();

    /** Length in 8-byte units, not counting the first 8 bytes. */
    @Bits(8) @HeaderLength(unit = 8, offset = 8) int headerExtensionLength();

    @Options(Ipv6OptionLayout.class) OptionsIterator options();
}
