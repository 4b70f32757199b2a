package io.zerowire.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a value set: the processor generates an open enum from an interface whose {@code int}
 * constants are the known values. The open enum is a field type for layouts ({@code @Bits},
 * {@code @Const} by number) and keeps every number, named or not.
 *
 * <pre>{@code
 * @ValueSet(bits = 16, hex = true)
 * public interface EtherTypes {
 *     int IPV4 = 0x0800;
 *     int ARP = 0x0806;
 *     int VLAN = 0x8100;
 *
 *     int value();   // declared so that default methods can use it
 *
 *     default boolean isTag() {
 *         return value() == VLAN;
 *     }
 * }
 * }</pre>
 *
 * <p>generates {@code public final class EtherType} with a constant per value
 * ({@code EtherType.IPV4}), {@code of(int)} (the constant for a known number, without allocating,
 * else a new value that keeps the number; {@code IllegalArgumentException} outside {@link #bits()}),
 * {@code value()}, {@code isKnown()}, {@code name()}, {@code toString()} ({@code "IPV4(0x0800)"}, or
 * the name and number of an unknown value) and equality by number.
 *
 * <p>Why constants: a value set is a list of names and numbers, and {@code int IPV4 = 0x0800;} is
 * the shortest Java that says it, checked by the compiler (a duplicate name is a compile error)
 * and usable as a {@code case} label. Default methods of the interface become the generated class's
 * own ({@code EtherType.VLAN.isTag()}): the class implements the interface when it declares methods,
 * which may call {@code value()}, {@code name()} and {@code isKnown()} by declaring them abstract.
 *
 * <p>Names: the generated class is {@link #name()}, or the interface's name without its final
 * {@code s} ({@code EtherTypes} generates {@code EtherType}), in the interface's package; it is
 * public when the interface is.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ValueSet {
    /** The width of the numbers, 1 to 32: {@code of(int)} rejects any number that does not fit in it unsigned. */
    int bits();

    /** The generated class's simple name; empty means the interface's name without its final {@code s}. */
    String name() default "";

    /**
     * The name of an unknown value is this prefix then its number ({@code "PROTOCOL_"} names 200
     * {@code PROTOCOL_200}); with the empty prefix (the default) the name is the number alone, and
     * {@code toString()} does not repeat it.
     */
    String unknownPrefix() default "";

    /** Numbers in names and {@code toString()} are hexadecimal, zero-padded to the width ({@code 0x0800}), not decimal. */
    boolean hex() default false;
}
