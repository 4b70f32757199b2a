package io.zerowire.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerowire.options.OptionFormat.Padding;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;

/**
 * Hostile regions for every format end in a consistent iteration or a {@link ParseException}, and
 * built regions are independent of the output buffer's old bytes and read back to what was added.
 */
class OptionsPropertyTest {

    /** Two-byte little-endian kind, one-byte length of the value in units of 2, values aligned to 4, a TLV end of list. */
    static final OptionFormat CUSTOM_WIDE = OptionFormat.builder()
            .name("custom-wide")
            .kindSize(2)
            .lengthSize(1)
            .byteOrder(ByteOrder.LITTLE_ENDIAN)
            .lengthIncludesHeader(false)
            .lengthUnit(2)
            .valueAlignment(4)
            .endOfListKind(0xFFFF)
            .padding(Padding.END_OF_LIST_THEN_ZEROS)
            .regionAlignment(8)
            .maxOptions(20)
            .build();

    /** One-byte kind, two-byte length counting the whole option, Pad1/PadN padding with unusual kinds. */
    static final OptionFormat CUSTOM_LONG_LENGTH = OptionFormat.builder()
            .name("custom-long-length")
            .lengthSize(2)
            .lengthIncludesHeader(true)
            .singleByteKinds(0x7f)
            .padding(Padding.PAD1_PADN)
            .pad1Kind(0x7f)
            .padNKind(0x7e)
            .regionAlignment(8)
            .maxOptions(30)
            .build();

    static final OptionFormat[] FORMATS = {
        Formats.IPV4, Formats.TCP, Formats.IPV6_EXTENSION, Formats.NDP,
        Formats.PCAPNG_BIG_ENDIAN, Formats.PCAPNG_LITTLE_ENDIAN, Formats.GENEVE, Formats.NSH, CUSTOM_WIDE,
        CUSTOM_LONG_LENGTH
    };

    @Provide
    Arbitrary<OptionFormat> formats() {
        return Arbitraries.of(FORMATS);
    }

    /** Any bytes, or bytes biased to the small values that make plausible kinds and lengths. */
    @Provide
    Arbitrary<byte[]> regions() {
        Arbitrary<Byte> any = Arbitraries.bytes();
        Arbitrary<Byte> small = Arbitraries.integers().between(0, 12).map(Integer::byteValue);
        Arbitrary<Byte> mixed = Arbitraries.frequencyOf(Tuple.of(1, any), Tuple.of(4, small));
        return Arbitraries.oneOf(
                any.array(byte[].class).ofMaxSize(80),
                mixed.array(byte[].class).ofMaxSize(80));
    }

    /** An option to add: a seed for its kind, a value, and which add method to use. */
    record Op(int kindSeed, byte[] value, int shape) {}

    @Provide
    Arbitrary<List<Op>> ops() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 0xFFFF),
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(24),
                        Arbitraries.integers().between(0, 9))
                .as(Op::new)
                .list()
                .ofMaxSize(12);
    }

    // ---- hostile input ----

    @Property(tries = 4000)
    void randomRegionsIterateConsistentlyOrThrowParseException(
            @ForAll("formats") OptionFormat format,
            @ForAll("regions") byte[] region,
            @ForAll @IntRange(max = 9) int lead,
            @ForAll @IntRange(min = -100, max = 100) int errorBase) {
        checkRegion(format, region, lead, errorBase);
        // Not vacuous: some random regions must be valid lists with options in them (about 5% are;
        // the corrupted-list property below reaches valid lists far more often).
        Statistics.label("outcome").coverage(c -> {
            c.check("options").percentage(p -> p > 2);
            c.check("malformed").percentage(p -> p > 10);
        });
    }

    /** Valid lists with one byte changed, to reach the checks deep in a list. */
    @Property(tries = 3000)
    void corruptedBuiltRegionsIterateConsistentlyOrThrowParseException(
            @ForAll("formats") OptionFormat format,
            @ForAll("ops") List<Op> ops,
            @ForAll @IntRange(max = 1000) int where,
            @ForAll byte newValue,
            @ForAll @IntRange(max = 3) int truncate) {
        OptionsBuilder builder = new OptionsBuilder(format);
        addAll(builder, format, ops, new ArrayList<>());
        int length = builder.regionLength(fixedHeaderFor(format, 0));
        byte[] region = new byte[length];
        builder.write(region, 0, length);
        if (length > 0) {
            region[where % length] = newValue;
            region = Arrays.copyOf(region, Math.max(0, length - truncate));
        }
        checkRegion(format, region, 3, 0);
        Statistics.label("outcome").coverage(c -> {
            c.check("options").percentage(p -> p > 10);
            c.check("malformed").percentage(p -> p > 10);
        });
    }

    /** The outcome of walking a region: the options seen, or the error's offset and detail. */
    record Outcome(List<OptionBytes.Seen> seen, int listEnd, boolean endOfList, int errorOffset, String detail) {}

    private static void checkRegion(OptionFormat format, byte[] region, int lead, int errorBase) {
        // Exactly sized: any read past the region is an ArrayIndexOutOfBoundsException that fails the property.
        Outcome exact = walk(format, region, 0, region.length, errorBase);
        // Embedded after `lead` junk bytes and before 9 more: the region's bytes alone decide.
        byte[] embedded = new byte[lead + region.length + 9];
        Arrays.fill(embedded, (byte) 0x02);
        System.arraycopy(region, 0, embedded, lead, region.length);
        Outcome shifted = walk(format, embedded, lead, lead + region.length, errorBase);

        assertThat(shifted.errorOffset()).isEqualTo(exact.errorOffset());
        assertThat(shifted.detail()).isEqualTo(exact.detail());
        assertThat(shifted.listEnd()).isEqualTo(exact.listEnd());
        assertThat(shifted.endOfList()).isEqualTo(exact.endOfList());
        assertThat(shifted.seen()).extracting(OptionBytes.Seen::kind)
                .isEqualTo(exact.seen().stream().map(OptionBytes.Seen::kind).toList());
        if (exact.detail() != null) {
            assertThat(exact.errorOffset()).isBetween(errorBase, errorBase + region.length - 1);
        }
        Statistics.label("outcome").collect(exact.detail() != null ? "malformed" : exact.seen().isEmpty() ? "no options" : "options");
    }

    private static Outcome walk(OptionFormat format, byte[] array, int start, int end, int errorBase) {
        OptionsIterator it = new OptionsIterator();
        int validated;
        try {
            validated = OptionsIterator.validate(array, start, end, format, "layer", errorBase);
        } catch (ParseException e) {
            assertThat(e.kind()).isEqualTo(ParseErrorKind.MALFORMED);
            assertThat(e.layer()).isEqualTo("layer");
            assertThat(e.field()).isEqualTo("options");
            // reset fails the same way
            assertThatThrownBy(() -> it.reset(array, start, end, format, "layer", errorBase))
                    .isInstanceOfSatisfying(ParseException.class, r -> {
                        assertThat(r.offset()).isEqualTo(e.offset());
                        assertThat(r.detail()).isEqualTo(e.detail());
                    });
            assertThat(it.next()).isFalse();
            return new Outcome(List.of(), -1, false, e.offset(), e.detail());
        }
        try {
            it.reset(array, start, end, format, "layer", errorBase);
        } catch (ParseException e) {
            throw new AssertionError("validate accepted what reset rejected", e);
        }
        List<OptionBytes.Seen> seen = OptionBytes.iterate(it);
        assertThat(seen).hasSize(it.count()).hasSize(validated);
        // A view's path: validate once, keep the summary, position the iterator without a second walk.
        OptionsIterator summarized = new OptionsIterator();
        try {
            summarized.resetValidated(array, start, end, format,
                    OptionsIterator.validateList(array, start, end, format, "layer", errorBase));
        } catch (ParseException e) {
            throw new AssertionError("validateList rejected what validate accepted", e);
        }
        assertThat(OptionBytes.iterate(summarized)).isEqualTo(seen);
        assertThat(summarized.count()).isEqualTo(it.count());
        assertThat(summarized.listEnd()).isEqualTo(it.listEnd());
        assertThat(it.count()).isLessThanOrEqualTo(format.maxOptions());
        int expectedOffset = start;
        for (OptionBytes.Seen s : seen) {
            assertThat(s.offset()).isEqualTo(expectedOffset); // strictly increasing, no gaps
            assertThat(s.length()).isPositive();
            assertThat(s.valueOffset()).isGreaterThan(s.offset());
            assertThat(s.valueLength()).isNotNegative();
            assertThat(s.valueOffset() + s.valueLength()).isLessThanOrEqualTo(s.offset() + s.length());
            assertThat(s.kind()).isNotEqualTo(format.endOfListKind());
            expectedOffset += s.length();
        }
        assertThat(expectedOffset).as("sum of lengths").isEqualTo(it.listEnd());
        assertThat(it.listEnd()).isBetween(start, end);
        if (it.hasEndOfList()) {
            int kind = format.kindBitWidth() == 8 ? array[it.listEnd()] & 0xFF
                    : format.byteOrder() == ByteOrder.BIG_ENDIAN
                            ? (array[it.listEnd()] & 0xFF) << 8 | (array[it.listEnd() + 1] & 0xFF)
                            : (array[it.listEnd() + 1] & 0xFF) << 8 | (array[it.listEnd()] & 0xFF);
            assertThat(kind).isEqualTo(format.endOfListKind());
        }
        // Every declared value byte is readable, the one after it is not.
        it.rewind();
        while (it.next()) {
            if (it.valueLength() > 0) {
                it.valueU8(it.valueLength() - 1);
            }
            int afterValue = it.valueLength();
            assertThatThrownBy(() -> it.valueU8(afterValue)).isInstanceOf(IndexOutOfBoundsException.class);
        }
        it.rewind();
        assertThat(OptionBytes.iterate(it)).isEqualTo(seen);
        return new Outcome(seen, it.listEnd() - start, it.hasEndOfList(), Integer.MIN_VALUE, null);
    }

    // ---- building ----

    /** What an option should read back as. */
    record Expected(int kind, int shape, byte[] value, long number) {}

    @Property(tries = 3000)
    void builtRegionsIgnoreStaleBytesAndIterateBack(
            @ForAll("formats") OptionFormat format,
            @ForAll("ops") List<Op> ops,
            @ForAll("ops") List<Op> previous,
            @ForAll boolean endOfList,
            @ForAll @IntRange(max = 12) int fixed) throws ParseException {
        // A builder that held other options before, so stale bytes sit in its internal array too.
        OptionsBuilder builder = new OptionsBuilder(format, 0);
        addAll(builder, format, previous, new ArrayList<>());
        builder.clear();

        List<Expected> expected = new ArrayList<>();
        addAll(builder, format, ops, expected);
        if (endOfList && format.hasEndOfList()) {
            builder.addEndOfList();
        }
        int fixedHeaderLength = fixedHeaderFor(format, fixed);
        int region = builder.regionLength(fixedHeaderLength);
        assertThat((fixedHeaderLength + region) % format.regionAlignment()).isZero();
        assertThat(region).isGreaterThanOrEqualTo(builder.encodedLength());
        assertThat(region - builder.encodedLength()).isLessThan(format.regionAlignment() + 8);

        byte[] zeros = new byte[region + 6];
        byte[] ones = new byte[region + 6];
        Arrays.fill(ones, (byte) 0xFF);
        builder.write(zeros, 3, region);
        builder.write(ones, 3, region);
        assertThat(Arrays.copyOfRange(ones, 3, 3 + region)).isEqualTo(Arrays.copyOfRange(zeros, 3, 3 + region));
        assertThat(Arrays.copyOfRange(zeros, 0, 3)).containsOnly((byte) 0);
        assertThat(Arrays.copyOfRange(ones, region + 3, region + 6)).containsOnly((byte) 0xFF);

        OptionsIterator it = new OptionsIterator();
        it.reset(ones, 3, 3 + region, format, "built", 0);
        for (Expected e : expected) {
            assertThat(it.next()).isTrue();
            assertThat(it.kind()).isEqualTo(e.kind());
            switch (e.shape()) {
                case 1 -> assertThat(it.valueU8(0)).isEqualTo((int) e.number());
                case 2 -> assertThat(it.valueU16(0)).isEqualTo((int) e.number());
                case 3 -> assertThat(it.valueU32(0)).isEqualTo(e.number());
                default -> {
                    byte[] value = Arrays.copyOfRange(ones, it.valueOffset(), it.valueOffset() + it.valueLength());
                    assertThat(value.length).isGreaterThanOrEqualTo(e.value().length);
                    assertThat(value.length - e.value().length).isLessThan(Math.max(8, format.lengthUnit()));
                    assertThat(Arrays.copyOf(value, e.value().length)).isEqualTo(e.value());
                    assertZeros(Arrays.copyOfRange(value, e.value().length, value.length));
                }
            }
        }
        // Whatever follows is region padding.
        while (it.next()) {
            assertThat(format.padding()).isEqualTo(Padding.PAD1_PADN);
            assertThat(it.kind()).isIn(format.pad1Kind(), format.padNKind());
            assertZeros(Arrays.copyOfRange(ones, it.valueOffset(), it.valueOffset() + it.valueLength()));
        }
        boolean ended = builder.isEnded();
        if (format.hasEndOfList()) {
            assertThat(it.hasEndOfList()).isEqualTo(ended || region > builder.encodedLength());
        }
        if (format.padding() != Padding.PAD1_PADN) {
            int listBytes = builder.encodedLength() - (ended ? endOfListSize(format) : 0);
            assertThat(it.listEnd() - 3).isEqualTo(listBytes);
        }
    }

    private static void assertZeros(byte[] bytes) {
        assertThat(bytes).isEqualTo(new byte[bytes.length]);
    }

    private static int endOfListSize(OptionFormat format) {
        return new OptionsBuilder(format).addEndOfList().encodedLength();
    }

    /** NDP, GENEVE and NSH cannot pad: they only follow headers that are a multiple of their alignment. */
    private static int fixedHeaderFor(OptionFormat format, int fixed) {
        boolean unpaddable = format == Formats.NDP || format == Formats.GENEVE || format == Formats.NSH;
        return unpaddable ? format.regionAlignment() * fixed : fixed;
    }

    private static void addAll(OptionsBuilder builder, OptionFormat format, List<Op> ops, List<Expected> expected) {
        int[] singles = singleByteKinds(format);
        for (Op op : ops) {
            int seed = op.kindSeed();
            if (op.shape() == 0 && singles.length > 0) {
                int kind = singles[seed % singles.length];
                builder.addSingleByte(kind);
                expected.add(new Expected(kind, 0, new byte[0], 0));
                continue;
            }
            int kind = ordinaryKind(format, seed);
            switch (op.shape()) {
                case 1 -> {
                    builder.addU8(kind, seed);
                    expected.add(new Expected(kind, 1, null, seed & 0xFF));
                }
                case 2 -> {
                    builder.addU16(kind, seed * 31);
                    expected.add(new Expected(kind, 2, null, (seed * 31) & 0xFFFF));
                }
                case 3 -> {
                    long number = (seed * 2_654_435_761L) & 0xFFFF_FFFFL;
                    builder.addU32(kind, number);
                    expected.add(new Expected(kind, 3, null, number));
                }
                default -> {
                    builder.add(kind, op.value());
                    expected.add(new Expected(kind, 4, op.value(), 0));
                }
            }
        }
    }

    /** A kind that is neither single-byte nor the end of the list. */
    private static int ordinaryKind(OptionFormat format, int seed) {
        int kind = seed % (format.maxKind() + 1);
        while (format.isSingleByte(kind) || kind == format.endOfListKind()) {
            kind = (kind + 1) % (format.maxKind() + 1);
        }
        return kind;
    }

    /** The single-byte kinds other than the end of the list. */
    private static int[] singleByteKinds(OptionFormat format) {
        int[] kinds = new int[256];
        int n = 0;
        for (int k = 0; k < 256; k++) {
            if (format.isSingleByte(k) && k != format.endOfListKind()) {
                kinds[n++] = k;
            }
        }
        return Arrays.copyOf(kinds, n);
    }
}
