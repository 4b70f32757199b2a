package io.zerowire.protocols.icmpv6.ndp;

import io.zerowire.annotations.Header;
import io.zerowire.link.MacAddress;

/**
 * The value of a Source (type 1) or Target (type 2) Link-Layer Address option (RFC 4861 section
 * 4.6.1) on Ethernet and the other IEEE 802 links (RFC 2464 section 6): the six bytes after the
 * option's type and length, in an option of length 1 (eight bytes).
 */
@Header(layer = "ndp-link-layer-address")
public interface LinkLayerAddressOptionLayout {
    MacAddress address();
}
