package io.zerowire.ip;

import java.util.Objects;

/**
 * A subnet: a network address and a prefix length, such as {@code 192.0.2.0/24} or {@code
 * 2001:db8::/32}.
 *
 * <p>The network address has no bits set after the prefix (the host bits); {@link #of} rejects one
 * that does, rather than silently clearing them. Instances are immutable values.
 *
 * @param <A> the address type, {@link Ipv4Address} or {@link Ipv6Address}
 */
public final class Subnet<A extends IpAddress<?>> {

    private final A network;
    private final int prefixLength;

    private Subnet(A network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /**
     * Returns the subnet of the given network address and prefix length.
     *
     * @param <A> the address type
     * @param network the network address, with every bit after the prefix cleared
     * @param prefixLength the number of leading bits that the subnet's addresses share, from 0 to
     *     the address's {@linkplain IpAddress#bitLength() bit length}
     * @return the subnet
     * @throws IllegalArgumentException if {@code prefixLength} is out of range, or if {@code
     *     network} has host bits set (the message names the network address it should be)
     * @throws NullPointerException if {@code network} is null
     */
    public static <A extends IpAddress<?>> Subnet<A> of(A network, int prefixLength) {
        Objects.requireNonNull(network, "network");
        int bits = network.bitLength();
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("Prefix length " + prefixLength
                    + " is out of range 0-" + bits + " for " + network.version() + " subnet");
        }
        IpAddress<?> masked = network.mask(prefixLength);
        if (!masked.equals(network)) {
            throw new IllegalArgumentException("Network address " + network
                    + " has host bits set for prefix length " + prefixLength
                    + "; the subnet's network address is " + masked);
        }
        return new Subnet<>(network, prefixLength);
    }

    /**
     * Parses an IPv4 subnet in CIDR notation, such as {@code 10.0.0.0/8}.
     *
     * <p>The address is read as by {@link Ipv4Address#parse}; the prefix length is a decimal
     * number from 0 to 32 without leading zeros. The address must not have host bits set.
     *
     * @param text the text to parse
     * @return the subnet
     * @throws AddressFormatException if {@code text} is not an IPv4 subnet; the message quotes the
     *     input and says what is wrong
     * @throws NullPointerException if {@code text} is null
     */
    public static Subnet<Ipv4Address> parseIpv4(String text) {
        String kind = "IPv4 subnet";
        int slash = slash(text, kind);
        Ipv4Address network = Ipv4Address.of(Ipv4Address.parseBits(text, 0, slash, kind, ""));
        int prefixLength = prefixLength(text, slash, Ipv4.ADDRESS_BITS, kind);
        return checkHostBits(text, kind, network, prefixLength);
    }

    /**
     * Parses an IPv6 subnet in CIDR notation, such as {@code 2001:db8::/32}.
     *
     * <p>The address is read as by {@link Ipv6Address#parse}; the prefix length is a decimal
     * number from 0 to 128 without leading zeros. The address must not have host bits set.
     *
     * @param text the text to parse
     * @return the subnet
     * @throws AddressFormatException if {@code text} is not an IPv6 subnet; the message quotes the
     *     input and says what is wrong
     * @throws NullPointerException if {@code text} is null
     */
    public static Subnet<Ipv6Address> parseIpv6(String text) {
        String kind = "IPv6 subnet";
        int slash = slash(text, kind);
        Ipv6Address network = Ipv6Address.parse(text, 0, slash, kind);
        int prefixLength = prefixLength(text, slash, Ipv6.ADDRESS_BITS, kind);
        return checkHostBits(text, kind, network, prefixLength);
    }

    private static int slash(String text, String kind) {
        Objects.requireNonNull(text, "text");
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new AddressFormatException(kind, text, "missing \"/\" and prefix length");
        }
        if (text.indexOf('/', slash + 1) >= 0) {
            throw new AddressFormatException(kind, text, "more than one \"/\"");
        }
        if (slash == 0) {
            throw new AddressFormatException(kind, text, "missing address before \"/\"");
        }
        return slash;
    }

    private static int prefixLength(String text, int slash, int maxBits, String kind) {
        int start = slash + 1;
        int end = text.length();
        if (start == end) {
            throw new AddressFormatException(kind, text, "missing prefix length after \"/\"");
        }
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new AddressFormatException(kind, text, "invalid character "
                        + AddressFormatException.describe(c) + " in prefix length at index " + i);
            }
            if (value <= maxBits) {
                value = value * 10 + (c - '0');
            }
        }
        String digits = text.substring(start, end);
        if (end - start > 1 && text.charAt(start) == '0') {
            throw new AddressFormatException(
                    kind, text, "prefix length \"" + digits + "\" has a leading zero");
        }
        if (value > maxBits) {
            throw new AddressFormatException(
                    kind, text, "prefix length " + digits + " is greater than " + maxBits);
        }
        return value;
    }

    private static <A extends IpAddress<?>> Subnet<A> checkHostBits(
            String text, String kind, A network, int prefixLength) {
        IpAddress<?> masked = network.mask(prefixLength);
        if (!masked.equals(network)) {
            throw new AddressFormatException(kind, text, "host bits are set; the subnet would be "
                    + masked + "/" + prefixLength);
        }
        return new Subnet<>(network, prefixLength);
    }

    /**
     * Returns the network address: the subnet's lowest address, with every host bit cleared.
     *
     * @return the network address
     */
    public A network() {
        return network;
    }

    /**
     * Returns the prefix length: the number of leading bits that the subnet's addresses share.
     *
     * @return from 0 to the address's bit length
     */
    public int prefixLength() {
        return prefixLength;
    }

    /**
     * Tells whether {@code address} is in this subnet: whether its first {@link #prefixLength()}
     * bits are those of the network address. A subnet of prefix length 0 contains every address of
     * its version. Allocates nothing.
     *
     * @param address the address to test
     * @return {@code true} if the subnet contains {@code address}
     * @throws NullPointerException if {@code address} is null
     */
    public boolean contains(A address) {
        Objects.requireNonNull(address, "address");
        if (network instanceof Ipv4Address) {
            if (!(address instanceof Ipv4Address)) {
                return false; // only reachable through unchecked casts
            }
            int n = ((Ipv4Address) network).bits();
            int a = ((Ipv4Address) address).bits();
            return ((n ^ a) & Ipv4Address.maskBits(prefixLength)) == 0;
        }
        if (!(address instanceof Ipv6Address)) {
            return false; // only reachable through unchecked casts
        }
        Ipv6Address n = (Ipv6Address) network;
        Ipv6Address a = (Ipv6Address) address;
        return ((n.high() ^ a.high()) & Ipv6Address.highMask(prefixLength)) == 0
                && ((n.low() ^ a.low()) & Ipv6Address.lowMask(prefixLength)) == 0;
    }

    /**
     * Tells whether {@code obj} is a subnet with an equal network address and the same prefix
     * length.
     *
     * @param obj the object to compare with
     * @return {@code true} for an equal subnet
     */
    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof Subnet)) {
            return false;
        }
        Subnet<?> o = (Subnet<?>) obj;
        return o.prefixLength == prefixLength && o.network.equals(network);
    }

    /**
     * Returns a hash code of the network address and prefix length.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return 31 * network.hashCode() + prefixLength;
    }

    /**
     * Returns the CIDR notation, e.g. {@code 10.0.0.0/8} or {@code 2001:db8::/32}.
     *
     * @return the subnet as text
     */
    @Override
    public String toString() {
        return network + "/" + prefixLength;
    }
}
