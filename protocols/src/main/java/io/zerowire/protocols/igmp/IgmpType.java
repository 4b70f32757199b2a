package io.zerowire.protocols.igmp;

/**
 * An IGMP message type (RFC 1112, RFC 2236, RFC 3376; IANA "IGMP Type Numbers"): an open enum naming the
 * known values and keeping every other number (receivers ignore unknown ones, RFC 3376). All 256
 * values exist once, so {@link #of(int)} never allocates.
 */
public final class IgmpType {
    /** Membership query of any version (0x11): the version follows from its length (RFC 3376 section 7.1). */
    public static final IgmpType MEMBERSHIP_QUERY = new IgmpType(0x11, "MEMBERSHIP_QUERY");
    /** IGMPv1 membership report (0x12, RFC 1112). */
    public static final IgmpType V1_MEMBERSHIP_REPORT = new IgmpType(0x12, "V1_MEMBERSHIP_REPORT");
    /** DVMRP (0x13, RFC 1075). */
    public static final IgmpType DVMRP = new IgmpType(0x13, "DVMRP");
    /** PIM version 1 (0x14). */
    public static final IgmpType PIM_V1 = new IgmpType(0x14, "PIM_V1");
    /** IGMPv2 membership report (0x16, RFC 2236). */
    public static final IgmpType V2_MEMBERSHIP_REPORT = new IgmpType(0x16, "V2_MEMBERSHIP_REPORT");
    /** IGMPv2 leave group (0x17, RFC 2236). */
    public static final IgmpType LEAVE_GROUP = new IgmpType(0x17, "LEAVE_GROUP");
    /** Multicast traceroute response (0x1e). */
    public static final IgmpType MTRACE_RESPONSE = new IgmpType(0x1e, "MTRACE_RESPONSE");
    /** Multicast traceroute query or request (0x1f). */
    public static final IgmpType MTRACE_QUERY = new IgmpType(0x1f, "MTRACE_QUERY");
    /** IGMPv3 membership report (0x22, RFC 3376). */
    public static final IgmpType V3_MEMBERSHIP_REPORT = new IgmpType(0x22, "V3_MEMBERSHIP_REPORT");
    /** Multicast router advertisement (0x30, RFC 4286). */
    public static final IgmpType MRD_ADVERTISEMENT = new IgmpType(0x30, "MRD_ADVERTISEMENT");
    /** Multicast router solicitation (0x31, RFC 4286). */
    public static final IgmpType MRD_SOLICITATION = new IgmpType(0x31, "MRD_SOLICITATION");
    /** Multicast router termination (0x32, RFC 4286). */
    public static final IgmpType MRD_TERMINATION = new IgmpType(0x32, "MRD_TERMINATION");

    private static final IgmpType[] ALL = new IgmpType[256];

    static {
        for (IgmpType t : new IgmpType[] {MEMBERSHIP_QUERY, V1_MEMBERSHIP_REPORT, DVMRP, PIM_V1, V2_MEMBERSHIP_REPORT, LEAVE_GROUP, MTRACE_RESPONSE, MTRACE_QUERY, V3_MEMBERSHIP_REPORT, MRD_ADVERTISEMENT, MRD_SOLICITATION, MRD_TERMINATION}) {
            ALL[t.value] = t;
        }
        for (int i = 0; i < ALL.length; i++) {
            if (ALL[i] == null) {
                ALL[i] = new IgmpType(i, null);
            }
        }
    }

    private final int value;
    private final String name;

    private IgmpType(int value, String name) {
        this.value = value;
        this.name = name;
    }

    /**
     * The type with this number, named or not; never allocates.
     *
     * @throws IllegalArgumentException if {@code value} is not 0 to 255
     */
    public static IgmpType of(int value) {
        if ((value & ~0xFF) != 0) {
            throw new IllegalArgumentException("an IGMP type is 8 unsigned bits, was " + value);
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

    /** The constant's name, or {@code "TYPE_<n>"}. */
    public String name() {
        return name != null ? name : String.format("TYPE_0x%02x", value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IgmpType && ((IgmpType) other).value == value;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(value);
    }

    @Override
    public String toString() {
        return name() + String.format("(0x%02x)", value);
    }
}
