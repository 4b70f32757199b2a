package io.zerowire.protocols.igmp;

/**
 * The 8-bit time codes of IGMPv3 (RFC 3376 sections 4.1.1 and 4.1.7): the max response code (in
 * tenths of a second) and the querier's query interval code (in seconds). Below 128 a code is the
 * value itself; from 128 on it is a floating-point number {@code 1 exp(3) mant(4)} worth
 * {@code (mant | 0x10) << (exp + 3)}, up to 31744.
 *
 * <pre>{@code
 * IgmpTimeCode.decode(0x8e);      // 0x1e << 3 = 240
 * IgmpTimeCode.encode(240);       // 0x8e
 * }</pre>
 */
public final class IgmpTimeCode {
    /** The largest value a code can say: {@code (0x0f | 0x10) << (7 + 3)}. */
    public static final int MAX_VALUE = 31744;

    private IgmpTimeCode() {}

    /**
     * The value of {@code code}.
     *
     * @throws IllegalArgumentException if {@code code} is not 0 to 255
     */
    public static int decode(int code) {
        if ((code & ~0xFF) != 0) {
            throw new IllegalArgumentException("an IGMP time code is 8 unsigned bits, was " + code);
        }
        if (code < 128) {
            return code;
        }
        int exponent = code >> 4 & 0x7;
        int mantissa = code & 0xF;
        return (mantissa | 0x10) << (exponent + 3);
    }

    /**
     * The code for {@code value}: exact below 128; above, the largest code whose value does not
     * exceed it (the floating-point form has 5 significant bits).
     *
     * @throws IllegalArgumentException if {@code value} is negative or above {@link #MAX_VALUE}
     */
    public static int encode(int value) {
        if (value < 0 || value > MAX_VALUE) {
            throw new IllegalArgumentException("an IGMP time code says 0 to " + MAX_VALUE + ", not " + value);
        }
        if (value < 128) {
            return value;
        }
        int exponent = 0;
        while ((value >> (exponent + 3)) > 0x1F) {
            exponent++;
        }
        int mantissa = (value >> (exponent + 3)) & 0xF;
        return 0x80 | exponent << 4 | mantissa;
    }
}
