package io.zerowire.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One variant of a type field (see {@link Variants}): the values that select it and the layout of
 * the bytes after the selecting header. Several variants may share a layout (ICMP echo request and
 * reply); one variant may have several values (ICMP destination unreachable and time exceeded).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface Variant {
    /**
     * The variant's name, a Java identifier in lower camel case: it names the view's
     * {@code asEchoRequest()}, the {@code ECHO_REQUEST} constant of its {@code Kind}, and the
     * builder's {@code echoRequest(..)}.
     */
    String name();

    /** The values of the type field that select this variant, each within the field's width. */
    int[] value();

    /** The variant's layout: a {@link Header} interface of fixed fields without a checksum. */
    Class<?> layout();
}
