package io.zerowire.benchmarks.language;

import java.util.SplittableRandom;

/**
 * The GRE scenario's inputs: {@link #COUNT} GRE headers with K and S set (RFC 2890), each with its
 * own key, sequence number and protocol type, before a 64-byte payload; the same numbers drive
 * every builder.
 */
public final class GreMessages {
    public static final int COUNT = 256;
    public static final int PAYLOAD = 64;

    final long[] key = new long[COUNT];
    final long[] sequence = new long[COUNT];
    final int[] protocolType = new int[COUNT];
    final byte[] payload = new byte[PAYLOAD];
    final byte[][] messages = new byte[COUNT][];

    public GreMessages(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        random.nextBytes(payload);
        HandGre hand = new HandGre(this);
        for (int i = 0; i < COUNT; i++) {
            key[i] = random.nextLong() >>> 32;
            sequence[i] = random.nextLong() >>> 32;
            protocolType[i] = random.nextBoolean() ? 0x0800 : 0x86DD;
            messages[i] = hand.fresh(i);
        }
    }

    /** The messages, as the hand-written writer made them. */
    public byte[][] messages() {
        return messages;
    }
}
