package io.zerowire.protocols.icmpv6.ndp;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.Reserved;
import io.zerowire.ip.Ipv6Address;

/**
 * The value of a Prefix Information option (type 3, length 4, RFC 4861 section 4.6.2): the 30
 * bytes after the option's type and length. A lifetime of {@code 0xFFFFFFFF} means infinity.
 */
@Header(layer = "ndp-prefix-information")
public interface PrefixInformationLayout {
    /** Leading bits of {@link #prefix()} that are the prefix, 0 to 128. */
    @Bits(8) int prefixLength();

    /** L: the prefix is on-link. */
    boolean onLink();

    /** A: the prefix can be used for stateless address autoconfiguration. */
    boolean autonomous();

    /** R: {@link #prefix()} is the router's full address (RFC 6275). */
    boolean routerAddress();

    @Bits(5) @Reserved int reserved1();

    /** Seconds the prefix stays valid for on-link determination. */
    @Bits(32) long validLifetime();

    /** Seconds addresses made from the prefix stay preferred. */
    @Bits(32) long preferredLifetime();

    @Bits(32) @Reserved long reserved2();

    /** The prefix; bits after {@link #prefixLength()} are zero when sent and ignored when received. */
    Ipv6Address prefix();
}
