package io.zerowire.protocols.icmpv6;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.Reserved;

/**
 * Time Exceeded (type 3, RFC 4443 section 3.3) after the common header: four unused bytes, then as
 * much of the invoking packet as fits in the minimum IPv6 MTU.
 */
@Header(layer = "icmpv6-time-exceeded")
public interface TimeExceededLayout {
    /** Code 0: hop limit exceeded in transit. */
    int HOP_LIMIT_EXCEEDED = 0;
    /** Code 1: fragment reassembly time exceeded. */
    int REASSEMBLY_TIME_EXCEEDED = 1;

    /** Must be zero when sent, ignored when received. */
    @Bits(32) @Reserved long unused();
}
