package io.zerowire.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An optional field: present only when the named flag, a 1-bit {@code boolean} field declared
 * earlier, is set. GRE's key, {@code @PresentIf("keyPresent") @Bits(32) long key()} (RFC 2890).
 *
 * <p>Optional fields are {@code int} or {@code long} fields of whole bytes; they follow every fixed
 * field, in declaration order, each packed after the present ones before it, and the header
 * length is the fixed length plus the present fields. The view has {@code hasKey()}; reading or
 * setting an absent field throws {@code IllegalStateException}. The builder writes a field once it
 * is given a value ({@code key(..)}, removed again with {@code clearKey()}) and derives the flag
 * from that, unless the flag is set explicitly.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface PresentIf {
    /** The name of the flag field, such as {@code "keyPresent"}. */
    String value();
}
