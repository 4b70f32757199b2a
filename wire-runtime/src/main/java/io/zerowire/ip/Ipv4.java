package io.zerowire.ip;

/**
 * IP version 4 and its constants.
 *
 * <p>{@link #INSTANCE} is the only instance; it is the type argument of {@code
 * IpAddress<Ipv4>}.
 */
public final class Ipv4 implements Ip {

    // INSTANCE comes first: nothing below depends on it, but code reached from the
    // initializers below must never see it null.

    /** The one instance of this version type. */
    public static final Ipv4 INSTANCE = new Ipv4();

    /** The version number in the IP header: 4. */
    public static final int VERSION = 4;

    /** The length of an IPv4 address in bytes: 4. */
    public static final int ADDRESS_BYTES = 4;

    /** The length of an IPv4 address in bits: 32. */
    public static final int ADDRESS_BITS = 32;

    /** The minimum link MTU, 68 bytes (RFC 791). */
    public static final int MINIMUM_LINK_MTU = 68;

    /** The unspecified address {@code 0.0.0.0}. */
    public static final Ipv4Address UNSPECIFIED = Ipv4Address.of(0);

    /** The loopback address {@code 127.0.0.1}. */
    public static final Ipv4Address LOOPBACK = Ipv4Address.of(127, 0, 0, 1);

    /** The limited broadcast address {@code 255.255.255.255} (RFC 919). */
    public static final Ipv4Address LIMITED_BROADCAST = Ipv4Address.of(0xffff_ffff);

    /** The all-systems multicast group {@code 224.0.0.1} (RFC 1112), the IGMP general query target. */
    public static final Ipv4Address ALL_SYSTEMS_MULTICAST = Ipv4Address.of(224, 0, 0, 1);

    /** The all-routers multicast group {@code 224.0.0.2} (RFC 2236). */
    public static final Ipv4Address ALL_ROUTERS_MULTICAST = Ipv4Address.of(224, 0, 0, 2);

    /** The loopback subnet {@code 127.0.0.0/8} (RFC 1122). */
    public static final Subnet<Ipv4Address> LOOPBACK_SUBNET =
            Subnet.of(Ipv4Address.of(127, 0, 0, 0), 8);

    /** The multicast subnet {@code 224.0.0.0/4} (RFC 1112). */
    public static final Subnet<Ipv4Address> MULTICAST_SUBNET =
            Subnet.of(Ipv4Address.of(224, 0, 0, 0), 4);

    /** The link-local unicast subnet {@code 169.254.0.0/16} (RFC 3927). */
    public static final Subnet<Ipv4Address> LINK_LOCAL_UNICAST_SUBNET =
            Subnet.of(Ipv4Address.of(169, 254, 0, 0), 16);

    private Ipv4() {
    }

    /**
     * Returns {@value #VERSION}.
     *
     * @return 4
     */
    @Override
    public int versionNumber() {
        return VERSION;
    }

    /**
     * Returns {@value #ADDRESS_BYTES}.
     *
     * @return 4
     */
    @Override
    public int addressBytes() {
        return ADDRESS_BYTES;
    }

    /**
     * Returns {@value #ADDRESS_BITS}.
     *
     * @return 32
     */
    @Override
    public int addressBits() {
        return ADDRESS_BITS;
    }

    /**
     * Returns {@link #UNSPECIFIED}.
     *
     * @return {@code 0.0.0.0}
     */
    @Override
    public Ipv4Address unspecifiedAddress() {
        return UNSPECIFIED;
    }

    /**
     * Returns {@link #LOOPBACK}.
     *
     * @return {@code 127.0.0.1}
     */
    @Override
    public Ipv4Address loopbackAddress() {
        return LOOPBACK;
    }

    /**
     * Returns {@link #LOOPBACK_SUBNET}.
     *
     * @return {@code 127.0.0.0/8}
     */
    @Override
    public Subnet<Ipv4Address> loopbackSubnet() {
        return LOOPBACK_SUBNET;
    }

    /**
     * Returns {@link #MULTICAST_SUBNET}.
     *
     * @return {@code 224.0.0.0/4}
     */
    @Override
    public Subnet<Ipv4Address> multicastSubnet() {
        return MULTICAST_SUBNET;
    }

    /**
     * Returns {@link #LINK_LOCAL_UNICAST_SUBNET}.
     *
     * @return {@code 169.254.0.0/16}
     */
    @Override
    public Subnet<Ipv4Address> linkLocalUnicastSubnet() {
        return LINK_LOCAL_UNICAST_SUBNET;
    }

    /**
     * Returns {@value #MINIMUM_LINK_MTU}.
     *
     * @return 68
     */
    @Override
    public int minimumLinkMtu() {
        return MINIMUM_LINK_MTU;
    }

    /**
     * Returns {@code "IPv4"}.
     *
     * @return the version's name
     */
    @Override
    public String toString() {
        return "IPv4";
    }
}
