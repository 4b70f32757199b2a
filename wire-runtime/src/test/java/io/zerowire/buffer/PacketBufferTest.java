package io.zerowire.buffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerowire.parse.BufferView;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PacketBufferTest {

    /**
     * A toy length-prefixed format for the tests: one byte of header length (>= 2), one byte of
     * body length, the rest of the header, the body, then possibly trailing padding that parsing
     * trims, as IPv4 trims Ethernet padding.
     */
    record Toy(int headerLength, int bodyLength, int start) {
        static Toy parse(BufferView view) throws ParseException {
            if (view.remaining() < 2) {
                throw ParseException.malformed("toy", "", view.position(), "shorter than 2 bytes");
            }
            int headerLength = view.peekU8(0);
            int bodyLength = view.peekU8(1);
            if (headerLength < 2) {
                throw ParseException.malformed("toy", "headerLength", view.position(), "below 2");
            }
            int start = view.takeFront(headerLength);
            if (view.remaining() < bodyLength) {
                throw ParseException.malformed("toy", "bodyLength", view.position() - headerLength + 1, "beyond the buffer");
            }
            view.takeBack(view.remaining() - bodyLength); // trim padding
            return new Toy(headerLength, bodyLength, start);
        }

        ParseMetadata metadata() {
            return new ParseMetadata(headerLength, bodyLength, 0);
        }
    }

    static byte[] toy(int headerLength, byte[] body, int padding) {
        byte[] bytes = new byte[headerLength + body.length + padding];
        bytes[0] = (byte) headerLength;
        bytes[1] = (byte) body.length;
        for (int i = 2; i < headerLength; i++) {
            bytes[i] = (byte) (0xA0 + i);
        }
        System.arraycopy(body, 0, bytes, headerLength, body.length);
        Arrays.fill(bytes, headerLength + body.length, bytes.length, (byte) 0xEE);
        return bytes;
    }

    @Provide
    Arbitrary<byte[]> payloads() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
    }

    @Property(tries = 500)
    void nestedParseThenUndoRestoresTheOriginalExactly(
            @ForAll("payloads") byte[] payload,
            @ForAll @IntRange(min = 2, max = 12) int innerHeader,
            @ForAll @IntRange(min = 2, max = 12) int outerHeader,
            @ForAll @IntRange(min = 0, max = 9) int innerPadding,
            @ForAll @IntRange(min = 0, max = 9) int outerPadding,
            @ForAll @IntRange(min = 0, max = 5) int regionOffset) throws ParseException {
        byte[] inner = toy(innerHeader, payload, innerPadding);
        if (inner.length > 255) {
            return;
        }
        byte[] outer = toy(outerHeader, inner, outerPadding);
        byte[] array = new byte[regionOffset + outer.length + 3];
        System.arraycopy(outer, 0, array, regionOffset, outer.length);
        PacketBuffer buffer = PacketBuffer.wrap(array, regionOffset, outer.length);

        Toy o = buffer.parse(Toy::parse);
        Toy i = buffer.parse(Toy::parse);
        assertThat(buffer.toByteArray()).isEqualTo(payload);
        assertThat(buffer.prefixLength()).isEqualTo(outerHeader + innerHeader);
        assertThat(buffer.suffixLength()).isEqualTo(innerPadding + outerPadding);

        buffer.undoParse(i.metadata());
        // The inner padding is not the inner packet's: the outer undo brings it back.
        assertThat(buffer.toByteArray()).isEqualTo(Arrays.copyOf(inner, innerHeader + payload.length));
        buffer.undoParse(o.metadata());
        // The outermost padding belongs to whatever carried the outer packet (a link frame,
        // whose own undo would restore it); here it stays in the suffix, untouched.
        assertThat(buffer.toByteArray()).isEqualTo(Arrays.copyOf(outer, outer.length - outerPadding));
        assertThat(buffer.prefixLength()).isZero();
        assertThat(buffer.suffixLength()).isEqualTo(outerPadding);
        assertThat(buffer.growBack(outerPadding).toByteArray()).isEqualTo(outer);
    }

    @Test
    void aFailedParseLeavesTheBufferAsItWas() {
        byte[] bytes = toy(4, new byte[] {1, 2, 3}, 0);
        bytes[1] = 50; // body length beyond the buffer
        PacketBuffer buffer = PacketBuffer.wrap(bytes);
        assertThatThrownBy(() -> buffer.parse(Toy::parse))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ParseErrorKind.MALFORMED);
                    assertThat(e.layer()).isEqualTo("toy");
                    assertThat(e.field()).isEqualTo("bodyLength");
                    assertThat(e.offset()).isEqualTo(1);
                    assertThat(e.getMessage()).isEqualTo("malformed toy.bodyLength at byte 1: beyond the buffer");
                });
        assertThat(buffer.prefixLength()).isZero();
        assertThat(buffer.bodyLength()).isEqualTo(bytes.length);
    }

    @Test
    void takeBeyondTheBodyIsATypedErrorWithTheOffset() throws ParseException {
        PacketBuffer buffer = PacketBuffer.wrap(new byte[10], 2, 6);
        assertThat(buffer.takeFront(4)).isEqualTo(2);
        assertThatThrownBy(() -> buffer.takeFront(3))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ParseErrorKind.MALFORMED);
                    assertThat(e.offset()).isEqualTo(4);
                });
        assertThatThrownBy(() -> buffer.takeBack(-1)).isInstanceOf(ParseException.class);
        assertThat(buffer.takeBack(2)).isEqualTo(6);
        assertThat(buffer.remaining()).isZero();
    }

    @Test
    void parseExceptionsCarryNoStackTrace() {
        ParseException e = ParseException.checksum("udp", "checksum", 46, "does not verify");
        assertThat(e.getStackTrace()).isEmpty();
        assertThat(e.kind()).isEqualTo(ParseErrorKind.CHECKSUM);
    }

    @Test
    void growAndShrinkMoveTheBoundariesAndZeroedVariantsClearOldBytes() {
        byte[] array = new byte[16];
        Arrays.fill(array, (byte) 0x77);
        PacketBuffer buffer = PacketBuffer.wrap(array).resetBody(6, 4);
        assertThat(buffer.prefixLength()).isEqualTo(6);
        assertThat(buffer.suffixLength()).isEqualTo(6);
        assertThat(buffer.capacity()).isEqualTo(16);
        buffer.growFrontZeroed(2).growBackZeroed(3);
        assertThat(buffer.toByteArray()).containsExactly(0, 0, 0x77, 0x77, 0x77, 0x77, 0, 0, 0);
        buffer.growFront(1);
        assertThat(buffer.get(0)).isEqualTo((byte) 0x77);
        buffer.shrinkFront(3).shrinkBack(3);
        assertThat(buffer.bodyLength()).isEqualTo(4);
        assertThatThrownBy(() -> buffer.growFront(7)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> buffer.growBack(10)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> buffer.shrinkFront(5)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(buffer.reset().bodyLength()).isEqualTo(16);
    }

    @Test
    void wrapsAHeapByteBufferInPlace() {
        byte[] array = new byte[32];
        ByteBuffer nio = ByteBuffer.wrap(array, 4, 20).slice(); // arrayOffset 4
        nio.position(3);
        PacketBuffer buffer = PacketBuffer.wrap(nio);
        assertThat(buffer.array()).isSameAs(array);
        assertThat(buffer.bodyStart()).isEqualTo(7);
        assertThat(buffer.bodyLength()).isEqualTo(17);
        buffer.set(0, (byte) 42);
        assertThat(array[7]).isEqualTo((byte) 42);
        assertThatThrownBy(() -> PacketBuffer.wrap(ByteBuffer.allocateDirect(8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("heap");
    }

    @Test
    void rewrapReusesTheObject() {
        PacketBuffer buffer = PacketBuffer.wrap(new byte[4]);
        byte[] next = {1, 2, 3, 4, 5, 6};
        assertThat(buffer.rewrap(next, 1, 4)).isSameAs(buffer);
        assertThat(buffer.toByteArray()).containsExactly(2, 3, 4, 5);
        assertThat(buffer.position()).isZero();
    }

    @Test
    void wrapRejectsRegionsOutsideTheArray() {
        assertThatThrownBy(() -> PacketBuffer.wrap(new byte[4], 2, 3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> PacketBuffer.wrap(new byte[4], -1, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
