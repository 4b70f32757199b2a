package io.zerowire.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the kind (type, code) field of an {@link OptionHeader}. Adjacent marked fields form one
 * kind, the first one most significant: GENEVE's 16-bit option class and 8-bit type are one 24-bit
 * kind, {@code class << 8 | type}. A kind is at most 24 bits.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OptionKind {}
