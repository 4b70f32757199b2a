package io.zerowire.protocols.icmpv6.ndp;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.Reserved;

/**
 * The fixed part of a Route Information option's value (type 24, RFC 4191 section 2.3): the six
 * bytes after the option's type and length. The prefix follows in 0, 8 or 16 bytes (option length
 * 1, 2 or 3), as few as its {@link #prefixLength()} allows.
 */
@Header(layer = "ndp-route-information")
public interface RouteInformationLayout {
    /** Leading bits of the prefix that are significant, 0 to 128. */
    @Bits(8) int prefixLength();

    @Bits(3) @Reserved int reserved1();

    /** Prf: the route's preference; a route with {@link RoutePreference#RESERVED} is ignored. */
    @Bits(2) RoutePreference routePreference();

    @Bits(3) @Reserved int reserved2();

    /** Seconds the route stays valid; {@code 0xFFFFFFFF} means infinity. */
    @Bits(32) long routeLifetime();
}
