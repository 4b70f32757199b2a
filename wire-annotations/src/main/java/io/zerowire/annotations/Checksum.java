package io.zerowire.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The field is an RFC 1071 internet checksum, 16 bits wide: verified when parsing, computed when
 * building, and kept right by the view's setters through RFC 1624 incremental updates.
 *
 * <p>A pseudo-header checksum needs the IP addresses: the layout is either generic over an address
 * type ({@code <A extends IpAddress<?>>}, specialized for both versions) or names its one
 * {@link #ipVersion()}; the view's {@code parse} then takes the source and destination addresses.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Checksum {
    /** What the checksum covers. */
    Coverage covers();

    /** When the view verifies it. */
    Verify verify() default Verify.ON_PARSE;

    /** For {@link Coverage#PSEUDO_HEADER_AND_BODY}: the upper-layer protocol number in the pseudo-header. */
    int protocol() default -1;

    /** For a pseudo-header checksum in a layout that is not generic over the IP version: which version. */
    IpVersion ipVersion() default IpVersion.GENERIC;

    /** UDP over IPv4 (RFC 768): a zero checksum means "none" and is not verified. Over IPv6 zero stays an error. */
    boolean zeroMeansNoneOverIpv4() default false;

    /** UDP (RFC 768): a computed checksum of zero is transmitted as 0xFFFF, since zero means "none". */
    boolean transmitZeroAsAllOnes() default false;

    /**
     * The name of a field that says how many bytes, from the header's first byte, the checksum covers
     * (UDP-Lite's Checksum Coverage, RFC 3828): zero means the whole packet; a value smaller than the
     * header or larger than the packet is a {@code MALFORMED} parse error naming that field. The
     * pseudo-header's length stays the whole packet's. Such a checksum is mandatory: zero is never
     * "none" but a {@code CHECKSUM} error. The field is a plain unsigned {@code int} of whole bytes;
     * the builder writes 0 (the whole packet) unless it is given, and computes the checksum over what
     * it says; the view's setter of that field checks the value and computes the checksum again.
     * Empty (the default): the checksum covers all that {@link #covers()} says.
     */
    String coverage() default "";

    /** What a checksum covers. */
    enum Coverage {
        /** The header only, options included (IPv4). */
        HEADER,
        /** Header and body (ICMPv4, IGMP). */
        HEADER_AND_BODY,
        /** The IP pseudo-header, then header and body (TCP, UDP, ICMPv6). */
        PSEUDO_HEADER_AND_BODY
    }

    /** When a view verifies the checksum. */
    enum Verify {
        /** Every {@code parse} verifies; {@code parseUnverified} skips it. */
        ON_PARSE,
        /** {@code parse} does not verify; call {@code checksumValid()} when it matters. */
        ON_DEMAND
    }

    /** The IP version of a pseudo-header. */
    enum IpVersion {
        /** Taken from the layout's address type parameter. */
        GENERIC,
        /** IPv4 pseudo-header (RFC 793 / 768). */
        V4,
        /** IPv6 pseudo-header (RFC 8200 section 8.1). */
        V6
    }
}
