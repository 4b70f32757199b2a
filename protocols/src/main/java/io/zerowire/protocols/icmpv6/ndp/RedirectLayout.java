package io.zerowire.protocols.icmpv6.ndp;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.Reserved;
import io.zerowire.ip.Ipv6Address;

/**
 * Redirect (ICMPv6 type 137, RFC 4861 section 4.5) after the common ICMPv6 header: four reserved
 * bytes, the better first hop and the destination being redirected, then NDP options (target
 * link-layer address, redirected header).
 */
@Header(layer = "ndp-redirect")
public interface RedirectLayout {
    @Bits(32) @Reserved long reserved();

    /** The better first hop: a link-local router address, or the destination itself when it is on-link. */
    Ipv6Address target();

    /** The destination that is redirected to the target; never multicast. */
    Ipv6Address destination();
}
