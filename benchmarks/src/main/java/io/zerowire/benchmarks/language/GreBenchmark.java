package io.zerowire.benchmarks.language;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.serialize.SizeLimitExceededException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Layout language scenario, optional fields: parse a GRE header with key and sequence number
 * (RFC 2890) and read them, and build one into a reused buffer; Zerowire's view and builder
 * generated from a user's {@code @PresentIf} layout beside a hand-written {@code VarHandle}
 * baseline. No peer library declares GRE. One operation is one message of 256.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(2)
public class GreBenchmark {
    public static final long SEED = 5;

    private GreMessages messages;
    private byte[][] frames;
    private int next;
    private final GreFields out = new GreFields();
    private ZerowireGre zerowire;
    private HandGre hand;
    private final byte[] scratch = new byte[256];

    @Setup
    public void setUp() throws SizeLimitExceededException {
        messages = new GreMessages(SEED);
        frames = messages.messages;
        zerowire = new ZerowireGre(messages);
        hand = new HandGre(messages);
        check(messages);
    }

    /** Both read the same fields from every message and build the same bytes. */
    public static void check(GreMessages messages) throws SizeLimitExceededException {
        ZerowireGre zerowire = new ZerowireGre(messages);
        HandGre hand = new HandGre(messages);
        GreFields ours = new GreFields();
        GreFields theirs = new GreFields();
        for (int i = 0; i < GreMessages.COUNT; i++) {
            byte[] message = messages.messages[i];
            if (!zerowire.parse(message, ours) || !HandGre.parse(message, theirs) || !ours.sameAs(theirs)) {
                throw new IllegalStateException("gre parse, message " + i + ": zerowire " + ours + ", hand " + theirs);
            }
            byte[] built = zerowire.build(i).toByteArray();
            if (!Arrays.equals(built, hand.fresh(i))) {
                throw new IllegalStateException("gre build, message " + i + ": zerowire wrote "
                        + HexFormat.of().formatHex(built) + ", hand " + HexFormat.of().formatHex(hand.fresh(i)));
            }
        }
    }

    private int next() {
        return next = next + 1 & GreMessages.COUNT - 1;
    }

    @Benchmark
    public void zerowireParse(Blackhole bh) {
        bh.consume(zerowire.parse(frames[next()], out));
        bh.consume(out);
    }

    @Benchmark
    public void handParse(Blackhole bh) {
        bh.consume(HandGre.parse(frames[next()], out));
        bh.consume(out);
    }

    @Benchmark
    public PacketBuffer zerowireBuild() throws SizeLimitExceededException {
        return zerowire.build(next());
    }

    @Benchmark
    public int handBuild() {
        return hand.write(next(), scratch);
    }
}
