package io.zerowire.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an option format: the interface's abstract methods are the header that every option of
 * the format starts with (kind, length and any bits around them, in order, with {@link Bits}
 * widths), and this annotation says the rules of the list. One field or a run of adjacent fields is
 * marked {@link OptionKind}, one {@link OptionLength}; the others are reserved bits, written as zero.
 *
 * <p>The processor generates a class named after the interface with {@code Layout} replaced by
 * {@code Format} ({@code TcpOptionLayout} generates {@code TcpOptionFormat}), whose
 * {@code public static final OptionFormat FORMAT} is the {@code io.zerowire.options.OptionFormat}
 * that iterators and builders of such lists use. A header names the format of its option region
 * with {@code @Options(TcpOptionLayout.class)}.
 *
 * <pre>{@code
 * @OptionHeader(name = "tcp", singleByteKinds = {0, 1}, endOfList = 0,
 *         padding = OptionHeader.Padding.END_OF_LIST_THEN_ZEROS, regionAlignment = 4)
 * public interface TcpOptionLayout {
 *     @Bits(8) @OptionKind int kind();
 *
 *     @Bits(8) @OptionLength(unit = 1, counts = OptionLength.Counts.WHOLE_OPTION) int length();
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface OptionHeader {
    /** A short name for diagnostics and parse errors; by default the interface's name without {@code Layout}, in lower case. */
    String name() default "";

    /** Byte order of the kind and length fields and of the typed value readers. */
    Endian order() default Endian.BIG;

    /**
     * Kinds that are one byte and nothing else, with no length (TCP's EOL 0 and NOP 1, IPv6's Pad1
     * 0). Only a kind field that is the header's first byte can have them.
     */
    int[] singleByteKinds() default {};

    /** The kind after which the rest of the region is padding (TCP's EOL 0, pcapng's opt_endofopt 0); -1 for none. */
    int endOfList() default -1;

    /**
     * Each value is followed by zeros up to a multiple of this, not counted by the length field: 4
     * for pcapng and NSH, else 1. Only for a length that counts the value.
     */
    int valueAlignment() default 1;

    /** How a builder fills the region after the last option up to the {@link #regionAlignment()}. */
    Padding padding() default Padding.ZEROS;

    /** The single-byte kind {@link Padding#PAD1_PADN} writes for one byte of padding (IPv6's Pad1 0). */
    int pad1() default -1;

    /** The kind {@link Padding#PAD1_PADN} writes for two or more bytes of padding (IPv6's PadN 1). */
    int padN() default -1;

    /** The header with its options is a multiple of this many bytes: 1, 2, 4 or 8 (4 for TCP, 8 for IPv6). */
    int regionAlignment() default 1;

    /**
     * The most options a region may hold; a region with more is rejected as {@code UNSUPPORTED}, so
     * that a hostile list of one-byte options costs a parser a bounded number of steps.
     */
    int maxOptions() default 64;

    /** How a builder pads an option region. */
    enum Padding {
        /** One end-of-list option, then zeros (IPv4 and TCP). Needs {@link OptionHeader#endOfList()}. */
        END_OF_LIST_THEN_ZEROS,
        /** One Pad1 byte, or one PadN option with a zeroed value for two bytes or more (RFC 8200). */
        PAD1_PADN,
        /** Zero bytes, for formats whose zeros read back validly or that never need padding (NDP, pcapng, GENEVE). */
        ZEROS
    }
}
