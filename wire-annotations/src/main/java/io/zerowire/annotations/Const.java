package io.zerowire.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The field always holds this value: parsing rejects any other ({@code MALFORMED}, naming the
 * field) and building writes it. IPv4's {@code @Bits(4) @Const(4) int version()}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Const {
    /** The value, as the field's unsigned (or signed) number. */
    long value();
}
