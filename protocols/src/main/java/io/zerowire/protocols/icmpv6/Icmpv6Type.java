package io.zerowire.protocols.icmpv6;

/**
 * The type of an ICMPv6 message (IANA "ICMPv6 Parameters", type numbers): an open enum that names
 * the types Zerowire knows and keeps every other number as it is. Types 0 to 127 are error
 * messages, 128 to 255 informational messages (RFC 4443 section 2.1).
 */
public final class Icmpv6Type {
    /** Destination Unreachable (1, RFC 4443). */
    public static final Icmpv6Type DESTINATION_UNREACHABLE = new Icmpv6Type(1, "DESTINATION_UNREACHABLE");
    /** Packet Too Big (2, RFC 4443). */
    public static final Icmpv6Type PACKET_TOO_BIG = new Icmpv6Type(2, "PACKET_TOO_BIG");
    /** Time Exceeded (3, RFC 4443). */
    public static final Icmpv6Type TIME_EXCEEDED = new Icmpv6Type(3, "TIME_EXCEEDED");
    /** Parameter Problem (4, RFC 4443). */
    public static final Icmpv6Type PARAMETER_PROBLEM = new Icmpv6Type(4, "PARAMETER_PROBLEM");
    /** Echo Request (128, RFC 4443). */
    public static final Icmpv6Type ECHO_REQUEST = new Icmpv6Type(128, "ECHO_REQUEST");
    /** Echo Reply (129, RFC 4443). */
    public static final Icmpv6Type ECHO_REPLY = new Icmpv6Type(129, "ECHO_REPLY");
    /** Multicast Listener Query (130, RFC 2710 and RFC 3810). */
    public static final Icmpv6Type MULTICAST_LISTENER_QUERY = new Icmpv6Type(130, "MULTICAST_LISTENER_QUERY");
    /** Version 1 Multicast Listener Report (131, RFC 2710). */
    public static final Icmpv6Type MULTICAST_LISTENER_REPORT = new Icmpv6Type(131, "MULTICAST_LISTENER_REPORT");
    /** Multicast Listener Done (132, RFC 2710). */
    public static final Icmpv6Type MULTICAST_LISTENER_DONE = new Icmpv6Type(132, "MULTICAST_LISTENER_DONE");
    /** Router Solicitation (133, RFC 4861). */
    public static final Icmpv6Type ROUTER_SOLICITATION = new Icmpv6Type(133, "ROUTER_SOLICITATION");
    /** Router Advertisement (134, RFC 4861). */
    public static final Icmpv6Type ROUTER_ADVERTISEMENT = new Icmpv6Type(134, "ROUTER_ADVERTISEMENT");
    /** Neighbor Solicitation (135, RFC 4861). */
    public static final Icmpv6Type NEIGHBOR_SOLICITATION = new Icmpv6Type(135, "NEIGHBOR_SOLICITATION");
    /** Neighbor Advertisement (136, RFC 4861). */
    public static final Icmpv6Type NEIGHBOR_ADVERTISEMENT = new Icmpv6Type(136, "NEIGHBOR_ADVERTISEMENT");
    /** Redirect (137, RFC 4861). */
    public static final Icmpv6Type REDIRECT = new Icmpv6Type(137, "REDIRECT");
    /** Router Renumbering (138, RFC 2894). */
    public static final Icmpv6Type ROUTER_RENUMBERING = new Icmpv6Type(138, "ROUTER_RENUMBERING");
    /** Node Information Query (139, RFC 4620). */
    public static final Icmpv6Type NODE_INFORMATION_QUERY = new Icmpv6Type(139, "NODE_INFORMATION_QUERY");
    /** Node Information Response (140, RFC 4620). */
    public static final Icmpv6Type NODE_INFORMATION_RESPONSE = new Icmpv6Type(140, "NODE_INFORMATION_RESPONSE");
    /** Version 2 Multicast Listener Report (143, RFC 3810). */
    public static final Icmpv6Type MULTICAST_LISTENER_REPORT_V2 =
            new Icmpv6Type(143, "MULTICAST_LISTENER_REPORT_V2");
    /** Extended Echo Request (160, RFC 8335). */
    public static final Icmpv6Type EXTENDED_ECHO_REQUEST = new Icmpv6Type(160, "EXTENDED_ECHO_REQUEST");
    /** Extended Echo Reply (161, RFC 8335). */
    public static final Icmpv6Type EXTENDED_ECHO_REPLY = new Icmpv6Type(161, "EXTENDED_ECHO_REPLY");

    private static final Icmpv6Type[] KNOWN = new Icmpv6Type[256];

    static {
        for (Icmpv6Type t : new Icmpv6Type[] {DESTINATION_UNREACHABLE, PACKET_TOO_BIG, TIME_EXCEEDED,
                PARAMETER_PROBLEM, ECHO_REQUEST, ECHO_REPLY, MULTICAST_LISTENER_QUERY, MULTICAST_LISTENER_REPORT,
                MULTICAST_LISTENER_DONE, ROUTER_SOLICITATION, ROUTER_ADVERTISEMENT, NEIGHBOR_SOLICITATION,
                NEIGHBOR_ADVERTISEMENT, REDIRECT, ROUTER_RENUMBERING, NODE_INFORMATION_QUERY,
                NODE_INFORMATION_RESPONSE, MULTICAST_LISTENER_REPORT_V2, EXTENDED_ECHO_REQUEST,
                EXTENDED_ECHO_REPLY}) {
            KNOWN[t.value] = t;
        }
    }

    private final int value;
    private final String name;

    private Icmpv6Type(int value, String name) {
        this.value = value;
        this.name = name;
    }

    /**
     * The type with this number: a named constant when known (no allocation), else a value keeping
     * the number.
     *
     * @throws IllegalArgumentException if {@code value} is not 0 to 255
     */
    public static Icmpv6Type of(int value) {
        if ((value & ~0xFF) != 0) {
            throw new IllegalArgumentException("an ICMPv6 type is 8 unsigned bits, was " + value);
        }
        Icmpv6Type known = KNOWN[value];
        return known != null ? known : new Icmpv6Type(value, null);
    }

    /** The 8-bit number. */
    public int value() {
        return value;
    }

    /** Whether this is one of the named constants. */
    public boolean isKnown() {
        return name != null;
    }

    /** Whether this is an error message type (0 to 127, RFC 4443 section 2.1). */
    public boolean isError() {
        return value < 128;
    }

    /** The constant's name, such as {@code "ECHO_REQUEST"}, or {@code "TYPE_<n>"}. */
    public String name() {
        return name != null ? name : "TYPE_" + value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Icmpv6Type && ((Icmpv6Type) other).value == value;
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
