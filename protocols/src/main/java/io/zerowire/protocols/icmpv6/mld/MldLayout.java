package io.zerowire.protocols.icmpv6.mld;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.Reserved;
import io.zerowire.ip.Ipv6Address;

/**
 * An MLDv1 message (RFC 2710 section 3) after the common ICMPv6 header: Multicast Listener Query
 * (type 130, 24 bytes in all), Report (131) and Done (132).
 */
@Header(layer = "mld")
public interface MldLayout {
    /** In a query, the longest delay in milliseconds before a listener reports; zero otherwise. */
    @Bits(16) int maximumResponseDelay();

    @Bits(16) @Reserved int reserved();

    /** The group queried ({@code ::} in a general query), reported or left. */
    Ipv6Address multicastAddress();
}
