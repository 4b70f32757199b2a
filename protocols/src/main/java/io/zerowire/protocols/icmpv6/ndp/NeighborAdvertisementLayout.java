package io.zerowire.protocols.icmpv6.ndp;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.Reserved;
import io.zerowire.ip.Ipv6Address;

/**
 * Neighbor Advertisement (ICMPv6 type 136, RFC 4861 section 4.4) after the common ICMPv6 header:
 * three flags and the target address, then NDP options (target link-layer address).
 */
@Header(layer = "ndp-neighbor-advertisement")
public interface NeighborAdvertisementLayout {
    /** R: the sender is a router. */
    boolean router();

    /** S: sent in response to a Neighbor Solicitation; never set with a multicast destination. */
    boolean solicited();

    /** O: the advertisement should override an existing cache entry. */
    boolean override();

    @Bits(29) @Reserved int reserved();

    /** The solicited target, or the address whose link-layer address changed; never multicast. */
    Ipv6Address target();
}
