package io.zerowire.protocols.icmp;

/**
 * An ICMPv4 message type (RFC 792; IANA "ICMP Type Numbers"): an open enum naming the types in use
 * and keeping every other number. Every one of the 256 values is created once, so {@link #of(int)}
 * never allocates.
 */
public final class IcmpType {
    /** Echo reply (0, RFC 792). */
    public static final IcmpType ECHO_REPLY = new IcmpType(0, "ECHO_REPLY");
    /** Destination unreachable (3, RFC 792). */
    public static final IcmpType DESTINATION_UNREACHABLE = new IcmpType(3, "DESTINATION_UNREACHABLE");
    /** Source quench (4, RFC 792; deprecated by RFC 6633). */
    public static final IcmpType SOURCE_QUENCH = new IcmpType(4, "SOURCE_QUENCH");
    /** Redirect (5, RFC 792). */
    public static final IcmpType REDIRECT = new IcmpType(5, "REDIRECT");
    /** Echo request (8, RFC 792). */
    public static final IcmpType ECHO_REQUEST = new IcmpType(8, "ECHO_REQUEST");
    /** Router advertisement (9, RFC 1256). */
    public static final IcmpType ROUTER_ADVERTISEMENT = new IcmpType(9, "ROUTER_ADVERTISEMENT");
    /** Router solicitation (10, RFC 1256). */
    public static final IcmpType ROUTER_SOLICITATION = new IcmpType(10, "ROUTER_SOLICITATION");
    /** Time exceeded (11, RFC 792). */
    public static final IcmpType TIME_EXCEEDED = new IcmpType(11, "TIME_EXCEEDED");
    /** Parameter problem (12, RFC 792). */
    public static final IcmpType PARAMETER_PROBLEM = new IcmpType(12, "PARAMETER_PROBLEM");
    /** Timestamp request (13, RFC 792). */
    public static final IcmpType TIMESTAMP_REQUEST = new IcmpType(13, "TIMESTAMP_REQUEST");
    /** Timestamp reply (14, RFC 792). */
    public static final IcmpType TIMESTAMP_REPLY = new IcmpType(14, "TIMESTAMP_REPLY");
    /** Information request (15, RFC 792; deprecated by RFC 6918). */
    public static final IcmpType INFORMATION_REQUEST = new IcmpType(15, "INFORMATION_REQUEST");
    /** Information reply (16, RFC 792; deprecated by RFC 6918). */
    public static final IcmpType INFORMATION_REPLY = new IcmpType(16, "INFORMATION_REPLY");
    /** Address mask request (17, RFC 950; deprecated by RFC 6918). */
    public static final IcmpType ADDRESS_MASK_REQUEST = new IcmpType(17, "ADDRESS_MASK_REQUEST");
    /** Address mask reply (18, RFC 950; deprecated by RFC 6918). */
    public static final IcmpType ADDRESS_MASK_REPLY = new IcmpType(18, "ADDRESS_MASK_REPLY");
    /** Extended echo request (42, RFC 8335). */
    public static final IcmpType EXTENDED_ECHO_REQUEST = new IcmpType(42, "EXTENDED_ECHO_REQUEST");
    /** Extended echo reply (43, RFC 8335). */
    public static final IcmpType EXTENDED_ECHO_REPLY = new IcmpType(43, "EXTENDED_ECHO_REPLY");

    private static final IcmpType[] ALL = new IcmpType[256];

    static {
        for (IcmpType t : new IcmpType[] {ECHO_REPLY, DESTINATION_UNREACHABLE, SOURCE_QUENCH, REDIRECT, ECHO_REQUEST,
                ROUTER_ADVERTISEMENT, ROUTER_SOLICITATION, TIME_EXCEEDED, PARAMETER_PROBLEM, TIMESTAMP_REQUEST,
                TIMESTAMP_REPLY, INFORMATION_REQUEST, INFORMATION_REPLY, ADDRESS_MASK_REQUEST, ADDRESS_MASK_REPLY,
                EXTENDED_ECHO_REQUEST, EXTENDED_ECHO_REPLY}) {
            ALL[t.value] = t;
        }
        for (int i = 0; i < ALL.length; i++) {
            if (ALL[i] == null) {
                ALL[i] = new IcmpType(i, null);
            }
        }
    }

    private final int value;
    private final String name;

    private IcmpType(int value, String name) {
        this.value = value;
        this.name = name;
    }

    /**
     * The type with this number, named or not; never allocates.
     *
     * @throws IllegalArgumentException if {@code value} is not 0 to 255
     */
    public static IcmpType of(int value) {
        if ((value & ~0xFF) != 0) {
            throw new IllegalArgumentException("an ICMP type is 8 unsigned bits, was " + value);
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

    /**
     * Whether messages of this type are errors that quote the datagram that caused them
     * (destination unreachable, source quench, redirect, time exceeded, parameter problem): a host
     * never answers an error with an error (RFC 1122 section 3.2.2).
     */
    public boolean isError() {
        return value == 3 || value == 4 || value == 5 || value == 11 || value == 12;
    }

    /** The constant's name, such as {@code "ECHO_REQUEST"}, or {@code "TYPE_<n>"}. */
    public String name() {
        return name != null ? name : "TYPE_" + value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IcmpType && ((IcmpType) other).value == value;
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
