package io.zerowire.protocols.igmp;

import io.zerowire.annotations.Header;
import io.zerowire.ip.Ipv4Address;

/**
 * The rest of an 8-byte IGMPv1 or IGMPv2 message (RFC 1112 appendix I, RFC 2236 section 2): the
 * group address (0.0.0.0 in a general query). Bytes past these 8 are ignored by receivers (RFC
 * 2236 section 2.5) and stay in the body.
 */
@Header(layer = "igmp-group")
public interface IgmpGroupAddressLayout {
    Ipv4Address groupAddress();
}
