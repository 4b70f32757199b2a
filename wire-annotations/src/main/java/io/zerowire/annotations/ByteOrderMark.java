package io.zerowire.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field whose constant, read in one byte order or the other, tells the header's byte order: a
 * pcapng section header's {@code @Bits(32) @Const(0x1A2B3C4DL) @ByteOrderMark long byteOrderMagic()}.
 * Only in a layout whose order is {@link Endian#AT_PARSE}; the field also carries {@link Const}, is
 * 16, 32 or 64 bits on a byte boundary, and its constant reads differently in the two orders.
 *
 * <p>The view's {@code wrap(buffer)} then needs no order: it reads the mark both ways, takes the
 * order in which it equals the constant, and rejects anything else with a {@code MALFORMED}
 * {@code ParseException} naming the field. The builder writes the constant in the order it is given.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface ByteOrderMark {}
