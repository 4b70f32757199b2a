package io.zerowire.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A repeated group: a list of elements after the fixed fields, declared as a {@code java.util.List}
 * of {@code Ipv4Address}, {@code Ipv6Address} or another {@link Header} layout of fixed size. The
 * repetition is either counted by an earlier field, as an IGMPv3 query's sources (RFC 3376),
 * {@code @Repeated(count = "numberOfSources", max = 366) List<Ipv4Address> sources()}, or runs
 * until a flag of the element is set, as an MPLS label stack (RFC 3032),
 * {@code @Repeated(until = "bottomOfStack", max = 16) List<MplsEntryLayout> labels()}.
 *
 * <p>The group is the last field. Parsing validates it once in {@code wrap}: more than {@link #max()}
 * elements is an {@code UNSUPPORTED} parse error, elements past the buffer (or past the
 * {@link HeaderLength}) a {@code MALFORMED} one; afterwards reading an element cannot fail. The view
 * has {@code sourcesCount()} and {@code sources(int index)} (for a nested layout, one reused element
 * view, re-pointed on each call); the list getter copies. The builder takes a list and derives the
 * count field (or each element's flag: set on the last element only), and the header length.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Repeated {
    /** The earlier {@code int} or {@code long} field that counts the elements, such as {@code "numberOfSources"}. */
    String count() default "";

    /**
     * Added to the count field to give the number of elements: 1 for a field that holds the last
     * index, such as the Segment Routing Header's Last Entry (RFC 8754).
     */
    int countOffset() default 0;

    /** The 1-bit {@code boolean} field of the element layout that marks the last element, such as MPLS's S bit. */
    String until() default "";

    /** The most elements a parser accepts (1 or more): the bound every loop over the input needs. */
    int max() default 0;
}
