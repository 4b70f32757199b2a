package io.zerowire.protocols.icmpv6.ndp;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.Reserved;

/**
 * Router Solicitation (ICMPv6 type 133, RFC 4861 section 4.1) after the common ICMPv6 header: four
 * reserved bytes, then NDP options (a Source Link-Layer Address unless the source is unspecified).
 */
@Header(layer = "ndp-router-solicitation")
public interface RouterSolicitationLayout {
    @Bits(32) @Reserved long reserved();
}
