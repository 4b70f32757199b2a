package io.zerowire.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The field gives the length of the packet ({@code includesHeader = true}: IPv4 total length, UDP
 * length) or of what follows the header ({@code includesHeader = false}: IPv6 payload length, a
 * pcap record's captured length), as {@code value * unit}.
 *
 * <p>Parsing checks it against the buffer (shorter is malformed) and trims anything after the
 * packet, such as Ethernet padding, into the suffix. Building fills it in from the body.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface TotalLength {
    /** Whether the length counts the header too. */
    boolean includesHeader();

    /** Bytes per unit of the field; must be set (1 or more). */
    int unit() default 0;
}
