package io.zerowire.benchmarks.checksum;

import io.zerowire.checksum.InternetChecksum;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * RFC 1071 internet checksum: Zerowire's 8-bytes-at-a-time sum against the naive 16-bit loop that
 * most hand-written Java stacks use. Throughput in operations per microsecond; bytes per second
 * are {@code size} times that. Sixteen buffers at different offsets keep the JIT from folding the
 * work on constant input.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ChecksumBenchmark {
    @Param({"64", "576", "1500", "9000"})
    public int size;

    private byte[] data;
    private int next;

    @Setup
    public void setUp() {
        data = new byte[size + 16 * 64];
        new Random(42).nextBytes(data);
    }

    private int nextOffset() {
        next = (next + 1) & 15;
        return next * 64;
    }

    @Benchmark
    public int zerowire() {
        return InternetChecksum.compute(data, nextOffset(), size);
    }

    @Benchmark
    public int naive16() {
        return NaiveChecksum.compute(data, nextOffset(), size);
    }
}
