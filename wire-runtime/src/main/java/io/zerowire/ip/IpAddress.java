package io.zerowire.ip;

/**
 * An IP address of version {@code I}: an {@link Ipv4Address} ({@code IpAddress<Ipv4>}) or an
 * {@link Ipv6Address} ({@code IpAddress<Ipv6>}).
 *
 * <p>Code that works for both versions is written once with a type parameter such as {@code <A
 * extends IpAddress<?>>}, or {@code <I extends Ip>} with {@code IpAddress<I>} where addresses are
 * compared or combined with each other. The type parameter ties the arguments of {@link
 * #commonPrefixLength}, {@link #compareTo} and {@link Subnet#contains} to the receiver's version,
 * so that mixing versions is a compile-time error.
 *
 * <p>Addresses are immutable values. {@code compareTo} is the unsigned numeric order of the
 * address bits, consistent with {@code equals}.
 *
 * @param <I> the IP version, {@link Ipv4} or {@link Ipv6}
 */
public sealed interface IpAddress<I extends Ip> extends Comparable<IpAddress<I>>
        permits Ipv4Address, Ipv6Address {

    /**
     * Returns the IP version of this address.
     *
     * @return {@link Ipv4#INSTANCE} or {@link Ipv6#INSTANCE}
     */
    I version();

    /**
     * Returns the length of this address in bits.
     *
     * @return 32 or 128
     */
    int bitLength();

    /**
     * Tells whether this address is not the unspecified address ({@code 0.0.0.0}, {@code ::}).
     *
     * @return {@code true} unless every bit is zero
     */
    boolean isSpecified();

    /**
     * Tells whether this is a loopback address: in {@code 127.0.0.0/8}, or {@code ::1}.
     *
     * @return {@code true} for a loopback address
     */
    boolean isLoopback();

    /**
     * Tells whether this is a multicast address: in {@code 224.0.0.0/4} or {@code ff00::/8}.
     *
     * @return {@code true} for a multicast address
     */
    boolean isMulticast();

    /**
     * Tells whether this is a link-local unicast address: in {@code 169.254.0.0/16} or {@code
     * fe80::/10}.
     *
     * @return {@code true} for a link-local unicast address
     */
    boolean isLinkLocalUnicast();

    /**
     * Tells whether this is a unicast address: specified, not multicast and, for IPv4, not the
     * limited broadcast address.
     *
     * <p>This is a property of the address alone: a subnet's directed broadcast address (such as
     * {@code 192.0.2.255} in {@code 192.0.2.0/24}) cannot be recognized without the subnet and is
     * unicast here.
     *
     * @return {@code true} for a unicast address
     */
    boolean isUnicast();

    /**
     * Tells whether this is the IPv4 limited broadcast address {@code 255.255.255.255}. Always
     * {@code false} for IPv6, which has no broadcast.
     *
     * @return {@code true} only for {@code 255.255.255.255}
     */
    boolean isLimitedBroadcast();

    /**
     * Tells whether this is an IPv4-mapped IPv6 address, in {@code ::ffff:0:0/96} (RFC 4291
     * section 2.5.5.2). Always {@code false} for IPv4.
     *
     * @return {@code true} for an IPv4-mapped IPv6 address
     */
    boolean isIpv4Mapped();

    /**
     * Returns this address with every bit after the first {@code prefixLength} bits cleared: the
     * network address of the subnet of that prefix length that contains this address.
     *
     * @param prefixLength the number of leading bits to keep, from 0 to {@link #bitLength()}
     * @return the masked address, of the same version
     * @throws IllegalArgumentException if {@code prefixLength} is out of range
     */
    IpAddress<I> mask(int prefixLength);

    /**
     * Returns the number of leading bits that this address and {@code other} have in common.
     *
     * @param other an address of the same version
     * @return from 0 to {@link #bitLength()}; {@link #bitLength()} when the addresses are equal
     * @throws NullPointerException if {@code other} is null
     */
    int commonPrefixLength(IpAddress<I> other);

    /**
     * Writes this address, big-endian (network byte order), into {@code array} at {@code
     * offset}: 4 or 16 bytes.
     *
     * @param array the destination
     * @param offset the index of the first byte to write
     * @throws IndexOutOfBoundsException if the address does not fit in {@code array} at {@code
     *     offset}
     */
    void write(byte[] array, int offset);

    /**
     * Returns the address bytes, big-endian, in a new array of 4 or 16 bytes.
     *
     * @return a new array holding the address
     */
    byte[] toByteArray();

    /**
     * Compares this address with {@code other} as unsigned numbers.
     *
     * @param other an address of the same version
     * @return a negative number, zero or a positive number as this address is numerically less
     *     than, equal to or greater than {@code other}
     * @throws NullPointerException if {@code other} is null
     */
    @Override
    int compareTo(IpAddress<I> other);

    /**
     * Returns the standard text form: dotted-quad for IPv4 ({@code 192.0.2.1}), RFC 5952
     * canonical form for IPv6 ({@code 2001:db8::1}).
     *
     * @return the address as text
     */
    @Override
    String toString();
}
