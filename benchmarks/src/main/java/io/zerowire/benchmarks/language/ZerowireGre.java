package io.zerowire.benchmarks.language;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.examples.userheaders.Gre;
import io.zerowire.examples.userheaders.GreBuilder;
import io.zerowire.parse.ParseException;
import io.zerowire.serialize.BufferProvider;
import io.zerowire.serialize.HeapBufferProvider;
import io.zerowire.serialize.Serializer;
import io.zerowire.serialize.SizeLimitExceededException;

/**
 * The user's GRE layout of {@code examples} ({@code @PresentIf} optional words), generated view and
 * builder reused: {@code wrap} finds the present words once, the getters read at those offsets; the
 * builder derives K and S from the fields given and writes into one scratch buffer.
 */
public final class ZerowireGre {
    private final GreMessages m;
    private final PacketBuffer buffer = PacketBuffer.wrap(new byte[0]);
    private final Gre gre = new Gre();
    private final GreBuilder builder = new GreBuilder();
    private final Serializer message;
    private final HeapBufferProvider scratch = BufferProvider.into(PacketBuffer.wrap(new byte[256]));

    public ZerowireGre(GreMessages messages) {
        this.m = messages;
        message = Serializer.of(messages.payload).encapsulate(builder);
    }

    public boolean parse(byte[] bytes, GreFields out) {
        try {
            Gre g = gre.wrap(buffer.rewrap(bytes, 0, bytes.length));
            out.protocolType = g.protocolType();
            out.key = g.hasKey() ? g.key() : -1;
            out.sequence = g.hasSequenceNumber() ? g.sequenceNumber() : -1;
            out.payloadOffset = g.bodyOffset();
            return true;
        } catch (ParseException e) {
            return false;
        }
    }

    public PacketBuffer build(int i) throws SizeLimitExceededException {
        builder.protocolType(m.protocolType[i]).key(m.key[i]).sequenceNumber(m.sequence[i]);
        PacketBuffer out = message.serialize(scratch);
        if (scratch.allocations() != 0) {
            throw new IllegalStateException("the scratch buffer was not used");
        }
        return out;
    }
}
