package io.zerowire.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the length field of an {@link OptionHeader}, at most 16 bits: its unit and what it counts
 * must both be said, since a length read or written with the wrong ones corrupts every option after
 * it. Builders always derive it from the value they write.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OptionLength {
    /** Bytes per unit of the length: 1, 2, 4 or 8 (8 for NDP, 4 for GENEVE). */
    int unit() default 0;

    /** What the length counts. */
    Counts counts();

    /** What an option's length field counts. */
    enum Counts {
        /** The whole option, its header included (IPv4, TCP, NDP): zero, or less than the header, is malformed. */
        WHOLE_OPTION,
        /** The value only, after the header (IPv6 options, pcapng, GENEVE, NSH); any value padding is not counted. */
        VALUE
    }
}
