package io.zerowire.serialize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerowire.buffer.PacketBuffer;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.From;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random stacks of layers serialized through the runtime, compared with a reference composition
 * that this test computes on its own: pad, then wrap, layer by layer, in plain arrays.
 */
class SerializerProperties {

    @Provide
    Arbitrary<PatternBuilder> layers() {
        Arbitrary<Integer> len = Arbitraries.integers().between(0, 24);
        Arbitrary<Integer> min = Arbitraries.integers().between(0, 80);
        Arbitrary<Integer> extra = Arbitraries.integers().between(0, 200);
        Arbitrary<Integer> pattern = Arbitraries.integers().between(1, 250);
        return Combinators.combine(len, len, min, extra, pattern)
                .as((h, f, mn, ex, p) -> new PatternBuilder(h, f, mn, mn + ex, p));
    }

    @Provide
    Arbitrary<byte[]> bodies120() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(120);
    }

    @Provide
    Arbitrary<byte[]> bodies60() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(60);
    }

    /** The expected bytes, or null when some layer's body exceeds its maximum. */
    static byte[] reference(byte[] body, List<PatternBuilder> innermostFirst, int outerMax) {
        byte[] bytes = body;
        for (PatternBuilder layer : innermostFirst) {
            if (bytes.length > layer.max) {
                return null;
            }
            if (bytes.length < layer.min) {
                bytes = Arrays.copyOf(bytes, layer.min);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = 0; i < layer.header; i++) {
                out.write(layer.headerByte(i, bytes.length));
            }
            out.write(bytes, 0, bytes.length);
            for (int i = 0; i < layer.footer; i++) {
                out.write(layer.footerByte(i));
            }
            bytes = out.toByteArray();
        }
        return bytes.length > outerMax ? null : bytes;
    }

    static Serializer stack(Serializer inner, List<PatternBuilder> innermostFirst) {
        Serializer s = inner;
        for (PatternBuilder layer : innermostFirst) {
            s = s.encapsulate(layer);
        }
        return s;
    }

    @Property(tries = 1500)
    void payloadStacksMatchTheReference(
            @ForAll @Size(min = 1, max = 5) List<@From("layers") PatternBuilder> layers,
            @ForAll("bodies120") byte[] body,
            @ForAll @IntRange(min = 0, max = 700) int outerMax) throws Exception {
        byte[] expected = reference(body, layers, outerMax);
        Serializer serializer = stack(Serializer.of(body), layers);
        HeapBufferProvider provider = BufferProvider.reuse();
        PacketConstraints limit = PacketConstraints.maxBody(outerMax);
        if (expected == null) {
            assertThatThrownBy(() -> serializer.serialize(limit, provider))
                    .isInstanceOf(SizeLimitExceededException.class);
            assertThat(provider.allocations()).isZero();
            // The serializer is unchanged: without the limit it succeeds.
            byte[] unlimited = reference(body, layers, Integer.MAX_VALUE);
            if (unlimited != null) {
                assertThat(serializer.serialize(BufferProvider.reuse()).toByteArray()).isEqualTo(unlimited);
            }
            return;
        }
        PacketBuffer out = serializer.serialize(limit, provider);
        assertThat(out.toByteArray()).isEqualTo(expected);
        assertThat(provider.allocations()).isEqualTo(1);
        // Serialize by reference: the same stack again gives the same bytes.
        assertThat(serializer.serialize(limit, BufferProvider.reuse()).toByteArray()).isEqualTo(expected);
    }

    @Property(tries = 1500)
    void bufferStacksReuseWhenTheyCanAndNeverLeakOldBytes(
            @ForAll @Size(min = 1, max = 5) List<@From("layers") PatternBuilder> layers,
            @ForAll("bodies120") byte[] body,
            @ForAll @IntRange(min = 0, max = 200) int prefix,
            @ForAll @IntRange(min = 0, max = 200) int suffix,
            @ForAll @IntRange(min = 0, max = 700) int outerMax) throws Exception {
        byte[] expected = reference(body, layers, outerMax);
        PacketConstraints limit = PacketConstraints.maxBody(outerMax);

        byte[][] outputs = new byte[2][];
        for (int fill = 0; fill < 2; fill++) {
            byte[] array = new byte[prefix + body.length + suffix];
            Arrays.fill(array, fill == 0 ? (byte) 0x00 : (byte) 0xFF);
            System.arraycopy(body, 0, array, prefix, body.length);
            PacketBuffer buffer = PacketBuffer.wrap(array).resetBody(prefix, body.length);
            HeapBufferProvider provider = BufferProvider.reuse();
            Serializer serializer = stack(buffer, layers);
            if (expected == null) {
                assertThatThrownBy(() -> serializer.serialize(limit, provider))
                        .isInstanceOf(SizeLimitExceededException.class);
                assertThat(buffer.toByteArray()).as("a failed serialize leaves the buffer unchanged").isEqualTo(body);
                assertThat(buffer.prefixLength()).isEqualTo(prefix);
                return;
            }
            PacketBuffer out = serializer.serialize(limit, provider);
            outputs[fill] = out.toByteArray();
            assertThat(outputs[fill]).isEqualTo(expected);
            boolean fits = expected.length <= array.length;
            assertThat(provider.allocations()).isEqualTo(fits ? 0 : 1);
            if (fits) {
                assertThat(out).isSameAs(buffer);
                assertThat(out.array()).isSameAs(array);
            }
        }
        assertThat(outputs[0]).isEqualTo(outputs[1]);
    }

    @Property(tries = 500)
    void serializingIntoAReusedScratchBufferAllocatesNothingAndLeaksNothing(
            @ForAll @Size(min = 1, max = 5) List<@From("layers") PatternBuilder> layers,
            @ForAll("bodies120") byte[] body) throws Exception {
        byte[] expected = reference(body, layers, Integer.MAX_VALUE);
        if (expected == null) {
            return;
        }
        Serializer serializer = stack(Serializer.of(body), layers);
        for (byte fill : new byte[] {0x00, (byte) 0xFF}) {
            byte[] scratchArray = new byte[2048];
            Arrays.fill(scratchArray, fill);
            PacketBuffer scratch = PacketBuffer.wrap(scratchArray);
            HeapBufferProvider provider = BufferProvider.into(scratch);
            PacketBuffer out = serializer.serialize(provider);
            assertThat(out).isSameAs(scratch);
            assertThat(out.toByteArray()).isEqualTo(expected);
            assertThat(provider.allocations()).isZero();
        }
    }

    @Property(tries = 300)
    void neverReuseLeavesTheOriginalBufferAlone(
            @ForAll @Size(min = 1, max = 3) List<@From("layers") PatternBuilder> layers,
            @ForAll("bodies60") byte[] body) throws Exception {
        byte[] expected = reference(body, layers, Integer.MAX_VALUE);
        if (expected == null) {
            return;
        }
        byte[] array = new byte[200 + body.length + 200];
        System.arraycopy(body, 0, array, 200, body.length);
        byte[] before = array.clone();
        PacketBuffer buffer = PacketBuffer.wrap(array).resetBody(200, body.length);
        HeapBufferProvider provider = BufferProvider.neverReuse();
        PacketBuffer out = stack(buffer, layers).serialize(provider);
        assertThat(out.toByteArray()).isEqualTo(expected);
        assertThat(out.array()).isNotSameAs(array);
        assertThat(array).isEqualTo(before);
        assertThat(provider.allocations()).isEqualTo(1);
    }
}
