package io.zerowire.protocols.ip;

/**
 * An IP protocol number (IANA "Assigned Internet Protocol Numbers"), IPv4's protocol field and
 * IPv6's next header: an open enum naming the numbers Zerowire knows and keeping every other one.
 */
public final class IpProtocol {
    /** IPv6 Hop-by-Hop Options (0). */
    public static final IpProtocol IPV6_HOP_BY_HOP = new IpProtocol(0, "IPV6_HOP_BY_HOP");
    /** ICMP (1). */
    public static final IpProtocol ICMP = new IpProtocol(1, "ICMP");
    /** IGMP (2). */
    public static final IpProtocol IGMP = new IpProtocol(2, "IGMP");
    /** IPv4 in IP (4). */
    public static final IpProtocol IPV4 = new IpProtocol(4, "IPV4");
    /** TCP (6). */
    public static final IpProtocol TCP = new IpProtocol(6, "TCP");
    /** UDP (17). */
    public static final IpProtocol UDP = new IpProtocol(17, "UDP");
    /** IPv6 in IP (41). */
    public static final IpProtocol IPV6 = new IpProtocol(41, "IPV6");
    /** IPv6 Routing header (43). */
    public static final IpProtocol IPV6_ROUTING = new IpProtocol(43, "IPV6_ROUTING");
    /** IPv6 Fragment header (44). */
    public static final IpProtocol IPV6_FRAGMENT = new IpProtocol(44, "IPV6_FRAGMENT");
    /** GRE (47). */
    public static final IpProtocol GRE = new IpProtocol(47, "GRE");
    /** ESP (50). */
    public static final IpProtocol ESP = new IpProtocol(50, "ESP");
    /** AH (51). */
    public static final IpProtocol AH = new IpProtocol(51, "AH");
    /** ICMPv6 (58). */
    public static final IpProtocol IPV6_ICMP = new IpProtocol(58, "IPV6_ICMP");
    /** IPv6 No Next Header (59). */
    public static final IpProtocol IPV6_NO_NEXT_HEADER = new IpProtocol(59, "IPV6_NO_NEXT_HEADER");
    /** IPv6 Destination Options (60). */
    public static final IpProtocol IPV6_DESTINATION_OPTIONS = new IpProtocol(60, "IPV6_DESTINATION_OPTIONS");
    /** SCTP (132). */
    public static final IpProtocol SCTP = new IpProtocol(132, "SCTP");

    private static final IpProtocol[] KNOWN = new IpProtocol[256];

    static {
        for (IpProtocol p : new IpProtocol[] {IPV6_HOP_BY_HOP, ICMP, IGMP, IPV4, TCP, UDP, IPV6, IPV6_ROUTING,
                IPV6_FRAGMENT, GRE, ESP, AH, IPV6_ICMP, IPV6_NO_NEXT_HEADER, IPV6_DESTINATION_OPTIONS, SCTP}) {
            KNOWN[p.value] = p;
        }
    }

    private final int value;
    private final String name;

    private IpProtocol(int value, String name) {
        this.value = value;
        this.name = name;
    }

    /**
     * The protocol with this number: a named constant when known (no allocation), else a value
     * keeping the number.
     *
     * @throws IllegalArgumentException if {@code value} is not 0 to 255
     */
    public static IpProtocol of(int value) {
        if ((value & ~0xFF) != 0) {
            throw new IllegalArgumentException("an IP protocol number is 8 unsigned bits, was " + value);
        }
        IpProtocol known = KNOWN[value];
        return known != null ? known : new IpProtocol(value, null);
    }

    /** The 8-bit number. */
    public int value() {
        return value;
    }

    /** Whether this is one of the named constants. */
    public boolean isKnown() {
        return name != null;
    }

    /** The constant's name, such as {@code "UDP"}, or {@code "PROTOCOL_<n>"}. */
    public String name() {
        return name != null ? name : "PROTOCOL_" + value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IpProtocol && ((IpProtocol) other).value == value;
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
