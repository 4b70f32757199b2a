package io.zerowire.checksum;

import static io.zerowire.checksum.ChecksumReference.concat;
import static io.zerowire.checksum.ChecksumReference.eqn2;
import static io.zerowire.checksum.ChecksumReference.eqn3;
import static io.zerowire.checksum.ChecksumReference.getU16;
import static io.zerowire.checksum.ChecksumReference.getU32;
import static io.zerowire.checksum.ChecksumReference.getU64;
import static io.zerowire.checksum.ChecksumReference.hex;
import static io.zerowire.checksum.ChecksumReference.putU16;
import static io.zerowire.checksum.ChecksumReference.putU32;
import static io.zerowire.checksum.ChecksumReference.putU64;
import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class IncrementalChecksumTest {

    private static final int CHECKSUM_OFFSET = 10;

    // --- RFC 1624's example and the 0x0000 / 0xFFFF boundary --------------------------------------

    @Test
    void rfc1624ExampleGivesZeroLikeARecomputation() {
        // RFC 1624 section 4: the header's other words sum to 0xCD7A and a word m = 0x5555 becomes
        // 0x3285. Data of our own whose other words sum to 0xCD7A: 0x4500 + 0x887A.
        byte[] header = hex("45 00 88 7a 55 55 00 00");
        int hc = InternetChecksum.compute(header, 0, header.length);
        assertThat(hc).isEqualTo(0xDD2F); // ~(0xCD7A + 0x5555) = ~0x22D0
        putU16(header, 6, hc);

        int updated = IncrementalChecksum.update16(hc, 0x5555, 0x3285);

        putU16(header, 4, 0x3285);
        putU16(header, 6, 0);
        int recomputed = InternetChecksum.compute(header, 0, header.length);
        assertThat(recomputed).isEqualTo(0x0000); // ~(0xCD7A + 0x3285) = ~0xFFFF
        assertThat(updated).isEqualTo(recomputed);
        putU16(header, 6, updated);
        assertThat(InternetChecksum.verify(header, 0, header.length)).isTrue();
    }

    @Test
    void equation2OfRfc1141WouldGiveFfffWhereEquation3GivesZero() {
        // RFC 1624 section 3: HC' = HC + m + ~m' yields -0 (0xFFFF) for the same change. Equation 3,
        // ~(~HC + ~m + m') = ~(0x22D0 + 0xAAAA + 0x3285) = ~0xFFFF, yields +0 (0x0000).
        assertThat(eqn2(0xDD2F, 0x5555, 0x3285)).isEqualTo(0xFFFF);
        assertThat(IncrementalChecksum.update16(0xDD2F, 0x5555, 0x3285)).isEqualTo(0x0000);
    }

    @Test
    void equation3GivesFfffOnlyWhenAllThreeTermsAreZero() {
        // ~HC = 0, ~m = 0, m' = 0: the one input whose sum is +0. It is inconsistent (a checksum of
        // 0xFFFF means all-zero data, yet the old word was 0xFFFF), so it never arises from real data.
        assertThat(IncrementalChecksum.update16(0xFFFF, 0xFFFF, 0x0000)).isEqualTo(0xFFFF);
        assertThat(IncrementalChecksum.update32(0xFFFF, 0xFFFF_FFFF, 0)).isEqualTo(0xFFFF);
        assertThat(IncrementalChecksum.update128(0xFFFF, -1L, -1L, 0L, 0L)).isEqualTo(0xFFFF);
        // Any non-zero term makes the sum non-zero, so the result is never 0xFFFF.
        assertThat(IncrementalChecksum.update16(0xFFFF, 0xFFFF, 0x0001)).isEqualTo(0xFFFE);
        assertThat(IncrementalChecksum.update16(0xFFFE, 0xFFFF, 0x0000)).isEqualTo(0xFFFE);
    }

    @Test
    void anUnchangedValueKeepsAZeroChecksum() {
        // RFC 1624 erratum 4782 claims ~(~0x0000 + ~0x5555 + 0x5555) is 0xFFFF. With end-around
        // carry, 0xFFFF + 0xAAAA + 0x5555 = 0x1FFFE folds to 0xFFFF, and its complement is 0x0000.
        byte[] data = hex("55 55 aa aa 00 00"); // 0x5555 + 0xAAAA = 0xFFFF, so its checksum is 0x0000
        int hc = InternetChecksum.compute(data, 0, data.length);
        assertThat(hc).isZero();

        assertThat(IncrementalChecksum.update16(hc, 0x5555, 0x5555)).isZero();
        assertThat(IncrementalChecksum.update32(hc, 0x5555_AAAA, 0x5555_AAAA)).isZero();
    }

    @Test
    void dataThatBecomesAllZeroGetsZeroWhereARecomputationGetsFfff() {
        // The documented exception: once every covered word is zero, equation 3 gives +0 and a
        // recomputation -0 (the complement of an all-zero sum). Only the latter verifies.
        byte[] data = hex("12 34 00 00");
        int hc = InternetChecksum.compute(data, 0, 4);
        assertThat(hc).isEqualTo(0xEDCB);

        int updated = IncrementalChecksum.update16(hc, 0x1234, 0x0000);
        putU16(data, 0, 0);
        assertThat(updated).isEqualTo(0x0000);
        assertThat(InternetChecksum.compute(data, 0, 4)).isEqualTo(0xFFFF);
    }

    @Test
    void ttlDecrementOfARealIpv4Header() {
        // The header from Wikipedia's "Internet checksum" article; a router decrements TTL 0x40.
        byte[] header = hex("45 00 00 73 00 00 40 00 40 11 b8 61 c0 a8 00 01 c0 a8 00 c7");
        int oldWord = getU16(header, 8);
        int newWord = oldWord - 0x0100;

        int updated = IncrementalChecksum.update16(getU16(header, CHECKSUM_OFFSET), oldWord, newWord);

        putU16(header, 8, newWord);
        putU16(header, CHECKSUM_OFFSET, 0);
        assertThat(updated).isEqualTo(ChecksumReference.checksum(header)).isEqualTo(0xb961);
        putU16(header, CHECKSUM_OFFSET, updated);
        assertThat(InternetChecksum.verify(header, 0, 20)).isTrue();
    }

    // --- Update equals a full recomputation ---------------------------------------------------------

    /** Valid IPv4 headers (version 4, IHL 5 to 15, random elsewhere), their checksum set by the reference. */
    @Provide
    Arbitrary<byte[]> ipv4Headers() {
        return Arbitraries.integers().between(5, 15)
                .flatMap(ihl -> Arbitraries.bytes().array(byte[].class).ofSize(ihl * 4))
                .map(h -> {
                    h[0] = (byte) (0x40 | (h.length / 4));
                    putU16(h, CHECKSUM_OFFSET, 0);
                    putU16(h, CHECKSUM_OFFSET, ChecksumReference.checksum(h));
                    return h;
                });
    }

    @Property
    void update16EqualsARecomputation(
            @ForAll("ipv4Headers") byte[] header, @ForAll @IntRange(max = 29) int word, @ForAll int newValue) {
        int offset = 2 * (word % (header.length / 2));
        if (offset == CHECKSUM_OFFSET) {
            offset = 8; // TTL and protocol
        }
        int newWord = newValue & 0xFFFF;
        int updated = IncrementalChecksum.update16(getU16(header, CHECKSUM_OFFSET), getU16(header, offset), newWord);

        putU16(header, offset, newWord);
        assertUpdateMatchesRecomputation(header, updated);
    }

    @Property
    void update32EqualsARecomputation(
            @ForAll("ipv4Headers") byte[] header, @ForAll @IntRange(max = 28) int word, @ForAll int newValue) {
        int offset = 2 * (word % (header.length / 2 - 1));
        if (offset == 8 || offset == 10) {
            offset = 12 + 4 * (word % 2); // the source or destination address
        }
        int updated = IncrementalChecksum.update32(getU16(header, CHECKSUM_OFFSET), getU32(header, offset), newValue);

        putU32(header, offset, newValue);
        assertUpdateMatchesRecomputation(header, updated);
    }

    @Property
    void update128EqualsARecomputation(
            @ForAll("ipv4Headers") byte[] header, @ForAll @IntRange(max = 22) int word,
            @ForAll long newHigh, @ForAll long newLow) {
        Assume.that(header.length >= 32); // a 16-byte field that does not cover the checksum
        int offset = 12 + 2 * (word % ((header.length - 28) / 2 + 1));
        int updated = IncrementalChecksum.update128(getU16(header, CHECKSUM_OFFSET),
                getU64(header, offset), getU64(header, offset + 8), newHigh, newLow);

        putU64(header, offset, newHigh);
        putU64(header, offset + 8, newLow);
        assertUpdateMatchesRecomputation(header, updated);
    }

    @Property
    void update128OfAnIpv6AddressInThePseudoHeaderEqualsARecomputation(
            @ForAll @Size(16) byte[] source, @ForAll @Size(16) byte[] destination,
            @ForAll @Size(16) byte[] newAddress, @ForAll boolean changeSource,
            @ForAll @Size(min = 8, max = 120) byte[] udp) {
        // A NAT66-style rewrite: the UDP checksum is updated for the new address alone.
        putU16(udp, 4, udp.length);
        putU16(udp, 6, 0);
        int checksum = ChecksumReference.checksum(
                concat(ChecksumReference.ipv6PseudoHeader(source, destination, udp.length, 17), udp));
        byte[] old = changeSource ? source : destination;

        int updated = IncrementalChecksum.update128(checksum,
                getU64(old, 0), getU64(old, 8), getU64(newAddress, 0), getU64(newAddress, 8));

        byte[] pseudo = changeSource
                ? ChecksumReference.ipv6PseudoHeader(newAddress, destination, udp.length, 17)
                : ChecksumReference.ipv6PseudoHeader(source, newAddress, udp.length, 17);
        assertThat(updated).isEqualTo(ChecksumReference.checksum(concat(pseudo, udp)));
    }

    private static void assertUpdateMatchesRecomputation(byte[] header, int updated) {
        putU16(header, CHECKSUM_OFFSET, 0);
        // The single exception (documented): a change that leaves the covered data all zero.
        Assume.that(ChecksumReference.sumByteByByte(header) != 0);
        assertThat(updated).isEqualTo(ChecksumReference.checksum(header));
        putU16(header, CHECKSUM_OFFSET, updated);
        assertThat(InternetChecksum.verify(header, 0, header.length)).isTrue();
    }

    // --- Any input, consistent or not: the literal equation ------------------------------------------

    @Property
    void update16IsEquation3(@ForAll int checksum, @ForAll int oldWord, @ForAll int newWord) {
        assertThat(IncrementalChecksum.update16(checksum, oldWord, newWord))
                .isEqualTo(eqn3(checksum & 0xFFFF, new int[] {oldWord & 0xFFFF}, new int[] {newWord & 0xFFFF}));
    }

    @Property
    void update32IsEquation3OverBothWords(@ForAll int checksum, @ForAll int oldValue, @ForAll int newValue) {
        assertThat(IncrementalChecksum.update32(checksum, oldValue, newValue))
                .isEqualTo(eqn3(checksum & 0xFFFF, words(oldValue), words(newValue)));
    }

    @Property
    void update128IsEquation3OverAllEightWords(
            @ForAll int checksum, @ForAll long oldHigh, @ForAll long oldLow, @ForAll long newHigh, @ForAll long newLow) {
        assertThat(IncrementalChecksum.update128(checksum, oldHigh, oldLow, newHigh, newLow))
                .isEqualTo(eqn3(checksum & 0xFFFF, words(oldHigh, oldLow), words(newHigh, newLow)));
    }

    @Test
    void highBitsOfTheChecksumAndWordsAreIgnored() {
        assertThat(IncrementalChecksum.update16(0xABCD_DD2F, 0x7777_5555, 0x1111_3285))
                .isEqualTo(IncrementalChecksum.update16(0xDD2F, 0x5555, 0x3285));
        assertThat(IncrementalChecksum.update32(0x1_0000 | 0x1234, 1, 2))
                .isEqualTo(IncrementalChecksum.update32(0x1234, 1, 2));
    }

    private static int[] words(int v) {
        return new int[] {v >>> 16, v & 0xFFFF};
    }

    private static int[] words(long high, long low) {
        int[] w = new int[8];
        for (int i = 0; i < 4; i++) {
            w[i] = (int) (high >>> (48 - 16 * i)) & 0xFFFF;
            w[4 + i] = (int) (low >>> (48 - 16 * i)) & 0xFFFF;
        }
        return w;
    }
}
