package io.zerowire.processor.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.link.MacAddress;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import io.zerowire.processor.sample.Protocol;
import io.zerowire.serialize.Serializer;
import java.util.Arrays;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Typed fields next to bit fields ({@link TypedFieldsLayout}): booleans, open enums narrower than a
 * byte, a MAC, IPv4 and IPv6 addresses in network byte order, byte regions, reserved regions and a
 * boolean constant; builder bytes against the reference, getters, in-place setters, stale bytes.
 * And {@link FrameLayout}'s minimum body: zero padding, whatever the buffer held.
 */
class TypedFieldsTest {
    /** The expected bytes for the given values, written with the reference bit writer and the address byte orders. */
    private static byte[] expected(int small, int narrow, boolean flag, long mac, byte[] nonce, int v4, long v6High,
            long v6Low, int protocol, boolean last, int tail) {
        byte[] bytes = new byte[42];
        ReferenceBits.put(bytes, false, 0, 3, small);
        ReferenceBits.put(bytes, false, 3, 5, narrow);
        ReferenceBits.put(bytes, false, 8, 1, flag ? 1 : 0);
        ReferenceBits.put(bytes, false, 9, 1, 1);
        ReferenceBits.put(bytes, false, 16, 48, mac);
        System.arraycopy(nonce, 0, bytes, 8, 5);
        ReferenceBits.put(bytes, false, 128, 32, v4);
        ReferenceBits.put(bytes, false, 160, 64, v6High);
        ReferenceBits.put(bytes, false, 224, 64, v6Low);
        ReferenceBits.put(bytes, false, 320, 8, protocol);
        ReferenceBits.put(bytes, false, 328, 1, last ? 1 : 0);
        ReferenceBits.put(bytes, false, 329, 7, tail);
        return bytes;
    }

    @Property(tries = 1000)
    void typedFieldsRoundTrip(@ForAll @IntRange(max = 7) int small, @ForAll @IntRange(max = 31) int narrow,
            @ForAll boolean flag, @ForAll long macBits, @ForAll @Size(5) byte[] nonce, @ForAll int v4,
            @ForAll long v6High, @ForAll long v6Low, @ForAll @IntRange(max = 255) int protocol, @ForAll boolean last,
            @ForAll @IntRange(max = 127) int tail, @ForAll @Size(5) byte[] otherNonce, @ForAll long otherMac)
            throws ParseException {
        long mac = macBits & 0xFFFF_FFFF_FFFFL;
        TypedFieldsBuilder builder = new TypedFieldsBuilder().small(small).narrowProtocol(Protocol.of(narrow)).flag(flag)
                .mac(MacAddress.of(mac)).nonce(nonce).v4(Ipv4Address.of(v4)).v6(Ipv6Address.of(v6High, v6Low))
                .protocol(Protocol.of(protocol)).last(last).tail(tail);
        byte[] expected = expected(small, narrow, flag, mac, nonce, v4, v6High, v6Low, protocol, last, tail);
        byte[] bytes = ReflectiveLayout.serialize(builder);
        assertThat(bytes).isEqualTo(expected);
        Serializer serializer = Serializer.of(new byte[0]).encapsulate(builder);
        assertThat(ReflectiveLayout.serializeInto(serializer, 50, (byte) 0)).isEqualTo(expected);
        assertThat(ReflectiveLayout.serializeInto(serializer, 50, (byte) 0xFF)).isEqualTo(expected);
        nonce[0] ^= 1; // the builder took a copy
        assertThat(ReflectiveLayout.serialize(builder)).isEqualTo(expected);

        TypedFields view = TypedFields.parse(PacketBuffer.wrap(bytes));
        assertThat(view.small()).isEqualTo(small);
        assertThat(view.narrowProtocolValue()).isEqualTo(narrow);
        assertThat(view.narrowProtocol().value()).isEqualTo(narrow);
        assertThat(view.flag()).isEqualTo(flag);
        assertThat(view.alwaysSet()).isTrue();
        assertThat(view.reserved()).isZero();
        assertThat(view.mac()).isEqualTo(MacAddress.of(mac));
        assertThat(view.macBits()).isEqualTo(mac);
        assertThat(view.nonce()).isEqualTo(Arrays.copyOfRange(expected, 8, 13));
        byte[] copy = new byte[7];
        view.copyNonce(copy, 1);
        assertThat(Arrays.copyOfRange(copy, 1, 6)).isEqualTo(Arrays.copyOfRange(expected, 8, 13));
        assertThat(view.nonceOffset()).isEqualTo(8);
        assertThat(view.zeros()).containsExactly(0, 0, 0);
        assertThat(view.v4()).isEqualTo(Ipv4Address.of(v4));
        assertThat(view.v4Bits()).isEqualTo(v4);
        assertThat(view.v6()).isEqualTo(Ipv6Address.of(v6High, v6Low));
        assertThat(view.unused()).isEqualTo(Ipv4Address.of(0));
        assertThat(view.protocolValue()).isEqualTo(protocol);
        assertThat(view.last()).isEqualTo(last);
        assertThat(view.tail()).isEqualTo(tail);

        // Setters write exactly the field's bytes.
        long otherMacBits = otherMac & 0xFFFF_FFFF_FFFFL;
        view.setMac(MacAddress.of(otherMacBits));
        ReferenceBits.put(expected, false, 16, 48, otherMacBits);
        assertThat(bytes).isEqualTo(expected);
        view.setNonce(otherNonce);
        System.arraycopy(otherNonce, 0, expected, 8, 5);
        assertThat(bytes).isEqualTo(expected);
        view.setZeros(new byte[] {1, 2, 3});
        expected[13] = 1;
        expected[14] = 2;
        expected[15] = 3;
        assertThat(bytes).isEqualTo(expected);
        view.setV4(Ipv4Address.of(~v4));
        ReferenceBits.put(expected, false, 128, 32, ~v4);
        assertThat(bytes).isEqualTo(expected);
        view.setV6(Ipv6Address.of(~v6High, v6Low ^ 0x55));
        ReferenceBits.put(expected, false, 160, 64, ~v6High);
        ReferenceBits.put(expected, false, 224, 64, v6Low ^ 0x55);
        assertThat(bytes).isEqualTo(expected);
        view.setUnused(Ipv4Address.of(v4));
        ReferenceBits.put(expected, false, 288, 32, v4);
        assertThat(bytes).isEqualTo(expected);
        view.setNarrowProtocol(Protocol.of(31 - narrow));
        ReferenceBits.put(expected, false, 3, 5, 31 - narrow);
        assertThat(bytes).isEqualTo(expected);
        view.setFlag(!flag);
        ReferenceBits.put(expected, false, 8, 1, flag ? 0 : 1);
        assertThat(bytes).isEqualTo(expected);
        view.setReserved(0x2A);
        ReferenceBits.put(expected, false, 10, 6, 0x2A);
        assertThat(bytes).isEqualTo(expected);
        view.setLast(!last);
        ReferenceBits.put(expected, false, 328, 1, last ? 0 : 1);
        assertThat(bytes).isEqualTo(expected);
        assertThat(view.alwaysSet()).isTrue();

        // A wrong-sized region or an enum value wider than its bits is refused and writes nothing.
        byte[] before = bytes.clone();
        assertThatThrownBy(() -> view.setNonce(new byte[4])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> view.setNarrowProtocol(Protocol.of(32))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.nonce(new byte[6])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.narrowProtocol(Protocol.of(200))).isInstanceOf(IllegalArgumentException.class);
        assertThat(bytes).isEqualTo(before);
    }

    @Example
    void theBooleanConstantIsChecked() throws ParseException {
        byte[] bytes = ReflectiveLayout.serialize(new TypedFieldsBuilder());
        TypedFields.parse(PacketBuffer.wrap(bytes.clone()));
        bytes[1] &= (byte) ~0x40;
        PacketBuffer buffer = Packets.placed(bytes, 0, 3, 0);
        try {
            TypedFields.parse(buffer);
            throw new AssertionError("accepted alwaysSet = false");
        } catch (ParseException e) {
            assertThat(e.kind()).isEqualTo(ParseErrorKind.MALFORMED);
            assertThat(e.field()).isEqualTo("alwaysSet");
            assertThat(e.offset()).isEqualTo(3 + 1);
        }
        assertThat(buffer.position()).isEqualTo(3);
    }

    @Property(tries = 300)
    void shortBodiesArePaddedWithZerosWhateverTheBufferHeld(@ForAll @Size(max = 60) byte[] payload,
            @ForAll @IntRange(max = 0xFFFF) int etherType) throws ParseException {
        Serializer frame = Serializer.of(payload).encapsulate(new FrameBuilder()
                .destination(MacAddress.BROADCAST).source(MacAddress.of(0x0011_2233_4455L)).etherType(etherType));
        byte[] overZeros = ReflectiveLayout.serializeInto(frame, 200, (byte) 0);
        byte[] overOnes = ReflectiveLayout.serializeInto(frame, 200, (byte) 0xFF);
        assertThat(overOnes).isEqualTo(overZeros);
        assertThat(overZeros).hasSize(14 + Math.max(46, payload.length));
        assertThat(Arrays.copyOfRange(overZeros, 14, 14 + payload.length)).isEqualTo(payload);
        for (int i = 14 + payload.length; i < overZeros.length; i++) {
            assertThat(overZeros[i]).as("padding byte %s", i).isZero();
        }
        Frame view = Frame.parse(PacketBuffer.wrap(overOnes));
        assertThat(view.etherType()).isEqualTo(etherType);
        assertThat(view.destination()).isEqualTo(MacAddress.BROADCAST);
        assertThat(view.bodyLength()).isEqualTo(Math.max(46, payload.length));
    }
}
