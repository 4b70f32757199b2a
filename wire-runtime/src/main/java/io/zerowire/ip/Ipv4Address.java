package io.zerowire.ip;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * An IPv4 address, held in one {@code int} (the address bits, most significant byte first).
 *
 * <p>Instances are immutable; {@link #equals}, {@link #hashCode} and {@link #compareTo} (unsigned
 * order) depend on the bits only. The text form is the dotted quad {@code 192.0.2.1}, which {@link
 * #parse} reads strictly.
 */
public final class Ipv4Address implements IpAddress<Ipv4> {

    // This class must not have static fields that refer to Ipv4 or Subnet: Ipv4's constants are
    // built from Ipv4Address instances, and a reference back would make the initialization order
    // matter (a constant read while its class is still being initialized is null).

    private static final VarHandle INT_BE =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private final int bits;

    private Ipv4Address(int bits) {
        this.bits = bits;
    }

    /**
     * Returns the address with the given bits; {@code 0xc0000201} is {@code 192.0.2.1}.
     *
     * @param bits the 32 address bits, the first byte in the most significant position
     * @return the address
     */
    public static Ipv4Address of(int bits) {
        return new Ipv4Address(bits);
    }

    /**
     * Returns the address {@code a.b.c.d}.
     *
     * @param a the first byte, 0 to 255
     * @param b the second byte, 0 to 255
     * @param c the third byte, 0 to 255
     * @param d the fourth byte, 0 to 255
     * @return the address
     * @throws IllegalArgumentException if a byte is out of range
     */
    public static Ipv4Address of(int a, int b, int c, int d) {
        return new Ipv4Address(checkByte(a, 1) << 24 | checkByte(b, 2) << 16
                | checkByte(c, 3) << 8 | checkByte(d, 4));
    }

    private static int checkByte(int value, int position) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException(
                    "IPv4 address byte " + position + " is " + value + ", must be 0 to 255");
        }
        return value;
    }

    /**
     * Reads an address stored big-endian (network byte order) in {@code array} at {@code offset}.
     *
     * @param array the source
     * @param offset the index of the address's first byte
     * @return the address
     * @throws IndexOutOfBoundsException if fewer than 4 bytes are available at {@code offset}
     */
    public static Ipv4Address read(byte[] array, int offset) {
        Objects.checkFromIndexSize(offset, Ipv4.ADDRESS_BYTES, array.length);
        return new Ipv4Address((int) INT_BE.get(array, offset));
    }

    /**
     * Parses a dotted-quad address such as {@code 192.0.2.1}.
     *
     * <p>The syntax is strict: exactly four decimal parts separated by {@code .}, each from 0 to
     * 255 and written without leading zeros (so {@code 010} is rejected rather than guessed to be
     * octal or decimal), ASCII digits only, no whitespace, and none of the historical short forms
     * ({@code 127.1}, a single 32-bit number) that {@code inet_aton} accepts.
     *
     * @param text the text to parse
     * @return the address
     * @throws AddressFormatException if {@code text} is not a dotted-quad IPv4 address; the message
     *     quotes the input and says what is wrong
     * @throws NullPointerException if {@code text} is null
     */
    public static Ipv4Address parse(String text) {
        Objects.requireNonNull(text, "text");
        return new Ipv4Address(parseBits(text, 0, text.length(), "IPv4 address", ""));
    }

    /**
     * Parses {@code input[start, end)} as a dotted quad and returns its bits.
     *
     * @param input the whole input, quoted in error messages; indices in messages refer to it
     * @param kind what is being parsed, for error messages
     * @param context prefix for the problem text, e.g. {@code "embedded IPv4 address: "}
     */
    static int parseBits(String input, int start, int end, String kind, String context) {
        if (start == end) {
            throw new AddressFormatException(kind, input, context + "empty string");
        }
        int result = 0;
        int part = 0;
        int i = start;
        while (true) {
            int partStart = i;
            int value = 0;
            while (i < end) {
                char c = input.charAt(i);
                if (c < '0' || c > '9') {
                    break;
                }
                if (value <= 255) {
                    value = value * 10 + (c - '0');
                }
                i++;
            }
            if (i < end && input.charAt(i) != '.') {
                throw new AddressFormatException(kind, input, context + "invalid character "
                        + AddressFormatException.describe(input.charAt(i)) + " at index " + i);
            }
            part++;
            int digits = i - partStart;
            if (digits == 0) {
                String problem;
                if (i == start) {
                    problem = "starts with \".\"";
                } else if (i == end) {
                    problem = "ends with \".\"";
                } else {
                    problem = "part " + part + " is empty";
                }
                throw new AddressFormatException(kind, input, context + problem);
            }
            if (part > 4) {
                throw new AddressFormatException(kind, input, context + "more than 4 parts");
            }
            if (digits > 1 && input.charAt(partStart) == '0') {
                throw new AddressFormatException(kind, input, context + "part " + part + " (\""
                        + input.substring(partStart, i) + "\") has a leading zero");
            }
            if (value > 255) {
                throw new AddressFormatException(kind, input, context + "part " + part + " (\""
                        + input.substring(partStart, i) + "\") is greater than 255");
            }
            result = result << 8 | value;
            if (i == end) {
                break;
            }
            i++; // the '.'
        }
        if (part != 4) {
            throw new AddressFormatException(
                    kind, input, context + "expected 4 parts, found " + part);
        }
        return result;
    }

    /**
     * Returns the address bits, the first byte in the most significant position.
     *
     * @return the 32 address bits
     */
    public int bits() {
        return bits;
    }

    /**
     * Returns {@link Ipv4#INSTANCE}.
     *
     * @return the IPv4 version
     */
    @Override
    public Ipv4 version() {
        return Ipv4.INSTANCE;
    }

    /**
     * Returns 32.
     *
     * @return 32
     */
    @Override
    public int bitLength() {
        return Ipv4.ADDRESS_BITS;
    }

    /** {@inheritDoc} */
    @Override
    public boolean isSpecified() {
        return bits != 0;
    }

    /**
     * Tells whether this address is in {@code 127.0.0.0/8}.
     *
     * @return {@code true} for a loopback address
     */
    @Override
    public boolean isLoopback() {
        return bits >>> 24 == 127;
    }

    /**
     * Tells whether this address is in {@code 224.0.0.0/4}.
     *
     * @return {@code true} for a multicast address
     */
    @Override
    public boolean isMulticast() {
        return bits >>> 28 == 0xe;
    }

    /**
     * Tells whether this address is in {@code 169.254.0.0/16}.
     *
     * @return {@code true} for a link-local unicast address
     */
    @Override
    public boolean isLinkLocalUnicast() {
        return bits >>> 16 == 0xa9fe;
    }

    /** {@inheritDoc} */
    @Override
    public boolean isUnicast() {
        return bits != 0 && !isMulticast() && bits != 0xffff_ffff;
    }

    /** {@inheritDoc} */
    @Override
    public boolean isLimitedBroadcast() {
        return bits == 0xffff_ffff;
    }

    /**
     * Returns {@code false}: an IPv4 address is never an IPv4-mapped IPv6 address. See {@link
     * #toIpv6Mapped()}.
     *
     * @return {@code false}
     */
    @Override
    public boolean isIpv4Mapped() {
        return false;
    }

    /** {@inheritDoc} */
    @Override
    public Ipv4Address mask(int prefixLength) {
        return new Ipv4Address(bits & maskBits(prefixLength));
    }

    /** The netmask of a prefix length: {@code maskBits(24) == 0xffffff00}. */
    static int maskBits(int prefixLength) {
        if (prefixLength < 0 || prefixLength > Ipv4.ADDRESS_BITS) {
            throw new IllegalArgumentException(
                    "Prefix length " + prefixLength + " is out of range 0-32 for IPv4");
        }
        return prefixLength == 0 ? 0 : -1 << (Ipv4.ADDRESS_BITS - prefixLength);
    }

    /** {@inheritDoc} */
    @Override
    public int commonPrefixLength(IpAddress<Ipv4> other) {
        return Integer.numberOfLeadingZeros(bits ^ cast(other).bits);
    }

    private static Ipv4Address cast(IpAddress<Ipv4> other) {
        Objects.requireNonNull(other, "other");
        if (other instanceof Ipv4Address) {
            return (Ipv4Address) other;
        }
        // Only reachable through unchecked casts or raw types.
        throw new IllegalArgumentException("Not an IPv4 address: " + other);
    }

    /** {@inheritDoc} */
    @Override
    public void write(byte[] array, int offset) {
        Objects.checkFromIndexSize(offset, Ipv4.ADDRESS_BYTES, array.length);
        INT_BE.set(array, offset, bits);
    }

    /**
     * Returns the 4 address bytes in a new array.
     *
     * @return a new array holding the address
     */
    @Override
    public byte[] toByteArray() {
        byte[] array = new byte[Ipv4.ADDRESS_BYTES];
        write(array, 0);
        return array;
    }

    /**
     * Returns the IPv4-mapped IPv6 address of this address, {@code ::ffff:a.b.c.d} (RFC 4291
     * section 2.5.5.2). {@link Ipv6Address#toIpv4Mapped()} is the inverse.
     *
     * @return the IPv6 address in {@code ::ffff:0:0/96} that embeds this address
     */
    public Ipv6Address toIpv6Mapped() {
        return Ipv6Address.of(0, 0x0000_ffff_0000_0000L | Integer.toUnsignedLong(bits));
    }

    /**
     * Compares the address bits as unsigned numbers: {@code 127.255.255.255} sorts before {@code
     * 128.0.0.0}.
     *
     * @param other the address to compare with
     * @return a negative number, zero or a positive number
     * @throws ClassCastException if {@code other} is not an {@code Ipv4Address} (possible only
     *     through unchecked casts)
     */
    @Override
    public int compareTo(IpAddress<Ipv4> other) {
        return Integer.compareUnsigned(bits, ((Ipv4Address) Objects.requireNonNull(other)).bits);
    }

    /**
     * Tells whether {@code obj} is an IPv4 address with the same bits.
     *
     * @param obj the object to compare with
     * @return {@code true} for an equal address
     */
    @Override
    public boolean equals(Object obj) {
        return obj instanceof Ipv4Address && ((Ipv4Address) obj).bits == bits;
    }

    /**
     * Returns a hash code of the address bits.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return bits;
    }

    /**
     * Returns the dotted-quad form, e.g. {@code 192.0.2.1}.
     *
     * @return the address as text
     */
    @Override
    public String toString() {
        return format(bits);
    }

    /** Formats 32 bits as a dotted quad. */
    static String format(int bits) {
        return new StringBuilder(15)
                .append(bits >>> 24).append('.')
                .append(bits >>> 16 & 0xff).append('.')
                .append(bits >>> 8 & 0xff).append('.')
                .append(bits & 0xff)
                .toString();
    }
}
