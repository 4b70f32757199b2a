package io.zerowire.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The field is a type field that selects what follows the header: each {@link Variant} names a
 * layout and the values of this field that select it. ICMP (RFC 792):
 *
 * <pre>{@code
 * @Header(layer = "icmp")
 * interface IcmpLayout {
 *     @Bits(8) @Variants({
 *             @Variant(name = "echoReply", value = 0, layout = IcmpEchoLayout.class),
 *             @Variant(name = "echoRequest", value = 8, layout = IcmpEchoLayout.class),
 *             @Variant(name = "error", value = {3, 11}, layout = IcmpErrorLayout.class)})
 *     int type();
 *     @Bits(8) int code();
 *     @Bits(16) @Checksum(covers = Checksum.Coverage.HEADER_AND_BODY) int checksum();
 * }
 * }</pre>
 *
 * <p>A variant is the layout of the bytes right after the selecting header (ICMP echo: identifier
 * and sequence number), a fixed layout of its own without a checksum. The view's {@code wrap}
 * reads the type field and wraps the variant's view after the header, so that the header length
 * includes the variant and the body is what follows it; {@code kind()} tells which variant it is,
 * {@code UNKNOWN} for a value no variant names (kept, not rejected: the body is then everything
 * after the header), and {@code asEchoRequest()} returns the variant's view, one per variant
 * layout, created with the header's view and reused, or throws {@code IllegalStateException} when
 * the message is of another kind. A checksum of the header that covers the body covers the
 * variant too: verified at {@code wrap}, computed by the builder over what it wrote, and kept
 * right by the variant view's setters. The builder takes a variant builder
 * ({@code echoRequest(new IcmpEchoBuilder()...)}, or {@code error(3, ...)} for a variant with
 * several values) and writes the type from it unless the type is set explicitly.
 *
 * <p>The type field is an {@code int} or an open enum of at most 31 bits, without another role;
 * the selecting layout is fixed (no length fields, options or optional fields).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Variants {
    /** The variants, each with its own values. */
    Variant[] value();
}
