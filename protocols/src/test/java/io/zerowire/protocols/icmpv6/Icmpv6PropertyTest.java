package io.zerowire.protocols.icmpv6;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.parse.ParseException;
import io.zerowire.serialize.BufferProvider;
import io.zerowire.serialize.SizeLimitExceededException;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Random valid messages of every kind, with random NDP option lists, MLDv2 sources and records,
 * built with the builders and parsed back: every field, option and record reads as built (the
 * expected option and record bytes are encoded independently in {@link RandomMessages}); rebuilt
 * from the parse they give the same bytes; and no builder leaks stale bytes (0x00 and 0xFF filled
 * buffers give the same output).
 */
class Icmpv6PropertyTest {
    @Property(tries = 2000)
    void builtMessagesParseBackField(@ForAll long seed) throws Exception {
        RandomMessages.Message m = RandomMessages.random(new Random(seed));
        byte[] bytes = m.serializer().serialize().toByteArray();
        PacketBuffer buffer = PacketBuffer.wrap(bytes);
        Icmpv6Packet packet = new Icmpv6Packet().wrap(buffer, m.source(), m.destination());
        m.check().verify(packet);
        assertThat(buffer.bodyStart()).isEqualTo(packet.headerLength());
        assertThat(buffer.bodyLength()).isEqualTo(bytes.length - packet.headerLength());
        byte[] rebuilt = new Rebuild().of(packet).serialize().toByteArray();
        assertThat(rebuilt).as(m.name() + " rebuilt from its parse").isEqualTo(bytes);
        packet.undoParse(buffer);
        assertThat(buffer.bodyStart()).isZero();
        assertThat(buffer.bodyLength()).isEqualTo(bytes.length);
    }

    @Property(tries = 1000)
    void zerosAndOnesGiveTheSameBytes(@ForAll long seed, @ForAll @IntRange(max = 64) int slack)
            throws SizeLimitExceededException {
        byte[] fresh = RandomMessages.random(new Random(seed)).serializer().serialize().toByteArray();
        byte[] overZeros = into(RandomMessages.random(new Random(seed)), fresh.length + slack, (byte) 0);
        byte[] overOnes = into(RandomMessages.random(new Random(seed)), fresh.length + slack, (byte) 0xFF);
        assertThat(overZeros).isEqualTo(fresh);
        assertThat(overOnes).isEqualTo(fresh);
    }

    private static byte[] into(RandomMessages.Message m, int capacity, byte fill) throws SizeLimitExceededException {
        byte[] scratch = new byte[capacity];
        Arrays.fill(scratch, fill);
        return m.serializer().serialize(BufferProvider.into(PacketBuffer.wrap(scratch))).toByteArray();
    }

    /** Valid messages with a few bytes changed, cut or extended: a parse or a ParseException, nothing else. */
    @Property(tries = 3000)
    void mutatedMessagesParseOrFailTyped(@ForAll("mutated") byte[] bytes, @ForAll boolean verify) {
        RobustnessCheck.attempt(bytes, verify);
    }

    @Provide
    Arbitrary<byte[]> mutated() {
        return Arbitraries.longs().map(seed -> {
            Random r = new Random(seed);
            byte[] bytes;
            try {
                bytes = RandomMessages.random(r).serializer().serialize().toByteArray();
            } catch (SizeLimitExceededException e) {
                throw new AssertionError(e);
            }
            switch (r.nextInt(4)) {
                case 0 -> bytes = Arrays.copyOf(bytes, r.nextInt(bytes.length + 1));
                case 1 -> bytes = Arrays.copyOf(bytes, bytes.length + 1 + r.nextInt(40));
                default -> { }
            }
            for (int i = r.nextInt(4); i > 0 && bytes.length > 0; i--) {
                bytes[r.nextInt(bytes.length)] = (byte) r.nextInt(256);
            }
            if (bytes.length > 1 && r.nextBoolean()) {
                // Aim at the fields that drive parsing: type, lengths and counts near the front.
                bytes[r.nextInt(Math.min(bytes.length, 32))] = (byte) (r.nextBoolean() ? 0 : r.nextInt(256));
            }
            return bytes;
        });
    }

    /** Every kind at least once, for a readable failure when one kind breaks. */
    @Property(tries = 300)
    void everyKind(@ForAll @IntRange(max = RandomMessages.KINDS - 1) int kind, @ForAll long seed) throws Exception {
        RandomMessages.Message m = RandomMessages.random(new Random(seed), kind);
        byte[] bytes = m.serializer().serialize().toByteArray();
        try {
            m.check().verify(new Icmpv6Packet().wrap(PacketBuffer.wrap(bytes), m.source(), m.destination()));
        } catch (ParseException e) {
            throw new AssertionError(m.name() + ": " + e.getMessage(), e);
        }
    }
}
