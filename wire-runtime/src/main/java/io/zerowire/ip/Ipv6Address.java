package io.zerowire.ip;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * An IPv6 address, held in two {@code long}s: the {@linkplain #high() high} 64 bits (the first 8
 * bytes) and the {@linkplain #low() low} 64 bits (the last 8 bytes).
 *
 * <p>Instances are immutable; {@link #equals}, {@link #hashCode} and {@link #compareTo} (unsigned
 * order) depend on the bits only. {@link #parse} reads every text form of RFC 4291 section 2.2;
 * {@link #toString} writes the canonical form of RFC 5952.
 */
public final class Ipv6Address implements IpAddress<Ipv6> {

    // This class must not have static fields that refer to Ipv6 or Subnet: Ipv6's constants are
    // built from Ipv6Address instances, and a reference back would make the initialization order
    // matter (a constant read while its class is still being initialized is null).

    private static final VarHandle LONG_BE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /** The low 64 bits of an address in {@code ::ffff:0:0/96}, without the IPv4 address. */
    private static final long MAPPED_PREFIX_LOW = 0x0000_ffff_0000_0000L;

    private final long high;
    private final long low;

    private Ipv6Address(long high, long low) {
        this.high = high;
        this.low = low;
    }

    /**
     * Returns the address with the given bits; {@code of(0x20010db8_00000000L, 1)} is {@code
     * 2001:db8::1}.
     *
     * @param high the first 64 bits, the first byte in the most significant position
     * @param low the last 64 bits, the ninth byte in the most significant position
     * @return the address
     */
    public static Ipv6Address of(long high, long low) {
        return new Ipv6Address(high, low);
    }

    /**
     * Reads an address stored big-endian (network byte order) in {@code array} at {@code offset}.
     *
     * @param array the source
     * @param offset the index of the address's first byte
     * @return the address
     * @throws IndexOutOfBoundsException if fewer than 16 bytes are available at {@code offset}
     */
    public static Ipv6Address read(byte[] array, int offset) {
        Objects.checkFromIndexSize(offset, Ipv6.ADDRESS_BYTES, array.length);
        return new Ipv6Address((long) LONG_BE.get(array, offset), (long) LONG_BE.get(array, offset + 8));
    }

    /**
     * Parses an IPv6 address in any of the text forms of RFC 4291 section 2.2.
     *
     * <ul>
     *   <li>eight groups of one to four hex digits, either case: {@code
     *       2001:DB8:0:0:8:800:200C:417A};
     *   <li>one {@code ::} standing for one or more groups of zeros: {@code 2001:db8::8:800:200c:417a},
     *       {@code ::1}, {@code ::};
     *   <li>a dotted-quad IPv4 address in the last 32 bits: {@code ::ffff:192.0.2.1}, {@code
     *       64:ff9b::198.51.100.7}; the IPv4 part is read as strictly as by {@link
     *       Ipv4Address#parse}.
     * </ul>
     *
     * <p>Rejected, with a message that quotes the input and names the problem: the empty string,
     * more than one {@code ::}, {@code :::}, a single leading or trailing colon, a missing or
     * surplus group, a group of more than four hex digits, any character other than ASCII hex
     * digits, {@code :} and {@code .} (including whitespace), an IPv4 part anywhere but at the end,
     * and zone identifiers ({@code fe80::1%eth0}), which an address value cannot carry.
     *
     * @param text the text to parse
     * @return the address
     * @throws AddressFormatException if {@code text} is not an IPv6 address
     * @throws NullPointerException if {@code text} is null
     */
    public static Ipv6Address parse(String text) {
        Objects.requireNonNull(text, "text");
        return parse(text, 0, text.length(), "IPv6 address");
    }

    /**
     * Parses {@code input[start, end)} as an IPv6 address.
     *
     * @param input the whole input, quoted in error messages; indices in messages refer to it
     * @param kind what is being parsed, for error messages
     */
    static Ipv6Address parse(String input, int start, int end, String kind) {
        if (start == end) {
            throw new AddressFormatException(kind, input, "empty string");
        }
        for (int k = start; k < end; k++) {
            if (input.charAt(k) == '%') {
                throw new AddressFormatException(kind, input, "zone identifiers (\""
                        + input.substring(k, end) + "\") are not supported");
            }
        }
        int[] groups = new int[8];
        int count = 0;
        int gap = -1; // the index in groups where "::" stands, if any
        int i = start;
        if (input.charAt(i) == ':') {
            if (i + 1 < end && input.charAt(i + 1) == ':') {
                gap = 0;
                i += 2;
            } else {
                throw new AddressFormatException(kind, input, "starts with a single \":\"");
            }
        }
        while (i < end) {
            int groupStart = i;
            int value = 0;
            int digit;
            while (i < end && (digit = hexValue(input.charAt(i))) >= 0) {
                value = value << 4 | digit;
                i++;
            }
            int digits = i - groupStart;
            if (i < end) {
                char c = input.charAt(i);
                if (c == '.') {
                    for (int k = i + 1; k < end; k++) {
                        if (input.charAt(k) == ':') {
                            throw new AddressFormatException(kind, input,
                                    "an embedded IPv4 address must be at the end");
                        }
                    }
                    if (count > 6) {
                        throw new AddressFormatException(kind, input, "more than 8 groups");
                    }
                    int bits = Ipv4Address.parseBits(
                            input, groupStart, end, kind, "embedded IPv4 address: ");
                    groups[count++] = bits >>> 16;
                    groups[count++] = bits & 0xffff;
                    break;
                }
                if (c != ':') {
                    throw new AddressFormatException(kind, input, "invalid character "
                            + AddressFormatException.describe(c) + " at index " + i);
                }
            }
            if (digits == 0) {
                // Here c == ':' and, since a single ':' followed by ':' is read as "::", the
                // previous characters were "::".
                throw new AddressFormatException(kind, input, "\":::\" is not allowed");
            }
            if (digits > 4) {
                throw new AddressFormatException(kind, input, "group \""
                        + input.substring(groupStart, i) + "\" has more than 4 hex digits");
            }
            if (count == 8) {
                throw new AddressFormatException(kind, input, "more than 8 groups");
            }
            groups[count++] = value;
            if (i == end) {
                break;
            }
            i++; // the ':'
            if (i == end) {
                throw new AddressFormatException(kind, input, "ends with a single \":\"");
            }
            if (input.charAt(i) == ':') {
                if (gap >= 0) {
                    throw new AddressFormatException(kind, input, "more than one \"::\"");
                }
                gap = count;
                i++;
            }
        }
        if (gap < 0) {
            if (count != 8) {
                boolean hasColon = false;
                for (int k = start; k < end; k++) {
                    hasColon |= input.charAt(k) == ':';
                }
                throw new AddressFormatException(kind, input, hasColon
                        ? "expected 8 groups, found " + count
                        : "no \":\" (not an IPv6 address)");
            }
        } else {
            if (count == 8) {
                throw new AddressFormatException(kind, input,
                        "\"::\" must stand for at least one group, but all 8 groups are given");
            }
            int tail = count - gap;
            System.arraycopy(groups, gap, groups, 8 - tail, tail);
            for (int k = gap; k < 8 - tail; k++) {
                groups[k] = 0;
            }
        }
        long high = 0;
        long low = 0;
        for (int k = 0; k < 4; k++) {
            high = high << 16 | groups[k];
            low = low << 16 | groups[k + 4];
        }
        return new Ipv6Address(high, low);
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /**
     * Returns the first 64 bits of the address.
     *
     * @return the high 64 bits, the first byte in the most significant position
     */
    public long high() {
        return high;
    }

    /**
     * Returns the last 64 bits of the address.
     *
     * @return the low 64 bits, the ninth byte in the most significant position
     */
    public long low() {
        return low;
    }

    /**
     * Returns {@link Ipv6#INSTANCE}.
     *
     * @return the IPv6 version
     */
    @Override
    public Ipv6 version() {
        return Ipv6.INSTANCE;
    }

    /**
     * Returns 128.
     *
     * @return 128
     */
    @Override
    public int bitLength() {
        return Ipv6.ADDRESS_BITS;
    }

    /** {@inheritDoc} */
    @Override
    public boolean isSpecified() {
        return (high | low) != 0;
    }

    /**
     * Tells whether this is {@code ::1}, the only IPv6 loopback address.
     *
     * @return {@code true} for {@code ::1}
     */
    @Override
    public boolean isLoopback() {
        return high == 0 && low == 1;
    }

    /**
     * Tells whether this address is in {@code ff00::/8}.
     *
     * @return {@code true} for a multicast address
     */
    @Override
    public boolean isMulticast() {
        return high >>> 56 == 0xff;
    }

    /**
     * Tells whether this address is in {@code fe80::/10}.
     *
     * @return {@code true} for a link-local unicast address
     */
    @Override
    public boolean isLinkLocalUnicast() {
        return high >>> 54 == 0x3fa;
    }

    /**
     * Tells whether this address is specified and not multicast.
     *
     * @return {@code true} for a unicast address
     */
    @Override
    public boolean isUnicast() {
        return isSpecified() && !isMulticast();
    }

    /**
     * Returns {@code false}: IPv6 has no broadcast.
     *
     * @return {@code false}
     */
    @Override
    public boolean isLimitedBroadcast() {
        return false;
    }

    /** {@inheritDoc} */
    @Override
    public boolean isIpv4Mapped() {
        return high == 0 && low >>> 32 == 0xffff;
    }

    /**
     * Returns the IPv4 address embedded in this IPv4-mapped address ({@code ::ffff:a.b.c.d}), or
     * {@code null} if this address is not IPv4-mapped. {@link Ipv4Address#toIpv6Mapped()} is the
     * inverse.
     *
     * <p>{@code null} rather than an {@code Optional} or an exception, so that the common
     * dual-stack socket check costs one test and no allocation:
     *
     * <pre>{@code
     * Ipv4Address v4 = address.toIpv4Mapped();
     * if (v4 != null) {
     *     // an IPv4 peer
     * }
     * }</pre>
     *
     * <p>Use {@link #isIpv4Mapped()} to ask without converting.
     *
     * @return the embedded IPv4 address, or {@code null} if this address is not IPv4-mapped
     */
    public Ipv4Address toIpv4Mapped() {
        return isIpv4Mapped() ? Ipv4Address.of((int) low) : null;
    }

    /**
     * Returns the solicited-node multicast address of this address, {@code ff02::1:ffXX:XXXX}
     * with the low 24 bits of this address (RFC 4291 section 2.7.1), the destination of IPv6
     * neighbor solicitations.
     *
     * @return the solicited-node multicast address
     */
    public Ipv6Address toSolicitedNodeMulticast() {
        return new Ipv6Address(0xff02_0000_0000_0000L, 0x0000_0001_ff00_0000L | low & 0xff_ffffL);
    }

    /** {@inheritDoc} */
    @Override
    public Ipv6Address mask(int prefixLength) {
        if (prefixLength < 0 || prefixLength > Ipv6.ADDRESS_BITS) {
            throw new IllegalArgumentException(
                    "Prefix length " + prefixLength + " is out of range 0-128 for IPv6");
        }
        return new Ipv6Address(high & highMask(prefixLength), low & lowMask(prefixLength));
    }

    /** The high 64 bits of the netmask of a prefix length from 0 to 128. */
    static long highMask(int prefixLength) {
        if (prefixLength >= 64) {
            return -1L;
        }
        return prefixLength == 0 ? 0 : -1L << (64 - prefixLength);
    }

    /** The low 64 bits of the netmask of a prefix length from 0 to 128. */
    static long lowMask(int prefixLength) {
        return prefixLength <= 64 ? 0 : -1L << (128 - prefixLength);
    }

    /** {@inheritDoc} */
    @Override
    public int commonPrefixLength(IpAddress<Ipv6> other) {
        Ipv6Address o = cast(other);
        long h = high ^ o.high;
        return h != 0 ? Long.numberOfLeadingZeros(h) : 64 + Long.numberOfLeadingZeros(low ^ o.low);
    }

    private static Ipv6Address cast(IpAddress<Ipv6> other) {
        Objects.requireNonNull(other, "other");
        if (other instanceof Ipv6Address) {
            return (Ipv6Address) other;
        }
        // Only reachable through unchecked casts or raw types.
        throw new IllegalArgumentException("Not an IPv6 address: " + other);
    }

    /** {@inheritDoc} */
    @Override
    public void write(byte[] array, int offset) {
        Objects.checkFromIndexSize(offset, Ipv6.ADDRESS_BYTES, array.length);
        LONG_BE.set(array, offset, high);
        LONG_BE.set(array, offset + 8, low);
    }

    /**
     * Returns the 16 address bytes in a new array.
     *
     * @return a new array holding the address
     */
    @Override
    public byte[] toByteArray() {
        byte[] array = new byte[Ipv6.ADDRESS_BYTES];
        write(array, 0);
        return array;
    }

    /**
     * Compares the address bits as unsigned 128-bit numbers: {@code 7fff::} sorts before {@code
     * 8000::}.
     *
     * @param other the address to compare with
     * @return a negative number, zero or a positive number
     * @throws ClassCastException if {@code other} is not an {@code Ipv6Address} (possible only
     *     through unchecked casts)
     */
    @Override
    public int compareTo(IpAddress<Ipv6> other) {
        Ipv6Address o = (Ipv6Address) Objects.requireNonNull(other);
        int c = Long.compareUnsigned(high, o.high);
        return c != 0 ? c : Long.compareUnsigned(low, o.low);
    }

    /**
     * Tells whether {@code obj} is an IPv6 address with the same bits.
     *
     * @param obj the object to compare with
     * @return {@code true} for an equal address
     */
    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof Ipv6Address)) {
            return false;
        }
        Ipv6Address o = (Ipv6Address) obj;
        return o.high == high && o.low == low;
    }

    /**
     * Returns a hash code of the address bits.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return 31 * Long.hashCode(high) + Long.hashCode(low);
    }

    /**
     * Returns the canonical text form of RFC 5952.
     *
     * <ul>
     *   <li>hex digits in lower case, leading zeros of each group suppressed: {@code 2001:db8::1};
     *   <li>{@code ::} replaces the longest run of two or more zero groups, the first such run when
     *       two are equally long: {@code 2001:db8::1:0:0:1}; a single zero group is written {@code
     *       0}: {@code 2001:db8:0:1:1:1:1:1};
     *   <li>an IPv4-mapped address is written with its IPv4 address in dotted-quad form (RFC 5952
     *       section 5): {@code ::ffff:192.0.2.1}. Other addresses that may embed IPv4 addresses
     *       (NAT64, the deprecated IPv4-compatible form) are written in hex, since the address
     *       alone does not say that they do.
     * </ul>
     *
     * @return the address as text
     */
    @Override
    public String toString() {
        if (isIpv4Mapped()) {
            return "::ffff:" + Ipv4Address.format((int) low);
        }
        int bestStart = -1;
        int bestLength = 1; // a run must be longer than this to be compressed
        for (int i = 0; i < 8; ) {
            if (group(i) != 0) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < 8 && group(j) == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (i > 0 && i != bestStart + bestLength) {
                sb.append(':');
            }
            sb.append(Integer.toHexString(group(i)));
        }
        return sb.toString();
    }

    /** Returns 16-bit group {@code index} (0 to 7) of the address. */
    private int group(int index) {
        long half = index < 4 ? high : low;
        return (int) (half >>> (48 - 16 * (index & 3))) & 0xffff;
    }
}
