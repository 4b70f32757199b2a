package io.zerowire.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The option region: the bytes between the fixed fields and the {@link HeaderLength}, a
 * type-length-value list in the format that an {@link OptionHeader} interface declares. The field's
 * type must be {@code io.zerowire.options.OptionsIterator}; it is the last field of the layout.
 *
 * <p>Parsing validates the whole list once, so iterating it cannot fail; the builder takes an
 * {@code OptionsBuilder} of that format, pads the region to the format's alignment and derives the
 * header length from it.
 *
 * <pre>{@code
 * @Options(TcpOptionLayout.class) OptionsIterator options();
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Options {
    /** The {@link OptionHeader} interface that declares the list's format. */
    Class<?> value();
}
