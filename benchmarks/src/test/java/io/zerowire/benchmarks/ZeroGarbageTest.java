package io.zerowire.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.benchmarks.build.BuildBenchmark;
import io.zerowire.benchmarks.build.Datagrams;
import io.zerowire.benchmarks.build.ZerowireUdpWriter;
import io.zerowire.benchmarks.frames.TcpFrames;
import io.zerowire.benchmarks.frames.UdpV6Frames;
import io.zerowire.benchmarks.inplace.InPlaceBenchmark;
import io.zerowire.benchmarks.language.GreBenchmark;
import io.zerowire.benchmarks.language.GreFields;
import io.zerowire.benchmarks.language.GreMessages;
import io.zerowire.benchmarks.language.ZerowireGre;
import io.zerowire.benchmarks.inplace.ZerowireInPlace;
import io.zerowire.benchmarks.parse.TcpFields;
import io.zerowire.benchmarks.parse.TcpParseBenchmark;
import io.zerowire.benchmarks.parse.UdpFields;
import io.zerowire.benchmarks.parse.UdpV6ParseBenchmark;
import io.zerowire.benchmarks.parse.ZerowireTcpParser;
import io.zerowire.benchmarks.parse.ZerowireUdpV6Parser;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The "0 B/op" the benchmarks report for Zerowire, held without JMH: the very code each scenario
 * times (verified parse of both scenarios, the in-place answer and forward, the build into a reused
 * buffer) runs over its frames and the JVM's per-thread allocation counter must not move by more than
 * a few bytes per thousand operations (the counter itself and the JIT's own bookkeeping are not zero).
 *
 * <p>Every path runs {@link #ROUNDS} times over its frames first, so that what is counted is the
 * compiled steady state, as in the benchmarks; a path that allocates an object per operation shows
 * up as at least 16 bytes per operation, three orders of magnitude over the budget.
 */
class ZeroGarbageTest {
    private static final int ROUNDS = 400;
    /** Bytes per operation still accepted: far below the smallest object, 16 bytes. */
    private static final double BUDGET = 0.01;
    private static com.sun.management.ThreadMXBean threads;

    @BeforeAll
    static void countAllocations() {
        threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertThat(threads.isThreadAllocatedMemorySupported()).as("per-thread allocation counting").isTrue();
        threads.setThreadAllocatedMemoryEnabled(true);
    }

    @Test
    void verifiedTcpParseAllocatesNothing() throws Exception {
        byte[][] frames = TcpFrames.generate(TcpParseBenchmark.SEED, 256);
        ZerowireTcpParser parser = new ZerowireTcpParser(frames);
        TcpFields out = new TcpFields();
        assertThat(bytesPerOperation(frames.length, i -> parser.parse(i, true, out) ? 1 : 0)).isLessThan(BUDGET);
    }

    @Test
    void verifiedUdpV6ParseAllocatesNothing() throws Exception {
        byte[][] frames = UdpV6Frames.generate(UdpV6ParseBenchmark.SEED, 256);
        ZerowireUdpV6Parser parser = new ZerowireUdpV6Parser(frames);
        UdpFields out = new UdpFields();
        assertThat(bytesPerOperation(frames.length, i -> parser.parse(i, true, out) ? 1 : 0)).isLessThan(BUDGET);
    }

    @Test
    void answerInPlaceAllocatesNothing() throws Exception {
        byte[][] frames = TcpFrames.generate(InPlaceBenchmark.SEED, 256);
        byte[] work = new byte[2048];
        ZerowireInPlace zerowire = new ZerowireInPlace();
        assertThat(bytesPerOperation(frames.length, i -> {
            System.arraycopy(frames[i], 0, work, 0, frames[i].length);
            return zerowire.answer(work, frames[i].length).bodyLength();
        })).isLessThan(BUDGET);
    }

    @Test
    void forwardInPlaceAllocatesNothing() throws Exception {
        byte[][] frames = TcpFrames.generate(InPlaceBenchmark.SEED, 256);
        byte[] work = new byte[2048];
        ZerowireInPlace zerowire = new ZerowireInPlace();
        assertThat(bytesPerOperation(frames.length, i -> {
            System.arraycopy(frames[i], 0, work, 0, frames[i].length);
            return zerowire.forward(work, frames[i].length, InPlaceBenchmark.ROUTER, InPlaceBenchmark.NEXT_HOP) ? 1 : 0;
        })).isLessThan(BUDGET);
    }

    @Test
    void buildIntoAReusedBufferAllocatesNothing() throws Exception {
        ZerowireUdpWriter writer = new ZerowireUdpWriter(new Datagrams(BuildBenchmark.SEED));
        assertThat(bytesPerOperation(Datagrams.COUNT, i -> writer.reused(i).bodyLength())).isLessThan(BUDGET);
    }

    @Test
    void greWithOptionalWordsParsesAndBuildsWithoutAllocating() throws Exception {
        GreMessages messages = new GreMessages(GreBenchmark.SEED);
        ZerowireGre gre = new ZerowireGre(messages);
        GreFields out = new GreFields();
        byte[][] frames = messages.messages();
        assertThat(bytesPerOperation(GreMessages.COUNT, i -> gre.parse(frames[i], out) ? out.key : 0)).isLessThan(BUDGET);
        assertThat(bytesPerOperation(GreMessages.COUNT, i -> gre.build(i).bodyLength())).isLessThan(BUDGET);
    }

    /** One operation on item {@code i}; returns something so that the work cannot be dropped. */
    private interface Operation {
        long run(int i) throws Exception;
    }

    private static double bytesPerOperation(int items, Operation operation) throws Exception {
        long sink = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < items; i++) {
                sink += operation.run(i);
            }
        }
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < items; i++) {
                sink += operation.run(i);
            }
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        double perOperation = (double) allocated / ((long) ROUNDS * items);
        System.out.printf("%d bytes over %d operations: %.5f B/op (sink %d)%n", allocated, (long) ROUNDS * items,
                perOperation, sink);
        return perOperation;
    }
}
