package io.zerowire.protocols.icmp;

/**
 * The code of an ICMPv4 destination unreachable message (RFC 792, RFC 1122, RFC 1812; IANA "Code Fields", type 3): an open enum naming the codes
 * the RFCs define and keeping every other number. All 256 values exist once, so {@link #of(int)}
 * never allocates.
 *
 * <pre>{@code
 * if (IcmpUnreachableCode.of(icmp.code()).equals(IcmpUnreachableCode.NETWORK)) { ... }
 * }</pre>
 */
public final class IcmpUnreachableCode {
    /** Net unreachable (RFC 792) (0). */
    public static final IcmpUnreachableCode NETWORK = new IcmpUnreachableCode(0, "NETWORK");
    /** Host unreachable (RFC 792) (1). */
    public static final IcmpUnreachableCode HOST = new IcmpUnreachableCode(1, "HOST");
    /** Protocol unreachable (RFC 792) (2). */
    public static final IcmpUnreachableCode PROTOCOL = new IcmpUnreachableCode(2, "PROTOCOL");
    /** Port unreachable (RFC 792) (3). */
    public static final IcmpUnreachableCode PORT = new IcmpUnreachableCode(3, "PORT");
    /** Fragmentation needed and DF set (RFC 792); the message carries the next-hop MTU (RFC 1191) (4). */
    public static final IcmpUnreachableCode FRAGMENTATION_NEEDED = new IcmpUnreachableCode(4, "FRAGMENTATION_NEEDED");
    /** Source route failed (RFC 792) (5). */
    public static final IcmpUnreachableCode SOURCE_ROUTE_FAILED = new IcmpUnreachableCode(5, "SOURCE_ROUTE_FAILED");
    /** Destination network unknown (RFC 1122) (6). */
    public static final IcmpUnreachableCode NETWORK_UNKNOWN = new IcmpUnreachableCode(6, "NETWORK_UNKNOWN");
    /** Destination host unknown (RFC 1122) (7). */
    public static final IcmpUnreachableCode HOST_UNKNOWN = new IcmpUnreachableCode(7, "HOST_UNKNOWN");
    /** Source host isolated (RFC 1122) (8). */
    public static final IcmpUnreachableCode SOURCE_HOST_ISOLATED = new IcmpUnreachableCode(8, "SOURCE_HOST_ISOLATED");
    /** Communication with the destination network administratively prohibited (RFC 1122) (9). */
    public static final IcmpUnreachableCode NETWORK_PROHIBITED = new IcmpUnreachableCode(9, "NETWORK_PROHIBITED");
    /** Communication with the destination host administratively prohibited (RFC 1122) (10). */
    public static final IcmpUnreachableCode HOST_PROHIBITED = new IcmpUnreachableCode(10, "HOST_PROHIBITED");
    /** Destination network unreachable for type of service (RFC 1122) (11). */
    public static final IcmpUnreachableCode NETWORK_UNREACHABLE_FOR_TOS = new IcmpUnreachableCode(11, "NETWORK_UNREACHABLE_FOR_TOS");
    /** Destination host unreachable for type of service (RFC 1122) (12). */
    public static final IcmpUnreachableCode HOST_UNREACHABLE_FOR_TOS = new IcmpUnreachableCode(12, "HOST_UNREACHABLE_FOR_TOS");
    /** Communication administratively prohibited (RFC 1812) (13). */
    public static final IcmpUnreachableCode COMMUNICATION_PROHIBITED = new IcmpUnreachableCode(13, "COMMUNICATION_PROHIBITED");
    /** Host precedence violation (RFC 1812) (14). */
    public static final IcmpUnreachableCode HOST_PRECEDENCE_VIOLATION = new IcmpUnreachableCode(14, "HOST_PRECEDENCE_VIOLATION");
    /** Precedence cutoff in effect (RFC 1812) (15). */
    public static final IcmpUnreachableCode PRECEDENCE_CUTOFF = new IcmpUnreachableCode(15, "PRECEDENCE_CUTOFF");

    private static final IcmpUnreachableCode[] ALL = new IcmpUnreachableCode[256];

    static {
        for (IcmpUnreachableCode c : new IcmpUnreachableCode[] {NETWORK, HOST, PROTOCOL, PORT, FRAGMENTATION_NEEDED, SOURCE_ROUTE_FAILED, NETWORK_UNKNOWN, HOST_UNKNOWN, SOURCE_HOST_ISOLATED, NETWORK_PROHIBITED, HOST_PROHIBITED, NETWORK_UNREACHABLE_FOR_TOS, HOST_UNREACHABLE_FOR_TOS, COMMUNICATION_PROHIBITED, HOST_PRECEDENCE_VIOLATION, PRECEDENCE_CUTOFF}) {
            ALL[c.value] = c;
        }
        for (int i = 0; i < ALL.length; i++) {
            if (ALL[i] == null) {
                ALL[i] = new IcmpUnreachableCode(i, null);
            }
        }
    }

    private final int value;
    private final String name;

    private IcmpUnreachableCode(int value, String name) {
        this.value = value;
        this.name = name;
    }

    /**
     * The code with this number, named or not; never allocates.
     *
     * @throws IllegalArgumentException if {@code value} is not 0 to 255
     */
    public static IcmpUnreachableCode of(int value) {
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
        return other instanceof IcmpUnreachableCode && ((IcmpUnreachableCode) other).value == value;
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
