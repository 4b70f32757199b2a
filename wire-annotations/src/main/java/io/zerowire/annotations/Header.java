package io.zerowire.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a header layout. The annotated interface's abstract methods are its fields, in source
 * order, packed bit by bit from the first byte; the processor generates a zero-copy view and a
 * builder next to it.
 *
 * <pre>{@code
 * @Header(layer = "udp")
 * interface UdpHeaderLayout<A extends IpAddress<?>> {
 *     @Bits(16) int sourcePort();
 *     @Bits(16) int destinationPort();
 *     @Bits(16) @TotalLength(includesHeader = true, unit = 1) int length();
 *     @Bits(16) @Checksum(covers = Checksum.Coverage.PSEUDO_HEADER_AND_BODY, protocol = 17) int checksum();
 * }
 * }</pre>
 *
 * <p>Names: the view is {@link #name()}, or the interface's name without its {@code Layout}
 * suffix; the builder is the view's name plus {@code Builder}. A layout with an IP address type
 * parameter is specialized into {@code <name>V4} and {@code <name>V6}, which both implement the
 * layout interface.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Header {
    /** The view's simple name; empty means the interface's name without a {@code Layout} suffix. */
    String name() default "";

    /** The layer name in parse errors and {@code toString()}; empty means the view's name in lower case. */
    String layer() default "";

    /** Byte order of every multi-byte field, and bit order of packed fields (see {@link Endian}). */
    Endian order() default Endian.BIG;

    /** The body is zero-padded up to this many bytes when building (Ethernet: 46). */
    int minBodyLength() default 0;
}
