package io.zerowire.protocols.icmpv6.ndp;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.Reserved;
import io.zerowire.ip.Ipv6Address;

/**
 * Neighbor Solicitation (ICMPv6 type 135, RFC 4861 section 4.3) after the common ICMPv6 header:
 * four reserved bytes and the target address, then NDP options (source link-layer address, nonce).
 * Duplicate address detection sends it from the unspecified address {@code ::}.
 */
@Header(layer = "ndp-neighbor-solicitation")
public interface NeighborSolicitationLayout {
    @Bits(32) @Reserved long reserved();

    /** The address whose link-layer address is asked for; never multicast. */
    Ipv6Address target();
}
