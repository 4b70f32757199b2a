package io.zerowire.checksum;

/**
 * Updates an internet checksum after part of the data it covers changes, without summing the data
 * again (RFC 1624): what a router does when it decrements the TTL, a NAT when it rewrites an address,
 * and a generated view's setter when it edits a field in place.
 *
 * <p>Every method applies RFC 1624's equation 3, {@code HC' = ~(~HC + ~m + m')}, where {@code HC} is
 * the old checksum, {@code m} the old value and {@code m'} the new one, and {@code +} is one's
 * complement addition with end-around carry, over every 16-bit word of the value. The values must be
 * 16-bit aligned within the checksummed data (an even distance from its start), as header fields
 * are; for a field narrower than 16 bits, pass the old and new contents of the whole word holding it.
 *
 * <p><b>0x0000 and 0xFFFF.</b> RFC 1141's equation 2 ({@code HC' = HC + m + ~m'}) can produce 0xFFFF
 * where a full recomputation produces 0x0000 (RFC 1624 section 3; the example of its section 4 goes
 * from 0xDD2F to 0x0000). Equation 3 cannot: its result is 0xFFFF only if {@code ~HC}, {@code ~m} and
 * {@code m'} are all zero, which never happens when {@code HC} is the correct checksum of the old
 * data, so the update equals a full recomputation ({@link InternetChecksum#compute}) whenever the new
 * data is not all zero. If the update makes all the covered data zero, equation 3 gives 0x0000 where
 * a recomputation gives 0xFFFF; both are zero in one's complement, but only 0xFFFF verifies, which is
 * harmless for real headers (an IPv4 header, for one, always has a non-zero version field). So a
 * value that does not change leaves a correct checksum of non-zero data as it is, 0x0000 included
 * (RFC 1624 erratum 4782 expects 0xFFFF there, but with end-around carry {@code ~0x0000 + ~m + m} is
 * 0xFFFF, whose complement is 0x0000).
 *
 * <p>The methods are pure functions of their arguments and allocate nothing.
 */
public final class IncrementalChecksum {

    private static final long LOW_32 = 0xFFFF_FFFFL;

    private IncrementalChecksum() {
    }

    /**
     * Returns the checksum after a 16-bit word of the covered data changes from {@code oldWord} to
     * {@code newWord}.
     *
     * @param checksum the checksum before the change, in the low 16 bits
     * @param oldWord  the word before the change, in the low 16 bits
     * @param newWord  the word after the change, in the low 16 bits
     * @return the checksum after the change, 0x0000 to 0xFFFF
     */
    public static int update16(int checksum, int oldWord, int newWord) {
        long sum = (~checksum & 0xFFFF) + (~oldWord & 0xFFFF) + (newWord & 0xFFFF);
        return ~InternetChecksum.fold16(sum) & 0xFFFF;
    }

    /**
     * Returns the checksum after a 32-bit value of the covered data (two 16-bit words, for example an
     * IPv4 address or a TCP sequence number) changes from {@code oldValue} to {@code newValue}.
     *
     * @param checksum the checksum before the change, in the low 16 bits
     * @param oldValue the 32 bits before the change
     * @param newValue the 32 bits after the change
     * @return the checksum after the change, 0x0000 to 0xFFFF
     */
    public static int update32(int checksum, int oldValue, int newValue) {
        // A 32-bit quantity summed whole is congruent, modulo 0xFFFF, to the sum of its two words,
        // and it is zero exactly when both words are: folding gives the word-by-word result.
        long sum = (~checksum & 0xFFFF) + (~oldValue & LOW_32) + (newValue & LOW_32);
        return ~InternetChecksum.fold16(sum) & 0xFFFF;
    }

    /**
     * Returns the checksum after a 128-bit value of the covered data (eight 16-bit words, for example
     * an IPv6 address in a transport pseudo-header) changes. Each value is given as its high and low
     * 64 bits, in network order: {@code high} holds the first eight bytes.
     *
     * @param checksum the checksum before the change, in the low 16 bits
     * @param oldHigh  the first 64 bits before the change
     * @param oldLow   the last 64 bits before the change
     * @param newHigh  the first 64 bits after the change
     * @param newLow   the last 64 bits after the change
     * @return the checksum after the change, 0x0000 to 0xFFFF
     */
    public static int update128(int checksum, long oldHigh, long oldLow, long newHigh, long newLow) {
        long notOldHigh = ~oldHigh;
        long notOldLow = ~oldLow;
        long sum = (~checksum & 0xFFFF)
                + (notOldHigh >>> 32) + (notOldHigh & LOW_32)
                + (notOldLow >>> 32) + (notOldLow & LOW_32)
                + (newHigh >>> 32) + (newHigh & LOW_32)
                + (newLow >>> 32) + (newLow & LOW_32);
        return ~InternetChecksum.fold16(sum) & 0xFFFF;
    }
}
