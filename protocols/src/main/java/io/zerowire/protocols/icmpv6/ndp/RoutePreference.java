package io.zerowire.protocols.icmpv6.ndp;

/**
 * A two-bit router or route preference (RFC 4191 section 2.1), in a Router Advertisement's flags and
 * in a Route Information option. All four values are named; {@link #RESERVED} must not be sent, and
 * a receiver treats it as {@link #MEDIUM} in an advertisement and ignores a route that carries it.
 */
public final class RoutePreference {
    /** Medium, the default (binary 00). */
    public static final RoutePreference MEDIUM = new RoutePreference(0, "MEDIUM");
    /** High (binary 01). */
    public static final RoutePreference HIGH = new RoutePreference(1, "HIGH");
    /** Reserved (binary 10): not to be sent. */
    public static final RoutePreference RESERVED = new RoutePreference(2, "RESERVED");
    /** Low (binary 11). */
    public static final RoutePreference LOW = new RoutePreference(3, "LOW");

    private static final RoutePreference[] ALL = {MEDIUM, HIGH, RESERVED, LOW};

    private final int value;
    private final String name;

    private RoutePreference(int value, String name) {
        this.value = value;
        this.name = name;
    }

    /**
     * The preference with these two bits.
     *
     * @throws IllegalArgumentException if {@code value} is not 0 to 3
     */
    public static RoutePreference of(int value) {
        if ((value & ~0x3) != 0) {
            throw new IllegalArgumentException("a route preference is 2 unsigned bits, was " + value);
        }
        return ALL[value];
    }

    /** The two bits. */
    public int value() {
        return value;
    }

    /** {@code "HIGH"}, {@code "MEDIUM"}, {@code "LOW"} or {@code "RESERVED"}. */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name + "(" + value + ")";
    }
}
