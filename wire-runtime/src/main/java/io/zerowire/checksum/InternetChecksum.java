package io.zerowire.checksum;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * The internet checksum of RFC 1071 (IPv4 header, ICMP, IGMP, UDP, TCP, ICMPv6): the 16-bit one's
 * complement of the one's complement sum of the data taken as big-endian 16-bit words.
 *
 * <p>An instance is a reusable accumulator: it sums a logical byte stream fed to it in any number of
 * pieces ({@link #add(byte[], int, int) add} over array ranges, {@link #addU8 addU8}, {@link #addU16
 * addU16}, {@link #addU32 addU32}, {@link #addU64 addU64} for values that are not in the array, such
 * as a pseudo-header). Pieces may have odd lengths: the result is always the checksum of the whole
 * stream as if it had been given in one piece, zero-padded at the end to an even length. Nothing in
 * this class allocates, so one instance can serve every packet of a loop, with {@link #reset()}
 * between packets. Instances are not thread-safe.
 *
 * <p>Arrays are summed eight bytes at a time: each {@code long} is added as its two 32-bit halves
 * into a 64-bit accumulator, so no carry is lost, and the total is folded to 16 bits with
 * end-around carry only when a result is asked for. One's complement addition is commutative and
 * associative, and 2<sup>32</sup> and 2<sup>16</sup> are both 1 modulo 0xFFFF, which is why these
 * wider partial sums give exactly the RFC's 16-bit result. The words are read little-endian, the
 * processor's order, and the sum byte-swapped once at the end: the sum of byte-swapped words is the
 * byte-swapped sum (RFC 1071, section 2(B)), and a byte swap is a multiplication by 256 modulo 0xFFFF.
 *
 * <p>The folded sum of data that is not all zero is never 0x0000 (one's complement "+0"): it is 0xFFFF
 * ("-0") when the words cancel. Data that already contains its correct checksum therefore sums to
 * 0xFFFF, which is what {@link #verify()} and {@link #verify(byte[], int, int)} test.
 *
 * <p>Example: computing a UDP-over-IPv4 checksum straight from a packet's bytes, and verifying an
 * IPv4 header in place.
 *
 * <pre>{@code
 * InternetChecksum c = new InternetChecksum();   // keep it; reset() before the next packet
 * PseudoHeader.addIpv4(c, packet, ip + 12, ip + 16, 17, udpLength);
 * c.add(packet, udp, 6);                          // UDP header up to the checksum field
 * c.add(packet, udp + 8, udpLength - 8);          // the payload: the checksum field counts as zero
 * int checksum = c.checksum();                    // UDP sends a computed 0x0000 as 0xFFFF (RFC 768)
 *
 * boolean headerOk = InternetChecksum.verify(packet, ip, ihl * 4);
 * }</pre>
 */
public final class InternetChecksum {

    /**
     * Little-endian 64-bit reads at any byte index (plain access does not require alignment): the
     * machine's own order on x86 and ARM, so a read is a plain load, with no byte swap per word.
     */
    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long LOW_32 = 0xFFFF_FFFFL;

    /**
     * The unfolded sum so far, kept below 2<sup>33</sup> by folding its high half into its low half
     * after every addition (which preserves the one's complement sum and never turns a non-zero sum
     * into zero).
     */
    private long accumulator;

    /**
     * Whether an odd number of bytes has been added: the last byte went into the high half of a
     * 16-bit word, and the next byte belongs to the low half of that same word.
     */
    private boolean odd;

    /** Creates an empty accumulator (sum 0x0000, checksum 0xFFFF). */
    public InternetChecksum() {
    }

    /**
     * Forgets everything added so far, so that the instance can be reused for the next packet.
     *
     * @return this accumulator
     */
    public InternetChecksum reset() {
        accumulator = 0;
        odd = false;
        return this;
    }

    /**
     * Adds {@code length} bytes of {@code array} starting at {@code offset} to the stream. Any offset
     * and length work, including odd ones and pieces that split a 16-bit word between two calls.
     *
     * @param array  the bytes
     * @param offset index of the first byte to add
     * @param length number of bytes to add
     * @return this accumulator
     * @throws IndexOutOfBoundsException if the range is not inside the array (nothing is added then)
     */
    public InternetChecksum add(byte[] array, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, array.length);
        if (length == 0) {
            return this;
        }
        int from = offset;
        long sum = 0;
        if (odd) {
            // The first byte completes the word whose high half the previous piece ended with.
            sum = array[from++] & 0xFF;
        }
        sum += sumAligned(array, from, offset + length);
        accumulator = fold32(accumulator + sum);
        odd ^= (length & 1) != 0;
        return this;
    }

    /**
     * Adds one byte to the stream, as {@link #add(byte[], int, int)} would add it.
     *
     * @param value the byte in the low 8 bits; higher bits are ignored
     * @return this accumulator
     */
    public InternetChecksum addU8(int value) {
        int b = value & 0xFF;
        accumulator = fold32(accumulator + (odd ? b : b << 8));
        odd = !odd;
        return this;
    }

    /**
     * Adds a 16-bit value to the stream as its two big-endian bytes: for example a field that is not
     * in the array being summed, or the protocol and length words of a pseudo-header.
     *
     * @param value the value in the low 16 bits; higher bits are ignored
     * @return this accumulator
     */
    public InternetChecksum addU16(int value) {
        // After an odd number of bytes, the value's bytes straddle two words: its high byte completes
        // the pending word and its low byte starts the next one. Summed, that is the byte-swapped value.
        int v = odd ? Integer.reverseBytes(value) >>> 16 : value & 0xFFFF;
        accumulator = fold32(accumulator + v);
        return this;
    }

    /**
     * Adds a 32-bit value to the stream as its four big-endian bytes, for example an IPv4 address.
     *
     * @param value the 32 bits (an unsigned {@code long} narrowed with {@code (int)} works as well)
     * @return this accumulator
     */
    public InternetChecksum addU32(int value) {
        // After an odd number of bytes, bytes b0 b1 b2 b3 contribute b1b0 + b3b2: the halves of the
        // fully reversed value, whose sum is the same.
        int v = odd ? Integer.reverseBytes(value) : value;
        accumulator = fold32(accumulator + (v & LOW_32));
        return this;
    }

    /**
     * Adds a 64-bit value to the stream as its eight big-endian bytes, for example one half of an
     * IPv6 address held as two {@code long}s.
     *
     * @param value the 64 bits
     * @return this accumulator
     */
    public InternetChecksum addU64(long value) {
        long v = odd ? Long.reverseBytes(value) : value;
        accumulator = fold32(accumulator + (v >>> 32) + (v & LOW_32));
        return this;
    }

    /**
     * Returns the one's complement sum of everything added, folded to 16 bits and not complemented:
     * 0x0000 only if nothing but zero bytes was added, 0xFFFF if the data includes a correct checksum.
     *
     * @return the sum, 0x0000 to 0xFFFF
     */
    public int sum() {
        return fold16(accumulator);
    }

    /**
     * Returns the internet checksum of everything added: the complement of {@link #sum()}. Written into
     * a checksum field that was summed as zero, it makes the data {@linkplain #verify() verify}.
     *
     * @return the checksum, 0x0000 to 0xFFFF
     */
    public int checksum() {
        return ~fold16(accumulator) & 0xFFFF;
    }

    /**
     * Tells whether everything added, which must include the stored checksum, has a correct checksum:
     * whether the folded sum is 0xFFFF.
     *
     * @return {@code true} if the checksum is correct
     */
    public boolean verify() {
        return fold16(accumulator) == 0xFFFF;
    }

    /**
     * Returns the internet checksum of a range of bytes (as {@link #checksum()} after one
     * {@link #add(byte[], int, int) add}), without needing an instance.
     *
     * @param array  the bytes
     * @param offset index of the first byte
     * @param length number of bytes
     * @return the checksum, 0x0000 to 0xFFFF
     * @throws IndexOutOfBoundsException if the range is not inside the array
     */
    public static int compute(byte[] array, int offset, int length) {
        return ~sum(array, offset, length) & 0xFFFF;
    }

    /**
     * Returns the folded one's complement sum of a range of bytes (as {@link #sum()} after one
     * {@link #add(byte[], int, int) add}), without needing an instance.
     *
     * @param array  the bytes
     * @param offset index of the first byte
     * @param length number of bytes
     * @return the sum, 0x0000 to 0xFFFF
     * @throws IndexOutOfBoundsException if the range is not inside the array
     */
    public static int sum(byte[] array, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, array.length);
        return fold16(sumAligned(array, offset, offset + length));
    }

    /**
     * Tells whether a range of bytes that includes its own checksum field is correct (its folded sum
     * is 0xFFFF), for example an IPv4 header: {@code verify(packet, ipOffset, ihl * 4)}.
     *
     * @param array  the bytes
     * @param offset index of the first byte
     * @param length number of bytes
     * @return {@code true} if the checksum is correct
     * @throws IndexOutOfBoundsException if the range is not inside the array
     */
    public static boolean verify(byte[] array, int offset, int length) {
        return sum(array, offset, length) == 0xFFFF;
    }

    /**
     * Sums {@code array[from, to)} as big-endian 16-bit words starting with a high byte; an odd last
     * byte is the high half of a word whose low half is zero. The result is not folded; it stays
     * below 2<sup>61</sup> for any array length.
     */
    private static long sumAligned(byte[] array, int from, int to) {
        int i = from;
        long s0 = 0;
        long s1 = 0;
        // Two independent accumulators over 32 bytes a round; each round adds less than 2^34 to each.
        for (int last = to - 32; i <= last; i += 32) {
            long a = (long) LONGS.get(array, i);
            long b = (long) LONGS.get(array, i + 8);
            long c = (long) LONGS.get(array, i + 16);
            long d = (long) LONGS.get(array, i + 24);
            s0 += (a >>> 32) + (a & LOW_32) + (b >>> 32) + (b & LOW_32);
            s1 += (c >>> 32) + (c & LOW_32) + (d >>> 32) + (d & LOW_32);
        }
        for (int last = to - 8; i <= last; i += 8) {
            long a = (long) LONGS.get(array, i);
            s0 += (a >>> 32) + (a & LOW_32);
        }
        // Back to big-endian words: swapping a 16-bit sum's bytes is multiplying it by 256 modulo
        // 0xFFFF (2^16 is 1), so the little-endian sum, folded below 2^33, shifted by 8 is the big-endian one.
        long sum = fold32(s0 + s1) << 8;
        if (to - i >= 4) {
            sum += (((array[i] & 0xFF) << 8) | (array[i + 1] & 0xFF))
                    + (((array[i + 2] & 0xFF) << 8) | (array[i + 3] & 0xFF));
            i += 4;
        }
        if (to - i >= 2) {
            sum += ((array[i] & 0xFF) << 8) | (array[i + 1] & 0xFF);
            i += 2;
        }
        if (i < to) {
            sum += (array[i] & 0xFF) << 8;
        }
        return sum;
    }

    /**
     * Folds an unsigned 64-bit sum to below 2<sup>33</sup> (one end-around carry step at 32 bits).
     * Preserves the one's complement sum; the result is zero only if the input is.
     */
    private static long fold32(long sum) {
        return (sum & LOW_32) + (sum >>> 32);
    }

    /**
     * Folds an unsigned 64-bit sum to 16 bits with end-around carry: the one's complement sum, 0x0000
     * only for a zero input, otherwise 0x0001 to 0xFFFF.
     */
    static int fold16(long sum) {
        long s = (sum & LOW_32) + (sum >>> 32); // < 2^33
        s = (s & 0xFFFF) + (s >>> 16);          // <= 0x2FFFE
        s = (s & 0xFFFF) + (s >>> 16);          // <= 0x10001
        s = (s & 0xFFFF) + (s >>> 16);          // <= 0xFFFF
        return (int) s;
    }
}
