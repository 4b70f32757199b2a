package io.zerowire.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The field gives the header's length in bytes as {@code value * unit + offset}: IPv4's IHL
 * ({@code unit = 4}), TCP's data offset ({@code unit = 4}), an IPv6 extension header's length
 * ({@code unit = 8, offset = 8}).
 *
 * <p>Parsing checks that the length covers the fixed fields and fits in the buffer; everything
 * between the fixed fields and that length is the {@link Options} region. Building fills the field
 * in from the fixed length plus the padded options.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface HeaderLength {
    /** Bytes per unit of the field; must be set (1 or more). */
    int unit() default 0;

    /** Bytes added after multiplying. */
    int offset() default 0;
}
