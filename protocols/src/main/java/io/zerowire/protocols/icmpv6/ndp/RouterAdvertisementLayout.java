package io.zerowire.protocols.icmpv6.ndp;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.Reserved;

/**
 * Router Advertisement (ICMPv6 type 134, RFC 4861 section 4.2) after the common ICMPv6 header, with
 * the flags later RFCs added (H of RFC 6275, Prf of RFC 4191, P of RFC 4389), then NDP options
 * (source link-layer address, MTU, prefix information, route information, RDNSS, ...).
 */
@Header(layer = "ndp-router-advertisement")
public interface RouterAdvertisementLayout {
    /** The hop limit hosts should use for outgoing packets; 0 means unspecified. */
    @Bits(8) int currentHopLimit();

    /** M: addresses are available through DHCPv6. */
    boolean managedAddressConfiguration();

    /** O: other configuration is available through DHCPv6. */
    boolean otherConfiguration();

    /** H: the router is also a Mobile IPv6 home agent (RFC 6275). */
    boolean homeAgent();

    /** Prf: the default router preference (RFC 4191). */
    @Bits(2) RoutePreference routerPreference();

    /** P: proxied advertisement (RFC 4389). */
    boolean proxy();

    @Bits(2) @Reserved int reserved();

    /** Seconds this router is a default router; 0 means not a default router. */
    @Bits(16) int routerLifetime();

    /** Milliseconds a neighbor is reachable after a confirmation; 0 means unspecified. */
    @Bits(32) long reachableTime();

    /** Milliseconds between retransmitted Neighbor Solicitations; 0 means unspecified. */
    @Bits(32) long retransTimer();
}
