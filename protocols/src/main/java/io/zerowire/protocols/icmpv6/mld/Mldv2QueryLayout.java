package io.zerowire.protocols.icmpv6.mld;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.Reserved;
import io.zerowire.ip.Ipv6Address;

/**
 * An MLDv2 Multicast Listener Query (type 130, 28 bytes or more, RFC 3810 section 5.1) after the
 * common ICMPv6 header. {@link #numberOfSources()} source addresses of 16 bytes follow, at most
 * {@link Mldv2#MAX_SOURCES}; {@link Mldv2} decodes the two exponential codes.
 */
@Header(layer = "mldv2-query")
public interface Mldv2QueryLayout {
    /** The maximum response delay, coded as {@link Mldv2#maximumResponseDelay(int)} decodes it. */
    @Bits(16) int maximumResponseCode();

    @Bits(16) @Reserved int reserved1();

    /** {@code ::} in a general query, else the group queried. */
    Ipv6Address multicastAddress();

    @Bits(4) @Reserved int reserved2();

    /** S: routers suppress their timer updates. */
    boolean suppressRouterSideProcessing();

    /** QRV: the querier's robustness variable, 0 when above 7. */
    @Bits(3) int querierRobustnessVariable();

    /** QQIC: the querier's query interval, coded as {@link Mldv2#queryInterval(int)} decodes it. */
    @Bits(8) int querierQueryIntervalCode();

    /** How many source addresses follow. */
    @Bits(16) int numberOfSources();
}
