package io.zerowire.tap.reply;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How many frames the program wrote, by {@link ReplyKind}, and how many of them were serialized
 * into the very array the triggering frame was received in: the design's claim that an answer
 * reuses the received buffer, counted frame by frame. Safe to read from any thread.
 */
public final class ReplyCounters {
    private static final ReplyKind[] KINDS = ReplyKind.values();
    private final AtomicLongArray byKind = new AtomicLongArray(KINDS.length);
    private final AtomicLongArray inReceiveBuffer = new AtomicLongArray(KINDS.length);

    /** Counts one frame of {@code kind}; {@code reused} says whether it went out of the receive array. */
    public void count(ReplyKind kind, boolean reused) {
        byKind.incrementAndGet(kind.ordinal());
        if (reused) {
            inReceiveBuffer.incrementAndGet(kind.ordinal());
        }
    }

    /** Frames of {@code kind} written. */
    public long count(ReplyKind kind) {
        return byKind.get(kind.ordinal());
    }

    /** Frames of {@code kind} written into the array their trigger was received in. */
    public long inReceiveBuffer(ReplyKind kind) {
        return inReceiveBuffer.get(kind.ordinal());
    }

    /** Frames written, of every kind. */
    public long total() {
        long sum = 0;
        for (int i = 0; i < KINDS.length; i++) {
            sum += byKind.get(i);
        }
        return sum;
    }

    /** Frames written into the array their trigger was received in, of every kind. */
    public long totalInReceiveBuffer() {
        long sum = 0;
        for (int i = 0; i < KINDS.length; i++) {
            sum += inReceiveBuffer.get(i);
        }
        return sum;
    }

    /** {@code "12 (12 in the receive buffer): arp reply 1, icmp echo reply 3, ..."}; kinds never sent are left out. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder().append(total()).append(" (").append(totalInReceiveBuffer())
                .append(" in the receive buffer)");
        String separator = ": ";
        for (ReplyKind kind : KINDS) {
            long n = count(kind);
            if (n > 0) {
                text.append(separator).append(kind.label()).append(' ').append(n);
                separator = ", ";
            }
        }
        return text.toString();
    }
}
