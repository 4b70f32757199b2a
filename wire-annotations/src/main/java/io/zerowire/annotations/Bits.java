package io.zerowire.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The width of an integer, boolean or open-enum field in bits, 1 to 64, at any bit position.
 *
 * <p>Values are unsigned unless the field is also {@link Signed}: an {@code int} field holds up to
 * 31 unsigned bits (32 when signed), a {@code long} field up to 64 (a 64-bit field is returned as
 * its raw bits), a {@code boolean} exactly 1. Address fields ({@code MacAddress},
 * {@code Ipv4Address}, {@code Ipv6Address}) and byte regions have implied widths and need no
 * {@code @Bits}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Bits {
    /** Width in bits, 1 to 64. */
    int value();
}
