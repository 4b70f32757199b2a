package io.zerowire.processor.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.parse.ParseException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Optional fields of odd widths, signed, little-endian: what the builder writes reads back, at the bytes expected. */
class OptionalWidthsTest {

    @Property(tries = 300)
    void builtFieldsReadBackAtTheirPlaces(@ForAll boolean a, @ForAll boolean b, @ForAll boolean c,
            @ForAll @IntRange(min = -128, max = 127) int small, @ForAll @IntRange(max = 0xFF_FFFF) int medium,
            @ForAll int signed32, @ForAll @LongRange(min = -(1L << 55), max = (1L << 55) - 1) long large,
            @ForAll long full) throws ParseException {
        OptionalWidthsBuilder builder = new OptionalWidthsBuilder().rest(0x15);
        if (a) {
            builder.small(small).full(full);
        }
        if (b) {
            builder.medium(medium).signed32(signed32);
        }
        if (c) {
            builder.large(large);
        }
        byte[] bytes = Packets.build(new byte[] {0x77}, builder);
        int length = 1 + (a ? 9 : 0) + (b ? 7 : 0) + (c ? 7 : 0);
        assertThat(bytes).hasSize(length + 1);
        // Little-endian bit order: a is bit 0 of byte 0.
        assertThat(bytes[0] & 0xFF).isEqualTo((a ? 1 : 0) | (b ? 2 : 0) | (c ? 4 : 0) | 0x15 << 3);
        int at = 1;
        if (a) {
            assertThat(bytes[at]).isEqualTo((byte) small);
            at++;
        }
        if (b) {
            assertThat(ReferenceBits.get(bytes, true, at * 8, 24)).isEqualTo(medium);
            at += 7;
        }
        if (c) {
            assertThat(ReferenceBits.get(bytes, true, at * 8, 56)).isEqualTo(large & ((1L << 56) - 1));
            at += 7;
        }
        if (a) {
            assertThat(ReferenceBits.get(bytes, true, at * 8, 64)).isEqualTo(full);
        }

        OptionalWidths view = OptionalWidths.parse(PacketBuffer.wrap(bytes));
        assertThat(view.headerLength()).isEqualTo(length);
        assertThat(view.bodyLength()).isEqualTo(1);
        assertThat(view.hasSmall()).isEqualTo(a);
        assertThat(view.hasMedium()).isEqualTo(b);
        assertThat(view.hasLarge()).isEqualTo(c);
        if (a) {
            assertThat(view.small()).isEqualTo(small);
            assertThat(view.full()).isEqualTo(full);
        }
        if (b) {
            assertThat(view.medium()).isEqualTo(medium);
            assertThat(view.signed32()).isEqualTo(signed32);
        }
        if (c) {
            assertThat(view.large()).isEqualTo(large);
        }
        byte[] copied = Packets.build(new byte[] {0x77}, new OptionalWidthsBuilder().copyFrom(view));
        assertThat(copied).isEqualTo(bytes);
    }
}
