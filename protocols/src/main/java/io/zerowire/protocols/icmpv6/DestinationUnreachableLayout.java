package io.zerowire.protocols.icmpv6;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.Reserved;

/**
 * Destination Unreachable (type 1, RFC 4443 section 3.1) after the common header: four unused
 * bytes, then as much of the invoking packet as fits in the minimum IPv6 MTU. The codes are the
 * constants below.
 */
@Header(layer = "icmpv6-destination-unreachable")
public interface DestinationUnreachableLayout {
    /** Code 0: no route to destination. */
    int NO_ROUTE = 0;
    /** Code 1: communication with the destination administratively prohibited. */
    int ADMINISTRATIVELY_PROHIBITED = 1;
    /** Code 2: beyond scope of source address. */
    int BEYOND_SCOPE = 2;
    /** Code 3: address unreachable. */
    int ADDRESS_UNREACHABLE = 3;
    /** Code 4: port unreachable. */
    int PORT_UNREACHABLE = 4;
    /** Code 5: source address failed ingress/egress policy. */
    int SOURCE_ADDRESS_FAILED_POLICY = 5;
    /** Code 6: reject route to destination. */
    int REJECT_ROUTE = 6;

    /** Must be zero when sent, ignored when received. */
    @Bits(32) @Reserved long unused();
}
