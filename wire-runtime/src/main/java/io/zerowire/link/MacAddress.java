package io.zerowire.link;

import io.zerowire.ip.AddressFormatException;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import java.util.Objects;

/**
 * A 48-bit IEEE 802 MAC address (EUI-48), held in the low 48 bits of a {@code long}.
 *
 * <p>Instances are immutable; {@link #equals}, {@link #hashCode} and {@link #compareTo} depend on
 * the bits only. The text form is six two-digit hex bytes separated by colons, {@code
 * 02:00:5e:10:00:01}; {@link #parse} also accepts hyphens, {@code 02-00-5E-10-00-01}.
 */
public final class MacAddress implements Comparable<MacAddress> {

    /** The length of a MAC address in bytes: 6. */
    public static final int BYTES = 6;

    /** The largest value of {@link #bits()}: 48 one bits. */
    private static final long MAX_BITS = 0xffff_ffff_ffffL;

    /** The broadcast address {@code ff:ff:ff:ff:ff:ff}. */
    public static final MacAddress BROADCAST = new MacAddress(MAX_BITS);

    /** The group (multicast) bit: the least significant bit of the first byte. */
    private static final long GROUP_BIT = 0x0100_0000_0000L;

    /** The locally administered bit: the second least significant bit of the first byte. */
    private static final long LOCAL_BIT = 0x0200_0000_0000L;

    private final long bits;

    private MacAddress(long bits) {
        this.bits = bits;
    }

    /**
     * Returns the address with the given bits; {@code 0x02005e100001L} is {@code
     * 02:00:5e:10:00:01}.
     *
     * @param bits the 48 address bits in the low 48 bits, the first byte most significant
     * @return the address
     * @throws IllegalArgumentException if any of the high 16 bits is set
     */
    public static MacAddress of(long bits) {
        if ((bits & ~MAX_BITS) != 0) {
            throw new IllegalArgumentException(
                    "MAC address bits 0x" + Long.toHexString(bits) + " do not fit in 48 bits");
        }
        return new MacAddress(bits);
    }

    /**
     * Reads an address of 6 bytes stored in {@code array} at {@code offset}, first byte first.
     *
     * @param array the source
     * @param offset the index of the address's first byte
     * @return the address
     * @throws IndexOutOfBoundsException if fewer than 6 bytes are available at {@code offset}
     */
    public static MacAddress read(byte[] array, int offset) {
        Objects.checkFromIndexSize(offset, BYTES, array.length);
        long bits = 0;
        for (int i = 0; i < BYTES; i++) {
            bits = bits << 8 | (array[offset + i] & 0xff);
        }
        return new MacAddress(bits);
    }

    /**
     * Writes the 6 address bytes into {@code array} at {@code offset}, first byte first.
     *
     * @param array the destination
     * @param offset the index of the first byte to write
     * @throws IndexOutOfBoundsException if fewer than 6 bytes are available at {@code offset}
     */
    public void write(byte[] array, int offset) {
        Objects.checkFromIndexSize(offset, BYTES, array.length);
        for (int i = 0; i < BYTES; i++) {
            array[offset + i] = (byte) (bits >>> (40 - 8 * i));
        }
    }

    /**
     * Returns the 6 address bytes in a new array.
     *
     * @return a new array holding the address
     */
    public byte[] toByteArray() {
        byte[] array = new byte[BYTES];
        write(array, 0);
        return array;
    }

    /**
     * Parses six two-digit hex bytes separated by {@code :} or {@code -}, such as {@code
     * 02:00:5e:10:00:01} or {@code 02-00-5E-10-00-01}.
     *
     * <p>Either case is accepted; every byte has exactly two digits; one separator is used
     * throughout. Other forms ({@code 0200.5e10.0001}, {@code 02005e100001}, {@code 2:0:5e:10:0:1})
     * are rejected.
     *
     * @param text the text to parse
     * @return the address
     * @throws AddressFormatException if {@code text} is not a MAC address; the message quotes the
     *     input and says what is wrong
     * @throws NullPointerException if {@code text} is null
     */
    public static MacAddress parse(String text) {
        Objects.requireNonNull(text, "text");
        int length = text.length();
        if (length == 0) {
            throw invalid(text, "empty string");
        }
        long bits = 0;
        char separator = 0;
        int i = 0;
        for (int group = 1; group <= BYTES; group++) {
            int start = i;
            int value = 0;
            int digit;
            while (i < length && (digit = hexValue(text.charAt(i))) >= 0) {
                value = value << 4 | digit;
                i++;
            }
            if (i < length) {
                char c = text.charAt(i);
                if (c != ':' && c != '-') {
                    throw invalid(text, "invalid character " + describe(c) + " at index " + i
                            + " (expected a hex digit, ':' or '-')");
                }
            }
            if (i == start) {
                throw invalid(text, "byte " + group + " is empty");
            }
            if (i - start != 2) {
                throw invalid(text, "byte " + group + " (\"" + text.substring(start, i)
                        + "\") must have exactly 2 hex digits");
            }
            bits = bits << 8 | value;
            if (group == BYTES) {
                if (i == length - 1) {
                    throw invalid(text, "ends with a separator");
                }
                if (i < length) {
                    throw invalid(text, "more than 6 bytes");
                }
                break;
            }
            if (i == length) {
                throw invalid(text, "expected 6 bytes, found " + group);
            }
            char c = text.charAt(i);
            if (separator == 0) {
                separator = c;
            } else if (c != separator) {
                throw invalid(text, "mixed separators '" + separator + "' and '" + c + "'");
            }
            i++;
        }
        return new MacAddress(bits);
    }

    private static AddressFormatException invalid(String text, String problem) {
        return new AddressFormatException("MAC address", text, problem);
    }

    private static String describe(char c) {
        if (c > 0x20 && c < 0x7f && c != '\'') {
            return "'" + c + "'";
        }
        return String.format("U+%04X", (int) c);
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
     * Returns the multicast MAC address that IPv6 multicast group {@code group} is sent to:
     * {@code 33:33} followed by the group's low 32 bits (RFC 2464 section 7).
     *
     * @param group an IPv6 multicast address, in {@code ff00::/8}
     * @return the destination MAC address, e.g. {@code 33:33:00:00:00:01} for {@code ff02::1}
     * @throws IllegalArgumentException if {@code group} is not a multicast address
     * @throws NullPointerException if {@code group} is null
     */
    public static MacAddress forIpv6Multicast(Ipv6Address group) {
        if (!group.isMulticast()) {
            throw new IllegalArgumentException("Not an IPv6 multicast address: " + group);
        }
        return new MacAddress(0x3333_0000_0000L | (group.low() & 0xffff_ffffL));
    }

    /**
     * Returns the multicast MAC address that IPv4 multicast group {@code group} is sent to:
     * {@code 01:00:5e} followed by a zero bit and the group's low 23 bits (RFC 1112 section 6.4).
     *
     * @param group an IPv4 multicast address, in {@code 224.0.0.0/4}
     * @return the destination MAC address, e.g. {@code 01:00:5e:00:00:01} for {@code 224.0.0.1}
     * @throws IllegalArgumentException if {@code group} is not a multicast address
     * @throws NullPointerException if {@code group} is null
     */
    public static MacAddress forIpv4Multicast(Ipv4Address group) {
        if (!group.isMulticast()) {
            throw new IllegalArgumentException("Not an IPv4 multicast address: " + group);
        }
        return new MacAddress(0x0100_5e00_0000L | (group.bits() & 0x7f_ffffL));
    }

    /**
     * Returns the address bits.
     *
     * @return the 48 address bits in the low 48 bits of a non-negative {@code long}
     */
    public long bits() {
        return bits;
    }

    /**
     * Tells whether this is the broadcast address {@code ff:ff:ff:ff:ff:ff}.
     *
     * @return {@code true} for the broadcast address
     */
    public boolean isBroadcast() {
        return bits == MAX_BITS;
    }

    /**
     * Tells whether this is a group address: whether the least significant bit of the first byte
     * (the I/G bit) is set. The broadcast address is a group address too.
     *
     * @return {@code true} for a multicast or broadcast address
     */
    public boolean isMulticast() {
        return (bits & GROUP_BIT) != 0;
    }

    /**
     * Tells whether this is an individual address: whether the group bit is clear.
     *
     * @return {@code true} for a unicast address; the opposite of {@link #isMulticast()}
     */
    public boolean isUnicast() {
        return (bits & GROUP_BIT) == 0;
    }

    /**
     * Tells whether this address is locally administered: whether the second least significant
     * bit of the first byte (the U/L bit) is set, as in {@code 02:00:00:00:00:01}.
     *
     * @return {@code true} for a locally administered address, {@code false} for a universally
     *     administered one (with an OUI)
     */
    public boolean isLocallyAdministered() {
        return (bits & LOCAL_BIT) != 0;
    }

    /**
     * Compares the address bits as unsigned numbers.
     *
     * @param other the address to compare with
     * @return a negative number, zero or a positive number
     * @throws NullPointerException if {@code other} is null
     */
    @Override
    public int compareTo(MacAddress other) {
        return Long.compare(bits, other.bits);
    }

    /**
     * Tells whether {@code obj} is a MAC address with the same bits.
     *
     * @param obj the object to compare with
     * @return {@code true} for an equal address
     */
    @Override
    public boolean equals(Object obj) {
        return obj instanceof MacAddress && ((MacAddress) obj).bits == bits;
    }

    /**
     * Returns a hash code of the address bits.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Long.hashCode(bits);
    }

    /**
     * Returns the lowercase colon form, e.g. {@code 02:00:5e:10:00:01}.
     *
     * @return the address as text
     */
    @Override
    public String toString() {
        char[] text = new char[17];
        for (int i = 0; i < BYTES; i++) {
            int b = (int) (bits >>> (40 - 8 * i)) & 0xff;
            text[3 * i] = Character.forDigit(b >>> 4, 16);
            text[3 * i + 1] = Character.forDigit(b & 0xf, 16);
            if (i < BYTES - 1) {
                text[3 * i + 2] = ':';
            }
        }
        return new String(text);
    }
}
