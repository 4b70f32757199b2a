package io.zerowire.protocols.icmp;

/**
 * The code of an ICMPv4 time exceeded message (RFC 792, type 11): an open enum naming the codes
 * the RFCs define and keeping every other number. All 256 values exist once, so {@link #of(int)}
 * never allocates.
 *
 * <pre>{@code
 * if (IcmpTimeExceededCode.of(icmp.code()).equals(IcmpTimeExceededCode.TTL_EXCEEDED)) { ... }
 * }</pre>
 */
public final class IcmpTimeExceededCode {
    /** Time to live exceeded in transit (0). */
    public static final IcmpTimeExceededCode TTL_EXCEEDED = new IcmpTimeExceededCode(0, "TTL_EXCEEDED");
    /** Fragment reassembly time exceeded (1). */
    public static final IcmpTimeExceededCode REASSEMBLY_TIME_EXCEEDED = new IcmpTimeExceededCode(1, "REASSEMBLY_TIME_EXCEEDED");

    private static final IcmpTimeExceededCode[] ALL = new IcmpTimeExceededCode[256];

    static {
        for (IcmpTimeExceededCode c : new IcmpTimeExceededCode[] {TTL_EXCEEDED, REASSEMBLY_TIME_EXCEEDED}) {
            ALL[c.value] = c;
        }
        for (int i = 0; i < ALL.length; i++) {
            if (ALL[i] == null) {
                ALL[i] = new IcmpTimeExceededCode(i, null);
            }
        }
    }

    private final int value;
    private final String name;

    private IcmpTimeExceededCode(int value, String name) {
        this.value = value;
        this.name = name;
    }

    /**
     * The code with this number, named or not; never allocates.
     *
     * @throws IllegalArgumentException if {@code value} is not 0 to 255
     */
    public static IcmpTimeExceededCode of(int value) {
        if ((value & ~0xFF) != 0) {
            throw new IllegalArgumentException("an ICMP code is 8 unsigned bits, was " + value);
        }
        return ALL[value];
    }

    /** The 8-bit number. */
    public int value() {
        return value;
    }

    /** Whether this is one of the named constants. */
    public boolean isKnown() {
        return name != null;
    }

    /** The constant's name, or {@code "CODE_<n>"}. */
    public String name() {
        return name != null ? name : "CODE_" + value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IcmpTimeExceededCode && ((IcmpTimeExceededCode) other).value == value;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(value);
    }

    @Override
    public String toString() {
        return name() + "(" + value + ")";
    }
}
