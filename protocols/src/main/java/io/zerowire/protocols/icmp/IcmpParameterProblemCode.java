package io.zerowire.protocols.icmp;

/**
 * The code of an ICMPv4 parameter problem message (RFC 792, RFC 1108; type 12): an open enum naming the codes
 * the RFCs define and keeping every other number. All 256 values exist once, so {@link #of(int)}
 * never allocates.
 *
 * <pre>{@code
 * if (IcmpParameterProblemCode.of(icmp.code()).equals(IcmpParameterProblemCode.POINTER_INDICATES_ERROR)) { ... }
 * }</pre>
 */
public final class IcmpParameterProblemCode {
    /** The pointer indicates the error (RFC 792) (0). */
    public static final IcmpParameterProblemCode POINTER_INDICATES_ERROR = new IcmpParameterProblemCode(0, "POINTER_INDICATES_ERROR");
    /** A required option is missing (RFC 1108) (1). */
    public static final IcmpParameterProblemCode MISSING_REQUIRED_OPTION = new IcmpParameterProblemCode(1, "MISSING_REQUIRED_OPTION");
    /** Bad length (RFC 1812) (2). */
    public static final IcmpParameterProblemCode BAD_LENGTH = new IcmpParameterProblemCode(2, "BAD_LENGTH");

    private static final IcmpParameterProblemCode[] ALL = new IcmpParameterProblemCode[256];

    static {
        for (IcmpParameterProblemCode c : new IcmpParameterProblemCode[] {POINTER_INDICATES_ERROR, MISSING_REQUIRED_OPTION, BAD_LENGTH}) {
            ALL[c.value] = c;
        }
        for (int i = 0; i < ALL.length; i++) {
            if (ALL[i] == null) {
                ALL[i] = new IcmpParameterProblemCode(i, null);
            }
        }
    }

    private final int value;
    private final String name;

    private IcmpParameterProblemCode(int value, String name) {
        this.value = value;
        this.name = name;
    }

    /**
     * The code with this number, named or not; never allocates.
     *
     * @throws IllegalArgumentException if {@code value} is not 0 to 255
     */
    public static IcmpParameterProblemCode of(int value) {
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
        return other instanceof IcmpParameterProblemCode && ((IcmpParameterProblemCode) other).value == value;
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
