package io.zerowire.cli.format;

import io.zerowire.buffer.Bytes;

/**
 * Writes addresses and numbers into a reused {@link StringBuilder} without allocating: the text
 * forms tshark and tcpdump users read ({@code 02:00:5e:00:53:01}, {@code 192.0.2.1}, RFC 5952
 * {@code 2001:db8::1}, {@code 0x86dd}, {@code 0.000125}), straight from the packet's bytes.
 *
 * <pre>{@code
 * Text.ipv6(line, ip.array(), ip.sourceOffset()).append(" > ");
 * }</pre>
 */
public final class Text {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Text() {}

    /** A MAC address of 6 bytes at {@code offset}, lower-case hex pairs joined by colons. */
    public static StringBuilder mac(StringBuilder out, byte[] a, int offset) {
        for (int i = 0; i < 6; i++) {
            if (i > 0) {
                out.append(':');
            }
            hexByte(out, a[offset + i]);
        }
        return out;
    }

    /** An IPv4 address given as its 32 bits, as a dotted quad. */
    public static StringBuilder ipv4(StringBuilder out, int bits) {
        return out.append(bits >>> 24).append('.').append((bits >>> 16) & 0xFF).append('.')
                .append((bits >>> 8) & 0xFF).append('.').append(bits & 0xFF);
    }

    /** An IPv4 address stored at {@code offset}, as a dotted quad. */
    public static StringBuilder ipv4(StringBuilder out, byte[] a, int offset) {
        return ipv4(out, Bytes.i32(a, offset));
    }

    /**
     * An IPv6 address stored at {@code offset}, in the canonical form of RFC 5952 (the form of
     * {@code Ipv6Address.toString()}): lower-case groups without leading zeros, the longest run of
     * two or more zero groups (the first of equals) as {@code ::}, an IPv4-mapped address as
     * {@code ::ffff:192.0.2.1}.
     */
    public static StringBuilder ipv6(StringBuilder out, byte[] a, int offset) {
        if (Bytes.i64(a, offset) == 0 && Bytes.u16(a, offset + 8) == 0 && Bytes.u16(a, offset + 10) == 0xFFFF) {
            return ipv4(out.append("::ffff:"), a, offset + 12);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (Bytes.u16(a, offset + 2 * i) != 0) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < 8 && Bytes.u16(a, offset + 2 * j) == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (i > 0 && i != bestStart + bestLength) {
                out.append(':');
            }
            hexDigits(out, Bytes.u16(a, offset + 2 * i));
        }
        return out;
    }

    /** {@code value} in hex without leading zeros ({@code 0} for zero). */
    public static StringBuilder hexDigits(StringBuilder out, long value) {
        int digits = Math.max(1, (64 - Long.numberOfLeadingZeros(value) + 3) / 4);
        for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
            out.append(HEX[(int) (value >>> shift) & 0xF]);
        }
        return out;
    }

    /** {@code 0x} and {@code value} in exactly {@code digits} hex digits (zero-padded). */
    public static StringBuilder hex(StringBuilder out, long value, int digits) {
        out.append("0x");
        for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
            out.append(HEX[(int) (value >>> shift) & 0xF]);
        }
        return out;
    }

    /** {@code length} bytes at {@code offset} as hex pairs, no separator. */
    public static StringBuilder hexBytes(StringBuilder out, byte[] a, int offset, int length) {
        for (int i = 0; i < length; i++) {
            hexByte(out, a[offset + i]);
        }
        return out;
    }

    private static void hexByte(StringBuilder out, byte b) {
        out.append(HEX[(b >>> 4) & 0xF]).append(HEX[b & 0xF]);
    }

    /**
     * {@code value / 10^scale} with exactly {@code scale} decimals, such as {@code 1.000250} for
     * {@code fixed(out, 1000250, 6)}; negative values get a minus sign.
     */
    public static StringBuilder fixed(StringBuilder out, long value, int scale) {
        if (value < 0) {
            out.append('-');
            value = -value;
        }
        long unit = 1;
        for (int i = 0; i < scale; i++) {
            unit *= 10;
        }
        out.append(value / unit);
        if (scale > 0) {
            out.append('.');
            long fraction = value % unit;
            for (long digit = unit / 10; digit > 0; digit /= 10) {
                out.append((char) ('0' + fraction / digit % 10));
            }
        }
        return out;
    }

    /** {@code value} right-aligned in {@code width} characters (longer values are written whole). */
    public static StringBuilder padLeft(StringBuilder out, long value, int width) {
        int digits = value < 0 ? 2 : 1;
        for (long v = Math.abs(value) / 10; v > 0; v /= 10) {
            digits++;
        }
        for (int i = digits; i < width; i++) {
            out.append(' ');
        }
        return out.append(value);
    }

    /** {@code text} as a JSON string literal, quotes included, with the escapes RFC 8259 requires. */
    public static StringBuilder jsonString(StringBuilder out, CharSequence text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append("\\u00");
                hexByte(out, (byte) c);
            } else {
                out.append(c);
            }
        }
        return out.append('"');
    }
}
