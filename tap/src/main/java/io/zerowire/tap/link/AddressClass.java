package io.zerowire.tap.link;

import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;

/**
 * What kind of address an IP source or destination is, for the rules on what a node answers and a
 * router forwards: the one place where those address classes are told apart, by the responder, the
 * forwarder and the node answers they share.
 *
 * <p>Only a {@link #UNICAST} source is ever answered or forwarded (RFC 1122 sections 3.2.1.3 and
 * 4.2.3.10, RFC 1812 section 5.3.7, RFC 4291 section 2.5); every other class is a <em>martian</em>
 * source, dropped silently and counted ({@link DropCounters#martianSource}). The classification
 * works on the address bits, so that the forwarding path allocates nothing:
 *
 * <pre>{@code
 * AddressClass from = AddressClass.ofIpv4(sourceBits, subnetBroadcastBits);
 * if (!from.isUnicast()) {
 *     drops.martianSource(from);
 * }
 * }</pre>
 */
public enum AddressClass {
    /** A unicast address a host may own: the only answerable source. */
    UNICAST("unicast"),
    /** {@code 0.0.0.0} or {@code ::}: a node that does not know its address yet. */
    UNSPECIFIED("unspecified"),
    /** {@code 0.0.0.0/8} other than {@code 0.0.0.0}: "this network", never a source or destination on the wire. */
    THIS_NETWORK("this network"),
    /** {@code 127.0.0.0/8} or {@code ::1}: never on a link. */
    LOOPBACK("loopback"),
    /** {@code 224.0.0.0/4} or {@code ff00::/8}. */
    MULTICAST("multicast"),
    /** {@code 255.255.255.255}. */
    LIMITED_BROADCAST("limited broadcast"),
    /** The directed broadcast address of the link's subnet, such as {@code 10.0.0.255} in {@code 10.0.0.0/24}. */
    DIRECTED_BROADCAST("directed broadcast"),
    /** {@code 240.0.0.0/4} but {@code 255.255.255.255}: class E, reserved (RFC 1112 section 4). */
    RESERVED("reserved"),
    /** {@code ::ffff:0:0/96}: an IPv4 address written as IPv6, never on the wire (RFC 4291 section 2.5.5.2). */
    IPV4_MAPPED("ipv4-mapped");

    private final String label;

    AddressClass(String label) {
        this.label = label;
    }

    /** A short human name, as the counters print it. */
    public String label() {
        return label;
    }

    /** Whether this is {@link #UNICAST}. */
    public boolean isUnicast() {
        return this == UNICAST;
    }

    /**
     * The class of an IPv4 address.
     *
     * @param bits the address bits
     * @param directedBroadcast the bits of the link subnet's directed broadcast address, or 0 when
     *     the subnet has none (a /31 or /32) or is not known
     */
    public static AddressClass ofIpv4(int bits, int directedBroadcast) {
        if (bits == 0) {
            return UNSPECIFIED;
        }
        if (bits == -1) {
            return LIMITED_BROADCAST;
        }
        if (directedBroadcast != 0 && bits == directedBroadcast) {
            return DIRECTED_BROADCAST;
        }
        switch (bits >>> 28) {
            case 0xE:
                return MULTICAST;
            case 0xF:
                return RESERVED;
            default:
                break;
        }
        int first = bits >>> 24;
        if (first == 0) {
            return THIS_NETWORK;
        }
        return first == 127 ? LOOPBACK : UNICAST;
    }

    /** The class of {@code address}; see {@link #ofIpv4(int, int)}. */
    public static AddressClass of(Ipv4Address address, int directedBroadcast) {
        return ofIpv4(address.bits(), directedBroadcast);
    }

    /**
     * The class of an IPv6 address, from its high and low 64 bits. IPv6 has no broadcast; its
     * subnet-router anycast address is unicast here, as RFC 4291 section 2.6.1 makes it.
     */
    public static AddressClass ofIpv6(long high, long low) {
        if (high >>> 56 == 0xFF) {
            return MULTICAST;
        }
        if (high != 0) {
            return UNICAST;
        }
        if (low == 0) {
            return UNSPECIFIED;
        }
        if (low == 1) {
            return LOOPBACK;
        }
        return low >>> 32 == 0xFFFF ? IPV4_MAPPED : UNICAST;
    }

    /** The class of {@code address}; see {@link #ofIpv6(long, long)}. */
    public static AddressClass of(Ipv6Address address) {
        return ofIpv6(address.high(), address.low());
    }

    /**
     * The directed broadcast address of {@code subnet}'s link, as {@link #ofIpv4(int, int)} takes it:
     * 0 without an address, or for a /31 or /32, which have none (RFC 3021).
     */
    public static int directedBroadcast(InterfaceAddress<Ipv4Address> subnet) {
        if (subnet == null || subnet.prefixLength() >= 31) {
            return 0;
        }
        int mask = (int) (0xFFFF_FFFF_0000_0000L >>> subnet.prefixLength());
        return subnet.address().bits() | ~mask;
    }
}
