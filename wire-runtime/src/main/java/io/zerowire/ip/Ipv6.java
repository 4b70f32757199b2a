package io.zerowire.ip;

/**
 * IP version 6 and its constants.
 *
 * <p>{@link #INSTANCE} is the only instance; it is the type argument of {@code
 * IpAddress<Ipv6>}.
 */
public final class Ipv6 implements Ip {

    // INSTANCE comes first: nothing below depends on it, but code reached from the
    // initializers below must never see it null.

    /** The one instance of this version type. */
    public static final Ipv6 INSTANCE = new Ipv6();

    /** The version number in the IP header: 6. */
    public static final int VERSION = 6;

    /** The length of an IPv6 address in bytes: 16. */
    public static final int ADDRESS_BYTES = 16;

    /** The length of an IPv6 address in bits: 128. */
    public static final int ADDRESS_BITS = 128;

    /** The minimum link MTU, 1280 bytes (RFC 8200 section 5). */
    public static final int MINIMUM_LINK_MTU = 1280;

    /** The unspecified address {@code ::}. */
    public static final Ipv6Address UNSPECIFIED = Ipv6Address.of(0, 0);

    /** The loopback address {@code ::1}. */
    public static final Ipv6Address LOOPBACK = Ipv6Address.of(0, 1);

    /** The link-local all-nodes multicast group {@code ff02::1} (RFC 4291 section 2.7.1). */
    public static final Ipv6Address ALL_NODES_LINK_LOCAL_MULTICAST =
            Ipv6Address.of(0xff02_0000_0000_0000L, 1);

    /** The link-local all-routers multicast group {@code ff02::2} (RFC 4291 section 2.7.1). */
    public static final Ipv6Address ALL_ROUTERS_LINK_LOCAL_MULTICAST =
            Ipv6Address.of(0xff02_0000_0000_0000L, 2);

    /** The loopback subnet {@code ::1/128}: the loopback address alone. */
    public static final Subnet<Ipv6Address> LOOPBACK_SUBNET = Subnet.of(Ipv6Address.of(0, 1), 128);

    /** The multicast subnet {@code ff00::/8} (RFC 4291 section 2.7). */
    public static final Subnet<Ipv6Address> MULTICAST_SUBNET =
            Subnet.of(Ipv6Address.of(0xff00_0000_0000_0000L, 0), 8);

    /** The link-local unicast subnet {@code fe80::/10} (RFC 4291 section 2.5.6). */
    public static final Subnet<Ipv6Address> LINK_LOCAL_UNICAST_SUBNET =
            Subnet.of(Ipv6Address.of(0xfe80_0000_0000_0000L, 0), 10);

    /** The IPv4-mapped subnet {@code ::ffff:0:0/96} (RFC 4291 section 2.5.5.2). */
    public static final Subnet<Ipv6Address> IPV4_MAPPED_SUBNET =
            Subnet.of(Ipv6Address.of(0, 0x0000_ffff_0000_0000L), 96);

    private Ipv6() {
    }

    /**
     * Returns {@value #VERSION}.
     *
     * @return 6
     */
    @Override
    public int versionNumber() {
        return VERSION;
    }

    /**
     * Returns {@value #ADDRESS_BYTES}.
     *
     * @return 16
     */
    @Override
    public int addressBytes() {
        return ADDRESS_BYTES;
    }

    /**
     * Returns {@value #ADDRESS_BITS}.
     *
     * @return 128
     */
    @Override
    public int addressBits() {
        return ADDRESS_BITS;
    }

    /**
     * Returns {@link #UNSPECIFIED}.
     *
     * @return {@code ::}
     */
    @Override
    public Ipv6Address unspecifiedAddress() {
        return UNSPECIFIED;
    }

    /**
     * Returns {@link #LOOPBACK}.
     *
     * @return {@code ::1}
     */
    @Override
    public Ipv6Address loopbackAddress() {
        return LOOPBACK;
    }

    /**
     * Returns {@link #LOOPBACK_SUBNET}.
     *
     * @return {@code ::1/128}
     */
    @Override
    public Subnet<Ipv6Address> loopbackSubnet() {
        return LOOPBACK_SUBNET;
    }

    /**
     * Returns {@link #MULTICAST_SUBNET}.
     *
     * @return {@code ff00::/8}
     */
    @Override
    public Subnet<Ipv6Address> multicastSubnet() {
        return MULTICAST_SUBNET;
    }

    /**
     * Returns {@link #LINK_LOCAL_UNICAST_SUBNET}.
     *
     * @return {@code fe80::/10}
     */
    @Override
    public Subnet<Ipv6Address> linkLocalUnicastSubnet() {
        return LINK_LOCAL_UNICAST_SUBNET;
    }

    /**
     * Returns {@value #MINIMUM_LINK_MTU}.
     *
     * @return 1280
     */
    @Override
    public int minimumLinkMtu() {
        return MINIMUM_LINK_MTU;
    }

    /**
     * Returns {@code "IPv6"}.
     *
     * @return the version's name
     */
    @Override
    public String toString() {
        return "IPv6";
    }
}
