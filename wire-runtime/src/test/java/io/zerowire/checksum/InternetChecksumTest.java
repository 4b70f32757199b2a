package io.zerowire.checksum;

import static io.zerowire.checksum.ChecksumReference.hex;
import static io.zerowire.checksum.ChecksumReference.sumByteByByte;
import static io.zerowire.checksum.ChecksumReference.sumWordByWord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class InternetChecksumTest {

    /** Lengths whose every split point is tried: every length from 0 to 2000. */
    private static final int[] SPLIT_LENGTHS = IntStream.rangeClosed(0, 2000).toArray();

    private final Random random = new Random(0x1071);

    // --- Known values -------------------------------------------------------------------------

    @Test
    void rfc1071Section3Example() {
        // RFC 1071 section 3, "Numerical Examples": 0001 + f203 + f4f5 + f6f7 = 2ddf0, folded ddf2.
        byte[] data = hex("00 01 f2 03 f4 f5 f6 f7");

        InternetChecksum c = new InternetChecksum().add(data, 0, data.length);
        assertThat(c.sum()).isEqualTo(0xddf2);
        assertThat(c.checksum()).isEqualTo(0x220d);
        assertThat(InternetChecksum.sum(data, 0, data.length)).isEqualTo(0xddf2);
        assertThat(InternetChecksum.compute(data, 0, data.length)).isEqualTo(0x220d);
    }

    @Test
    void rfc1071Section3ExampleInSwappedByteOrder() {
        // The same example summed in swapped order gives the swapped sum, f2dd (RFC 1071 property B).
        byte[] swapped = hex("01 00 03 f2 f5 f4 f7 f6");

        assertThat(InternetChecksum.sum(swapped, 0, swapped.length)).isEqualTo(0xf2dd);
    }

    @Test
    void realIpv4HeaderVerifiesAndRecomputesToItsStoredChecksum() {
        // The IPv4 header that Wikipedia's "Internet checksum" article works through: checksum b861.
        byte[] header = hex("45 00 00 73 00 00 40 00 40 11 b8 61 c0 a8 00 01 c0 a8 00 c7");

        assertThat(InternetChecksum.verify(header, 0, 20)).isTrue();
        assertThat(new InternetChecksum().add(header, 0, 20).verify()).isTrue();
        assertThat(InternetChecksum.sum(header, 0, 20)).isEqualTo(0xFFFF);

        byte[] zeroed = header.clone();
        zeroed[10] = 0;
        zeroed[11] = 0;
        assertThat(InternetChecksum.compute(zeroed, 0, 20)).isEqualTo(0xb861);
        assertThat(InternetChecksum.verify(zeroed, 0, 20)).isFalse();
    }

    @Test
    void everySingleBitErrorInAHeaderFailsVerification() {
        byte[] header = hex("45 00 00 73 00 00 40 00 40 11 b8 61 c0 a8 00 01 c0 a8 00 c7");
        for (int bit = 0; bit < header.length * 8; bit++) {
            byte[] damaged = header.clone();
            damaged[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
            assertThat(InternetChecksum.verify(damaged, 0, damaged.length)).as("bit %d flipped", bit).isFalse();
        }
    }

    @Test
    void nothingAddedSumsToZero() {
        InternetChecksum c = new InternetChecksum();
        assertThat(c.sum()).isZero();
        assertThat(c.checksum()).isEqualTo(0xFFFF);
        assertThat(c.verify()).isFalse();
        assertThat(InternetChecksum.sum(new byte[0], 0, 0)).isZero();
        assertThat(InternetChecksum.compute(new byte[0], 0, 0)).isEqualTo(0xFFFF);
    }

    @Test
    void allZeroDataSumsToPositiveZero() {
        byte[] zeros = new byte[1001];
        assertThat(InternetChecksum.sum(zeros, 0, zeros.length)).isZero();
        assertThat(InternetChecksum.compute(zeros, 0, zeros.length)).isEqualTo(0xFFFF);
        assertThat(InternetChecksum.verify(zeros, 0, zeros.length)).isFalse();
    }

    @Test
    void carriesWrapAroundAndNonZeroDataNeverSumsToZero() {
        assertThat(InternetChecksum.sum(hex("ff ff"), 0, 2)).isEqualTo(0xFFFF);
        assertThat(InternetChecksum.sum(hex("ff ff 00 01"), 0, 4)).isEqualTo(0x0001);
        assertThat(InternetChecksum.sum(hex("80 00 80 00"), 0, 4)).isEqualTo(0x0001);
        assertThat(InternetChecksum.sum(hex("ff fe 00 01"), 0, 4)).isEqualTo(0xFFFF);
        // Eight words of ffff in one 8-byte read pair: 0x7fff8 folds to 0xffff, not 0.
        byte[] ones = new byte[16];
        Arrays.fill(ones, (byte) 0xFF);
        assertThat(InternetChecksum.sum(ones, 0, 16)).isEqualTo(0xFFFF);
        assertThat(InternetChecksum.compute(ones, 0, 16)).isZero();
    }

    @Test
    void aSumThatNeedsEveryFoldStep() {
        // Crafted so that adding the 32-bit halves of the big-endian longs gives exactly
        // 0x0001_0000_ffff_ffff: 32768 longs of all ones (0x1_ffff_fffe each) and one
        // ffffffff_00010000. Folding that to 16 bits takes four end-around carry steps
        // (0x1_0000_ffff, 0x1_ffff, 0x1_0000, 0x0001); stopping one short would return 0x10000.
        byte[] data = new byte[8 * 32768 + 8];
        Arrays.fill(data, 0, 8 * 32768, (byte) 0xFF);
        System.arraycopy(hex("ff ff ff ff 00 01 00 00"), 0, data, 8 * 32768, 8);

        assertThat(sumByteByByte(data)).isEqualTo(0x0001);
        assertThat(InternetChecksum.sum(data, 0, data.length)).isEqualTo(0x0001);
        assertThat(InternetChecksum.compute(data, 0, data.length)).isEqualTo(0xFFFE);
        assertThat(new InternetChecksum().add(data, 0, data.length).sum()).isEqualTo(0x0001);
    }

    @Test
    void oddLengthIsPaddedWithAZeroLowByte() {
        assertThat(InternetChecksum.sum(hex("ab"), 0, 1)).isEqualTo(0xab00);
        assertThat(InternetChecksum.sum(hex("00 01 f2"), 0, 3)).isEqualTo(0xf201);
        assertThat(new InternetChecksum().add(hex("12 34 56"), 0, 3).sum()).isEqualTo(0x1234 + 0x5600);
    }

    @Test
    void manyMegabytesOfOnesDoNotLoseCarries() {
        // 16 MiB + 3 bytes of 0xff: every 32-bit half added is 0xffffffff, the worst case for carries.
        byte[] ones = new byte[(16 << 20) + 3];
        Arrays.fill(ones, (byte) 0xFF);
        assertThat(InternetChecksum.sum(ones, 0, ones.length)).isEqualTo(sumByteByByte(ones));
        // words of ffff sum to ffff; the odd last byte adds ff00, and ffff + ff00 = ff00 after the carry
        assertThat(InternetChecksum.sum(ones, 0, ones.length)).isEqualTo(0xFF00);
        assertThat(InternetChecksum.sum(ones, 1, ones.length - 1)).isEqualTo(0xFFFF);
        // and through the accumulator, in several pieces, 64 MiB in total
        InternetChecksum c = new InternetChecksum();
        for (int i = 0; i < 4; i++) {
            c.add(ones, 0, ones.length - 3);
        }
        assertThat(c.sum()).isEqualTo(0xFFFF);
    }

    @Test
    void largeRandomDataMatchesTheReference() {
        byte[] data = randomBytes((1 << 20) + 7);
        assertThat(InternetChecksum.sum(data, 0, data.length)).isEqualTo(sumByteByByte(data));
        assertThat(InternetChecksum.sum(data, 3, data.length - 3)).isEqualTo(sumByteByByte(data, 3, data.length - 3));
    }

    @Test
    void theTwoReferencesAgree() {
        // Guards the references themselves: two different naive readings of RFC 1071 must agree.
        for (int length = 0; length <= 300; length++) {
            byte[] data = randomBytes(length);
            assertThat(sumWordByWord(data, 0, length)).isEqualTo(sumByteByByte(data, 0, length));
        }
        byte[] ones = new byte[64];
        Arrays.fill(ones, (byte) 0xFF);
        assertThat(sumWordByWord(ones, 0, 64)).isEqualTo(sumByteByByte(ones, 0, 64)).isEqualTo(0xFFFF);
    }

    // --- Every length, every offset, every split ------------------------------------------------

    @Test
    void everyLengthAtEveryUnalignedOffsetMatchesTheReference() {
        for (int length = 0; length <= 2000; length++) {
            for (int offset = 0; offset <= 7; offset++) {
                // random bytes around the range too: a read outside it would change the result
                byte[] data = randomBytes(offset + length + 9);
                int expected = sumWordByWord(data, offset, length);

                assertThat(InternetChecksum.sum(data, offset, length))
                        .as("length %d offset %d", length, offset).isEqualTo(expected);
                assertThat(InternetChecksum.compute(data, offset, length)).isEqualTo(~expected & 0xFFFF);
                InternetChecksum c = new InternetChecksum().add(data, offset, length);
                assertThat(c.sum()).as("length %d offset %d", length, offset).isEqualTo(expected);
                assertThat(c.checksum()).isEqualTo(~expected & 0xFFFF);
            }
        }
    }

    @Test
    void sameBytesAtAnyOffsetGiveTheSameSum() {
        byte[] payload = randomBytes(1499);
        int expected = InternetChecksum.sum(payload, 0, payload.length);
        for (int offset = 1; offset <= 15; offset++) {
            byte[] shifted = new byte[offset + payload.length];
            System.arraycopy(payload, 0, shifted, offset, payload.length);
            assertThat(InternetChecksum.sum(shifted, offset, payload.length)).isEqualTo(expected);
        }
    }

    @Test
    void everyTwoWaySplitEqualsOneAdd() {
        InternetChecksum c = new InternetChecksum();
        for (int length : SPLIT_LENGTHS) {
            int offset = random.nextInt(8);
            byte[] data = randomBytes(offset + length + 3);
            int expected = sumByteByByte(data, offset, length);
            for (int split = 0; split <= length; split++) {
                c.reset()
                        .add(data, offset, split)
                        .add(data, offset + split, length - split);
                if (c.sum() != expected) { // two million splits: assert only on a mismatch, to stay fast
                    assertThat(c.sum()).as("length %d split at %d", length, split).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void everyThreeWaySplitOfShortDataEqualsOneAdd() {
        InternetChecksum c = new InternetChecksum();
        for (int length = 0; length <= 48; length++) {
            byte[] data = randomBytes(length + 1);
            int expected = sumByteByByte(data, 1, length);
            for (int i = 0; i <= length; i++) {
                for (int j = i; j <= length; j++) {
                    c.reset().add(data, 1, i).add(data, 1 + i, j - i).add(data, 1 + j, length - j);
                    assertThat(c.sum()).as("length %d split at %d and %d", length, i, j).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void randomThreeWaySplitsOfLongDataEqualOneAdd() {
        InternetChecksum c = new InternetChecksum();
        byte[] data = randomBytes(1500);
        int expected = sumByteByByte(data);
        for (int n = 0; n < 3000; n++) {
            int i = random.nextInt(1501);
            int j = i + random.nextInt(1501 - i);
            c.reset().add(data, 0, i).add(data, i, j - i).add(data, j, 1500 - j);
            assertThat(c.sum()).as("split at %d and %d", i, j).isEqualTo(expected);
        }
    }

    @Test
    void oneByteAtATimeEqualsOneAdd() {
        for (int length = 0; length <= 100; length++) {
            byte[] data = randomBytes(length);
            InternetChecksum bytes = new InternetChecksum();
            InternetChecksum u8 = new InternetChecksum();
            for (int k = 0; k < length; k++) {
                bytes.add(data, k, 1);
                u8.addU8(data[k]);
            }
            assertThat(bytes.sum()).as("length %d", length).isEqualTo(sumByteByByte(data));
            assertThat(u8.sum()).as("length %d", length).isEqualTo(sumByteByByte(data));
        }
    }

    @Property
    void anySplitIntoPiecesEqualsTheReference(
            @ForAll @Size(max = 3000) byte[] data, @ForAll @Size(max = 12) List<@IntRange(max = 3000) Integer> cuts) {
        int[] points = IntStream.concat(
                        IntStream.of(0, data.length),
                        cuts.stream().mapToInt(x -> Math.min(x, data.length)))
                .sorted()
                .toArray();
        InternetChecksum c = new InternetChecksum();
        for (int k = 1; k < points.length; k++) {
            c.add(data, points[k - 1], points[k] - points[k - 1]);
        }
        assertThat(c.sum()).isEqualTo(sumByteByByte(data));
        assertThat(c.checksum()).isEqualTo(0xFFFF - sumByteByByte(data));
    }

    // --- Values that are not in the array -------------------------------------------------------

    @Property
    void addU16IsTheSameAsAddingItsTwoBigEndianBytes(
            @ForAll @Size(max = 9) byte[] before, @ForAll int value, @ForAll @Size(max = 9) byte[] after) {
        // 'before' of odd length puts the value at an odd position in the stream
        byte[] bytes = {(byte) (value >>> 8), (byte) value};
        InternetChecksum expected = new InternetChecksum().add(before, 0, before.length)
                .add(bytes, 0, 2).add(after, 0, after.length);
        InternetChecksum actual = new InternetChecksum().add(before, 0, before.length)
                .addU16(value).add(after, 0, after.length);
        assertThat(actual.sum()).isEqualTo(expected.sum());
        assertThat(actual.sum()).isEqualTo(sumByteByByte(ChecksumReference.concat(before, bytes, after)));
    }

    @Property
    void addU32IsTheSameAsAddingItsFourBigEndianBytes(
            @ForAll @Size(max = 9) byte[] before, @ForAll int value, @ForAll @Size(max = 9) byte[] after) {
        byte[] bytes = new byte[4];
        ChecksumReference.putU32(bytes, 0, value);
        InternetChecksum actual = new InternetChecksum().add(before, 0, before.length)
                .addU32(value).add(after, 0, after.length);
        assertThat(actual.sum()).isEqualTo(sumByteByByte(ChecksumReference.concat(before, bytes, after)));
    }

    @Property
    void addU64IsTheSameAsAddingItsEightBigEndianBytes(
            @ForAll @Size(max = 9) byte[] before, @ForAll long value, @ForAll @Size(max = 9) byte[] after) {
        byte[] bytes = new byte[8];
        ChecksumReference.putU64(bytes, 0, value);
        InternetChecksum actual = new InternetChecksum().add(before, 0, before.length)
                .addU64(value).add(after, 0, after.length);
        assertThat(actual.sum()).isEqualTo(sumByteByByte(ChecksumReference.concat(before, bytes, after)));
    }

    @Property
    void addU8IsTheSameAsAddingOneByte(
            @ForAll @Size(max = 9) byte[] before, @ForAll int value, @ForAll @Size(max = 9) byte[] after) {
        InternetChecksum actual = new InternetChecksum().add(before, 0, before.length)
                .addU8(value).add(after, 0, after.length);
        byte[] bytes = {(byte) value};
        assertThat(actual.sum()).isEqualTo(sumByteByByte(ChecksumReference.concat(before, bytes, after)));
    }

    @Test
    void valuesInTheHighBitsAreIgnored() {
        assertThat(new InternetChecksum().addU16(0xABCD_1234).sum()).isEqualTo(0x1234);
        assertThat(new InternetChecksum().addU8(0x1FF).addU8(0x7700).sum()).isEqualTo(0xFF00);
    }

    // --- Verification of data that includes its checksum ------------------------------------------

    @Property
    void writingTheChecksumIntoItsFieldMakesTheDataVerify(
            @ForAll @Size(min = 2, max = 200) byte[] data, @ForAll @IntRange(max = 99) int fieldWord) {
        int field = 2 * Math.min(fieldWord, data.length / 2 - 1);
        data[field] = 0;
        data[field + 1] = 0;
        int checksum = InternetChecksum.compute(data, 0, data.length);
        ChecksumReference.putU16(data, field, checksum);

        assertThat(InternetChecksum.verify(data, 0, data.length)).isTrue();
        assertThat(new InternetChecksum().add(data, 0, data.length).verify()).isTrue();
        assertThat(InternetChecksum.sum(data, 0, data.length)).isEqualTo(0xFFFF);
    }

    // --- Reuse and bad arguments -----------------------------------------------------------------

    @Test
    void resetForgetsTheSumAndAPendingOddByte() {
        byte[] data = randomBytes(64);
        InternetChecksum c = new InternetChecksum().add(data, 0, 33).addU8(0x55);
        c.reset().add(data, 0, 64);
        assertThat(c.sum()).isEqualTo(sumByteByByte(data));

        c.add(data, 0, 1).reset().addU16(0x1234);
        assertThat(c.sum()).isEqualTo(0x1234);
    }

    @Test
    void rangesOutsideTheArrayAreRejectedAndChangeNothing() {
        byte[] data = randomBytes(16);
        InternetChecksum c = new InternetChecksum().add(data, 0, 5);
        int before = c.sum();

        assertThatThrownBy(() -> c.add(data, -1, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> c.add(data, 0, 17)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> c.add(data, 16, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> c.add(data, 8, -1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> c.add(data, Integer.MAX_VALUE, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> c.add(null, 0, 0)).isInstanceOf(NullPointerException.class);
        assertThat(c.sum()).isEqualTo(before);
        // the pending odd byte is still pending: the next byte completes its word
        c.add(data, 5, 11);
        assertThat(c.sum()).isEqualTo(sumByteByByte(data));

        assertThatThrownBy(() -> InternetChecksum.sum(data, 10, 7)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> InternetChecksum.compute(data, -2, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> InternetChecksum.verify(data, 0, 20)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void emptyRangeAtTheEndOfTheArrayIsAllowed() {
        byte[] data = randomBytes(8);
        assertThat(InternetChecksum.sum(data, 8, 0)).isZero();
        assertThat(new InternetChecksum().add(data, 8, 0).sum()).isZero();
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
