package io.zerowire.examples.readme;

import io.zerowire.examples.userheaders.MplsEntryBuilder;
import io.zerowire.examples.userheaders.MplsStack;
import io.zerowire.examples.userheaders.MplsStackBuilder;
import io.zerowire.buffer.PacketBuffer;
import io.zerowire.parse.ParseException;
import io.zerowire.serialize.PacketBuilder;
import java.util.List;

/** README, "Declaring a header": reading and building an MPLS label stack. */
public final class MplsSnippet {
    private MplsSnippet() {}

    /** The label of the bottom entry of the stack at the front of {@code buffer}. */
    public static int bottomLabel(PacketBuffer buffer) throws ParseException {
        MplsStack stack = MplsStack.parse(buffer);
        return stack.labels(stack.labelsCount() - 1).label();
    }

    /** Labels 16 and 17, TTL 64: the builder sets S on the last entry only. */
    public static PacketBuilder twoLabels() {
        return new MplsStackBuilder().labels(List.of(
                new MplsEntryBuilder().label(16).ttl(64),
                new MplsEntryBuilder().label(17).ttl(64)));
    }
}
