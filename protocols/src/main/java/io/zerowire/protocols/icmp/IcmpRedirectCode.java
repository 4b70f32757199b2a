package io.zerowire.protocols.icmp;

/**
 * The code of an ICMPv4 redirect message (RFC 792, type 5): an open enum naming the codes
 * the RFCs define and keeping every other number. All 256 values exist once, so {@link #of(int)}
 * never allocates.
 *
 * <pre>{@code
 * if (IcmpRedirectCode.of(icmp.code()).equals(IcmpRedirectCode.NETWORK)) { ... }
 * }</pre>
 */
public final class IcmpRedirectCode {
    /** Redirect datagrams for the network (0). */
    public static final IcmpRedirectCode NETWORK = new IcmpRedirectCode(0, "NETWORK");
    /** Redirect datagrams for the host (1). */
    public static final IcmpRedirectCode HOST = new IcmpRedirectCode(1, "HOST");
    /** Redirect datagrams for the type of service and network (2). */
    public static final IcmpRedirectCode TOS_AND_NETWORK = new IcmpRedirectCode(2, "TOS_AND_NETWORK");
    /** Redirect datagrams for the type of service and host (3). */
    public static final IcmpRedirectCode TOS_AND_HOST = new IcmpRedirectCode(3, "TOS_AND_HOST");

    private static final IcmpRedirectCode[] ALL = new IcmpRedirectCode[256];

    static {
        for (IcmpRedirectCode c : new IcmpRedirectCode[] {NETWORK, HOST, TOS_AND_NETWORK, TOS_AND_HOST}) {
            ALL[c.value] = c;
        }
        for (int i = 0; i < ALL.length; i++) {
            if (ALL[i] == null) {
                ALL[i] = new IcmpRedirectCode(i, null);
            }
        }
    }

    private final int value;
    private final String name;

    private IcmpRedirectCode(int value, String name) {
        this.value = value;
        this.name = name;
    }

    /**
     * The code with this number, named or not; never allocates.
     *
     * @throws IllegalArgumentException if {@code value} is not 0 to 255
     */
    public static IcmpRedirectCode of(int value) {
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
        return other instanceof IcmpRedirectCode && ((IcmpRedirectCode) other).value == value;
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
