package io.zerowire.processor.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.parse.ParseException;
import io.zerowire.processor.behaviour.widths.WidthLayoutCatalog;
import io.zerowire.processor.behaviour.widths.WidthLayoutCatalog.Field;
import io.zerowire.processor.behaviour.widths.WidthLayoutCatalog.Layout;
import io.zerowire.serialize.PacketBuilder;
import io.zerowire.serialize.Serializer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every field width 1..64 at every bit alignment 0..7, in both byte orders, through the code the
 * processor generated for the layouts in {@code behaviour.widths} (see {@code WidthLayoutGenerator}):
 * the builder's bytes, the view's getters and the view's in-place setters all agree with
 * {@link ReferenceBits}, a bit-at-a-time writer of the rule in {@code Endian}'s documentation.
 */
class WidthsAndAlignmentsTest {
    private static final List<Layout> ALL = concat(WidthLayoutCatalog.MAIN, WidthLayoutCatalog.TINY);
    private static final int MOST_FIELDS = ALL.stream().mapToInt(l -> l.fields().size()).max().orElseThrow();

    private static List<Layout> concat(List<Layout> a, List<Layout> b) {
        List<Layout> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    @Provide
    Arbitrary<Layout> mainLayouts() {
        return Arbitraries.of(WidthLayoutCatalog.MAIN);
    }

    @Provide
    Arbitrary<Layout> tinyLayouts() {
        return Arbitraries.of(WidthLayoutCatalog.TINY);
    }

    @Provide
    Arbitrary<Layout> allLayouts() {
        return Arbitraries.of(ALL);
    }

    /** Random field values, mixed with the values most likely to break masks and sign handling. */
    @Provide
    Arbitrary<long[]> randoms() {
        Arbitrary<Long> edges = Arbitraries.of(0L, -1L, 1L, Long.MIN_VALUE, Long.MAX_VALUE,
                0x5555_5555_5555_5555L, 0xAAAA_AAAA_AAAA_AAAAL, 0x8000_0000L, 0x7FFF_FFFFL);
        Arbitrary<Long> element = Arbitraries.oneOf(List.of(Arbitraries.longs(), Arbitraries.longs(), edges,
                Arbitraries.longs().between(-3, 3)));
        return element.array(long[].class).ofSize(MOST_FIELDS);
    }

    @Property(tries = 300)
    void everyWidthAtEveryAlignment(@ForAll("mainLayouts") Layout layout, @ForAll("randoms") long[] built,
            @ForAll("randoms") long[] edited, @ForAll boolean overridePadding, @ForAll long shuffle) throws Exception {
        roundTrip(layout, built, edited, overridePadding, shuffle);
    }

    @Property(tries = 600)
    void fieldsSpanningShortHeaders(@ForAll("tinyLayouts") Layout layout, @ForAll("randoms") long[] built,
            @ForAll("randoms") long[] edited, @ForAll boolean overridePadding, @ForAll long shuffle) throws Exception {
        roundTrip(layout, built, edited, overridePadding, shuffle);
    }

    /** Builder, reference, getters, setters and stale bytes for one layout and one set of values. */
    private static void roundTrip(Layout layout, long[] built, long[] edited, boolean overridePadding, long shuffle)
            throws ParseException {
        ReflectiveLayout generated = ReflectiveLayout.of(layout);
        List<Field> fields = layout.fields();
        assertThat(generated.fixedLength()).as("%s.FIXED_LENGTH", layout).isEqualTo(layout.byteLength());

        PacketBuilder builder = generated.newBuilder();
        byte[] expected = new byte[layout.byteLength()];
        long[] values = new long[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            long value = fieldValue(field, built[i]);
            if (field.reserved() && !overridePadding) {
                value = 0; // derived: the builder writes zero
            } else {
                generated.build(builder, field, value);
            }
            values[i] = value;
            ReferenceBits.put(expected, layout.little(), field.bitOffset(), field.width(), value);
        }
        byte[] serialized = ReflectiveLayout.serialize(builder);
        assertSameBits(layout, "builder output", serialized, expected);

        // No stale bytes: the same output over a buffer of zeros and one of all ones.
        Serializer serializer = Serializer.of(new byte[0]).encapsulate(builder);
        assertSameBits(layout, "serialized over 0x00", ReflectiveLayout.serializeInto(serializer, layout.byteLength() + 16,
                (byte) 0), expected);
        assertSameBits(layout, "serialized over 0xFF", ReflectiveLayout.serializeInto(serializer, layout.byteLength() + 16,
                (byte) 0xFF), expected);

        // The view reads back every value.
        PacketBuffer buffer = PacketBuffer.wrap(serialized.clone());
        Object view = generated.parse(buffer);
        assertThat(buffer.prefixLength()).isEqualTo(layout.byteLength());
        assertThat(buffer.bodyLength()).isZero();
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            assertThat(generated.get(view, field)).as("%s.%s() after building %s", layout, field.name(),
                    Long.toHexString(values[i])).isEqualTo(values[i]);
        }

        // toString shows every field, in order, as its getter returns it.
        StringBuilder text = new StringBuilder(generated.layer()).append('[');
        for (int i = 0; i < fields.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(fields.get(i).name()).append('=').append(values[i]);
        }
        assertThat(view.toString()).isEqualTo(text.append(']').toString());

        // In-place setters, in random order, write the same bits as the reference and nothing else.
        byte[] array = buffer.array();
        List<Integer> order = IntStream.range(0, fields.size()).boxed().collect(Collectors.toList());
        Collections.shuffle(order, new Random(shuffle));
        for (int i : order) {
            Field field = fields.get(i);
            long value = fieldValue(field, edited[i]);
            generated.set(view, field, value);
            values[i] = value;
            ReferenceBits.put(expected, layout.little(), field.bitOffset(), field.width(), value);
            assertSameBits(layout, "after set" + field.name() + "(" + value + ")", array, expected);
            assertThat(generated.get(view, field)).as("%s.%s() after its setter", layout, field.name()).isEqualTo(value);
        }
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            assertThat(generated.get(view, field)).as("%s.%s() after every setter", layout, field.name())
                    .isEqualTo(values[i]);
        }
    }

    /**
     * Each field owns exactly its bits: with one field all ones and the rest zero, and with one field
     * zero and the rest all ones, through the builder and through the view's setters, for every field
     * of every layout.
     */
    @Example
    void eachFieldOwnsExactlyItsBits() throws ParseException {
        for (Layout layout : ALL) {
            ReflectiveLayout generated = ReflectiveLayout.of(layout);
            List<Field> fields = layout.fields();
            byte[] allOnes = new byte[layout.byteLength()];
            Arrays.fill(allOnes, (byte) 0xFF);
            for (Field only : fields) {
                // Builder: only this field set.
                PacketBuilder lone = generated.newBuilder();
                generated.build(lone, only, ones(only));
                byte[] expected = new byte[layout.byteLength()];
                ReferenceBits.put(expected, layout.little(), only.bitOffset(), only.width(), -1L);
                assertSameBits(layout, "only " + only.name() + " all ones", ReflectiveLayout.serialize(lone), expected);

                // Builder: every field but this one set.
                PacketBuilder others = generated.newBuilder();
                for (Field field : fields) {
                    if (field != only) {
                        generated.build(others, field, ones(field));
                    }
                }
                byte[] complement = allOnes.clone();
                ReferenceBits.put(complement, layout.little(), only.bitOffset(), only.width(), 0L);
                assertSameBits(layout, "all but " + only.name() + " all ones", ReflectiveLayout.serialize(others),
                        complement);

                // View setters: set one field on zeros, clear one field on ones.
                byte[] zeros = new byte[layout.byteLength()];
                Object view = generated.parse(PacketBuffer.wrap(zeros));
                generated.set(view, only, ones(only));
                assertSameBits(layout, "set" + only.name() + "(all ones) over zeros", zeros, expected);
                assertThat(generated.get(view, only)).isEqualTo(ones(only));
                byte[] ones = allOnes.clone();
                view = generated.parse(PacketBuffer.wrap(ones));
                assertThat(generated.get(view, only)).isEqualTo(ones(only));
                generated.set(view, only, 0L);
                assertSameBits(layout, "set" + only.name() + "(0) over ones", ones, complement);
                assertThat(generated.get(view, only)).isZero();
            }
        }
    }

    /** Builders and setters refuse values that do not fit the field, and a refused setter writes nothing. */
    @Property(tries = 500)
    void valuesThatDoNotFitAreRejected(@ForAll("allLayouts") Layout layout, @ForAll("randoms") long[] randoms)
            throws ParseException {
        ReflectiveLayout generated = ReflectiveLayout.of(layout);
        byte[] bytes = new byte[layout.byteLength()];
        new Random(randoms[0]).nextBytes(bytes);
        Object view = generated.parse(PacketBuffer.wrap(bytes));
        byte[] before = bytes.clone();
        int checked = 0;
        for (int i = 0; i < layout.fields().size(); i++) {
            Field field = layout.fields().get(i);
            Long tooLarge = outOfRange(field, randoms[i]);
            if (tooLarge == null) {
                continue; // every value of the Java type fits: 64 bits, or a signed int of 32
            }
            checked++;
            long value = tooLarge;
            assertThatThrownBy(() -> generated.build(generated.newBuilder(), field, value))
                    .as("%s builder %s(%s)", layout, field.name(), value)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> generated.set(view, field, value))
                    .as("%s view set%s(%s)", layout, field.name(), value)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(bytes).as("bytes after a refused set%s", field.name()).isEqualTo(before);
        }
        assertThat(checked).isPositive();
    }

    /** A value of the field's Java type that its bits cannot hold, or null if there is none. */
    private static Long outOfRange(Field field, long random) {
        int width = field.width();
        int javaBits = field.isLong() ? 64 : 32;
        if (width == 64 || (field.signed() && width == javaBits)) {
            return null;
        }
        long magnitude = random & 0xFFFF;
        if (field.signed()) {
            long max = (1L << (width - 1)) - 1;
            long min = -(1L << (width - 1));
            long value = (random & 1) == 0 ? max + 1 + magnitude : min - 1 - magnitude;
            if (!field.isLong()) {
                value = Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
            }
            return value;
        }
        if (width == 31 && !field.isLong()) {
            return (long) (int) (random | 0x8000_0000L); // any negative int
        }
        long value = (random & ReferenceBits.mask(width)) | (1L << width) | ((random >>> 40) << width);
        return field.isLong() ? value : (long) (int) (value & 0x7FFF_FFFFL | (1L << width));
    }

    /** The value a field holds for a random number: its low bits, sign-extended when signed. */
    static long fieldValue(Field field, long random) {
        return field.signed()
                ? ReferenceBits.signExtend(random, field.width())
                : random & ReferenceBits.mask(field.width());
    }

    /** All of the field's bits set, as the getter returns it. */
    private static long ones(Field field) {
        return field.signed() ? -1L : ReferenceBits.mask(field.width());
    }

    /** Equal bytes, or a message that names every field whose bits differ. */
    static void assertSameBits(Layout layout, String what, byte[] actual, byte[] expected) {
        if (Arrays.equals(actual, expected)) {
            return;
        }
        StringBuilder message = new StringBuilder(layout + ", " + what + ": bytes differ");
        if (actual.length != expected.length) {
            message.append(" in length: ").append(actual.length).append(" != ").append(expected.length);
        } else {
            for (Field field : layout.fields()) {
                long is = ReferenceBits.get(actual, layout.little(), field.bitOffset(), field.width());
                long should = ReferenceBits.get(expected, layout.little(), field.bitOffset(), field.width());
                if (is != should) {
                    message.append("\n  ").append(field.name()).append(" (bits ").append(field.bitOffset()).append("+")
                            .append(field.width()).append("): expected 0x").append(Long.toHexString(should))
                            .append(", was 0x").append(Long.toHexString(is));
                }
            }
        }
        message.append("\n  expected ").append(ReferenceBits.hex(expected)).append("\n  actual   ")
                .append(ReferenceBits.hex(actual));
        throw new AssertionError(message.toString());
    }
}
