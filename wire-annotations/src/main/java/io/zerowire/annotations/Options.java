package io.zerowire.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The option region: the bytes between the fixed fields and the {@link HeaderLength}, a
 * type-length-value list in one of the Internet's formats. The field's type must be
 * {@code io.zerowire.options.OptionsIterator}; it is the last field of the layout.
 *
 * <p>Parsing validates the whole list once, so iterating it cannot fail; the builder takes an
 * {@code OptionsBuilder} and pads the region to the format's alignment.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Options {
    /** The list's rules. */
    Format value();

    /** The option formats, named like the constants of {@code io.zerowire.options.OptionFormat}. */
    enum Format {
        /** RFC 791: EOL and NOP are one byte; the length counts kind and length; 4-byte alignment. */
        IPV4,
        /** RFC 9293: as IPv4. */
        TCP,
        /** RFC 8200 Hop-by-Hop and Destination Options: Pad1, PadN; length of the value only; 8-byte alignment. */
        IPV6_EXTENSION,
        /** RFC 4861: length in units of 8 bytes counting everything; zero is malformed. */
        NDP,
        /** pcapng: 16-bit code and length, values padded to 4 bytes, in the layout's byte order. */
        PCAPNG
    }
}
