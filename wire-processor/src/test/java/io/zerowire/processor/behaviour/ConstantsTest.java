package io.zerowire.processor.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Constants are written by the builder, read back by the view and checked by parse, whatever their
 * sign and width: what the builder writes, parse accepts, and a change of any one bit of a constant
 * is rejected naming that constant.
 */
class ConstantsTest {
    private static final String[] NAMES = {"minusTwo", "minusHundred", "allOnes", "topBit", "mostNegative33", "minusSeven"};
    private static final int[][] BITS = {{0, 8}, {8, 12}, {20, 4}, {24, 64}, {88, 33}, {128, 32}};

    @Example
    void builtConstantsParseAndReadBack() throws ParseException {
        byte[] bytes = ReflectiveLayout.serialize(new ConstantsBuilder().free(0x55));
        byte[] expected = new byte[20];
        ReferenceBits.put(expected, true, 0, 8, -2);
        ReferenceBits.put(expected, true, 8, 12, -100);
        ReferenceBits.put(expected, true, 20, 4, 0xF);
        ReferenceBits.put(expected, true, 24, 64, 0x8000_0000_0000_0001L);
        ReferenceBits.put(expected, true, 88, 33, -4_294_967_296L);
        ReferenceBits.put(expected, true, 121, 7, 0x55);
        ReferenceBits.put(expected, true, 128, 32, -7);
        assertThat(bytes).as(ReferenceBits.hex(bytes)).isEqualTo(expected);

        Constants view = Constants.parse(PacketBuffer.wrap(bytes));
        assertThat(view.minusTwo()).isEqualTo(-2);
        assertThat(view.minusHundred()).isEqualTo(-100);
        assertThat(view.allOnes()).isEqualTo(0xF);
        assertThat(view.topBit()).isEqualTo(0x8000_0000_0000_0001L);
        assertThat(view.mostNegative33()).isEqualTo(-4_294_967_296L);
        assertThat(view.free()).isEqualTo(0x55);
        assertThat(view.minusSeven()).isEqualTo(-7);
    }

    @Property(tries = 200)
    void flippingAnyBitOfAConstantIsRejected(@ForAll @IntRange(max = 5) int constant, @ForAll @IntRange(max = 63) int bit,
            @ForAll @IntRange(max = 5) int consumed) {
        byte[] bytes = ReflectiveLayout.serialize(new ConstantsBuilder());
        int start = BITS[constant][0];
        int width = BITS[constant][1];
        int flip = start + bit % width;
        bytes[flip / 8] ^= (byte) (1 << (flip % 8)); // little-endian bit numbering
        try {
            Constants.parse(Packets.placed(bytes, 0, consumed, 0));
            throw new AssertionError("accepted " + NAMES[constant] + " with bit " + bit % width + " flipped");
        } catch (ParseException e) {
            assertThat(e.kind()).isEqualTo(ParseErrorKind.MALFORMED);
            assertThat(e.field()).isEqualTo(NAMES[constant]);
            assertThat(e.offset()).isEqualTo(consumed + start / 8);
        }
    }
}
