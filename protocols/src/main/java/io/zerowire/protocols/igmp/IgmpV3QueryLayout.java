package io.zerowire.protocols.igmp;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.Reserved;
import io.zerowire.ip.Ipv4Address;

/**
 * The rest of an IGMPv3 membership query's fixed part (RFC 3376 section 4.1), after the common
 * header; {@code numberOfSources} source addresses follow it, then any additional data (which
 * receivers ignore but the checksum covers).
 */
@Header(layer = "igmpv3-query")
public interface IgmpV3QueryLayout {
    /** 0.0.0.0 in a general query, else the group queried. */
    Ipv4Address groupAddress();

    /** Reserved; written as zero. */
    @Bits(4) @Reserved int reserved();

    /** S: routers receiving the query suppress their timer updates (RFC 3376 section 4.1.5). */
    boolean suppressRouterProcessing();

    /** QRV: the querier's robustness variable, 1 to 7; 0 when it exceeds 7. */
    @Bits(3) int querierRobustnessVariable();

    /** QQIC: the querier's query interval, as a code ({@link IgmpTimeCode#decode} gives seconds). */
    @Bits(8) int querierQueryIntervalCode();

    /** How many source addresses follow. */
    @Bits(16) int numberOfSources();
}
