package io.zerowire.ip;

/**
 * An IP version: {@link Ipv4} or {@link Ipv6}.
 *
 * <p>Each version is a singleton ({@link Ipv4#INSTANCE}, {@link Ipv6#INSTANCE}) that serves both as
 * the type argument of {@link IpAddress IpAddress&lt;I&gt;} and as a value giving the version's
 * constants to code that is generic over the version. The same constants are also available as
 * static fields of {@link Ipv4} and {@link Ipv6}, for code that knows its version; there the
 * return types are the precise ones ({@code Ipv4Address}, {@code Subnet<Ipv4Address>}).
 */
public sealed interface Ip permits Ipv4, Ipv6 {

    /**
     * Returns the version number carried in the IP header's version field.
     *
     * @return 4 or 6
     */
    int versionNumber();

    /**
     * Returns the length of an address of this version in bytes.
     *
     * @return 4 or 16
     */
    int addressBytes();

    /**
     * Returns the length of an address of this version in bits.
     *
     * @return 32 or 128
     */
    int addressBits();

    /**
     * Returns the unspecified address (all zeros).
     *
     * @return {@code 0.0.0.0} or {@code ::}
     */
    IpAddress<?> unspecifiedAddress();

    /**
     * Returns the loopback address.
     *
     * @return {@code 127.0.0.1} or {@code ::1}
     */
    IpAddress<?> loopbackAddress();

    /**
     * Returns the loopback subnet.
     *
     * @return {@code 127.0.0.0/8} or {@code ::1/128}
     */
    Subnet<? extends IpAddress<?>> loopbackSubnet();

    /**
     * Returns the multicast subnet.
     *
     * @return {@code 224.0.0.0/4} or {@code ff00::/8}
     */
    Subnet<? extends IpAddress<?>> multicastSubnet();

    /**
     * Returns the link-local unicast subnet.
     *
     * @return {@code 169.254.0.0/16} (RFC 3927) or {@code fe80::/10} (RFC 4291)
     */
    Subnet<? extends IpAddress<?>> linkLocalUnicastSubnet();

    /**
     * Returns the minimum MTU that every link must support for this version: 68 bytes for IPv4
     * (RFC 791), 1280 bytes for IPv6 (RFC 8200).
     *
     * @return 68 or 1280
     */
    int minimumLinkMtu();
}
