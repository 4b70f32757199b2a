package io.zerowire.tap.link;

import io.zerowire.ip.AddressFormatException;
import io.zerowire.ip.IpAddress;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.ip.Subnet;
import java.util.Objects;

/**
 * An address this program owns on a link, with the prefix length of the link's subnet, as
 * {@code ip addr} writes it: {@code 10.0.0.2/24}, {@code fd00::2/64}. Unlike a {@link Subnet}, the
 * host bits are the point.
 *
 * <pre>{@code
 * InterfaceAddress<Ipv4Address> me = InterfaceAddress.parseIpv4("10.0.0.2/24");
 * me.address();                                  // 10.0.0.2
 * me.subnet().contains(Ipv4Address.parse("10.0.0.1"));   // true: on the link
 * }</pre>
 *
 * @param <A> {@link Ipv4Address} or {@link Ipv6Address}
 */
public final class InterfaceAddress<A extends IpAddress<?>> {
    private final A address;
    private final Subnet<A> subnet;

    private InterfaceAddress(A address, Subnet<A> subnet) {
        this.address = address;
        this.subnet = subnet;
    }

    /**
     * {@code address} on a subnet of {@code prefixLength} bits.
     *
     * @throws IllegalArgumentException if the prefix length is out of range or the address is not a
     *     unicast address a host may own (unspecified, multicast, broadcast, loopback)
     */
    public static <A extends IpAddress<?>> InterfaceAddress<A> of(A address, int prefixLength) {
        Objects.requireNonNull(address, "address");
        if (!address.isUnicast() || address.isLoopback()) {
            throw new IllegalArgumentException(address + " is not a unicast address an interface can own");
        }
        if (prefixLength < 0 || prefixLength > address.bitLength()) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " is out of range 0-" + address.bitLength());
        }
        @SuppressWarnings("unchecked")
        A network = (A) address.mask(prefixLength);
        return new InterfaceAddress<>(address, Subnet.of(network, prefixLength));
    }

    /**
     * Parses {@code a.b.c.d/n}.
     *
     * @throws AddressFormatException if the text is not an IPv4 address and a prefix length of 0 to
     *     32, or the address cannot be an interface's; the message quotes the input
     */
    public static InterfaceAddress<Ipv4Address> parseIpv4(String text) {
        String kind = "IPv4 interface address";
        int slash = slash(text, kind);
        Ipv4Address address = Ipv4Address.parse(text.substring(0, slash));
        return checked(text, kind, address, prefixLength(text, slash, 32, kind));
    }

    /**
     * Parses {@code x:y::z/n}.
     *
     * @throws AddressFormatException if the text is not an IPv6 address and a prefix length of 0 to
     *     128, or the address cannot be an interface's; the message quotes the input
     */
    public static InterfaceAddress<Ipv6Address> parseIpv6(String text) {
        String kind = "IPv6 interface address";
        int slash = slash(text, kind);
        Ipv6Address address = Ipv6Address.parse(text.substring(0, slash));
        return checked(text, kind, address, prefixLength(text, slash, 128, kind));
    }

    private static int slash(String text, String kind) {
        Objects.requireNonNull(text, "text");
        int slash = text.indexOf('/');
        if (slash <= 0 || slash != text.lastIndexOf('/')) {
            throw new AddressFormatException(kind, text, "expected ADDRESS/PREFIX-LENGTH, with one \"/\"");
        }
        return slash;
    }

    private static int prefixLength(String text, int slash, int max, String kind) {
        String digits = text.substring(slash + 1);
        if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new AddressFormatException(kind, text, "the prefix length must be a number from 0 to " + max);
        }
        int value = Integer.parseInt(digits);
        if (value > max) {
            throw new AddressFormatException(kind, text, "prefix length " + value + " is greater than " + max);
        }
        return value;
    }

    private static <A extends IpAddress<?>> InterfaceAddress<A> checked(String text, String kind, A address, int prefix) {
        try {
            return of(address, prefix);
        } catch (IllegalArgumentException e) {
            throw new AddressFormatException(kind, text, e.getMessage());
        }
    }

    /** The address. */
    public A address() {
        return address;
    }

    /** The prefix length. */
    public int prefixLength() {
        return subnet.prefixLength();
    }

    /** The link's subnet: the addresses reachable on the link without a router. */
    public Subnet<A> subnet() {
        return subnet;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof InterfaceAddress<?> other && address.equals(other.address)
                && subnet.equals(other.subnet);
    }

    @Override
    public int hashCode() {
        return address.hashCode() * 31 + subnet.prefixLength();
    }

    @Override
    public String toString() {
        return address + "/" + subnet.prefixLength();
    }
}
