package io.zerowire.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The byte length of a fixed byte region, a {@code byte[]} field: {@code @Size(16) byte[] nonce()}.
 * The view reads it in place ({@code nonceOffset()}, {@code copyNonce(...)}); only the plain
 * getter copies.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Size {
    /** Length in bytes, 1 or more. */
    int value();
}
