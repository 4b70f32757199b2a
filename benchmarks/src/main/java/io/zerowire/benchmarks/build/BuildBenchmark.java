package io.zerowire.benchmarks.build;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.zerowire.buffer.PacketBuffer;
import io.zerowire.serialize.SizeLimitExceededException;
import java.util.Arrays;
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

/**
 * Scenario 3: build an Ethernet / IPv4 / UDP datagram with a 32-byte payload, IPv4 and UDP
 * checksums computed, into a new array ({@code fresh}) and into one reused buffer ({@code reused}).
 * One operation is one datagram of 256 (different addresses, ports and identification).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// Two forks: a fork's JIT sometimes settles on code 30-50% slower for the whole fork (seen on
// these classes), which one fork would report as the result.
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(2)
public class BuildBenchmark {
    public static final long SEED = 3;

    private int next;
    private ZerowireUdpWriter zerowire;
    private HandUdpWriter hand;
    private NettyUdpWriter netty;
    private Pcap4jUdpWriter pcap4j;
    private final byte[] scratch = new byte[2048];

    @Setup
    public void setUp() throws SizeLimitExceededException {
        Datagrams datagrams = new Datagrams(SEED);
        zerowire = new ZerowireUdpWriter(datagrams);
        hand = new HandUdpWriter(datagrams);
        netty = new NettyUdpWriter(datagrams);
        pcap4j = new Pcap4jUdpWriter(datagrams);
        check(datagrams);
    }

    /** Every implementation writes the same bytes for every datagram, fresh and reused. */
    public static void check(Datagrams datagrams) throws SizeLimitExceededException {
        ZerowireUdpWriter zerowire = new ZerowireUdpWriter(datagrams);
        HandUdpWriter hand = new HandUdpWriter(datagrams);
        NettyUdpWriter netty = new NettyUdpWriter(datagrams);
        Pcap4jUdpWriter pcap4j = new Pcap4jUdpWriter(datagrams);
        for (int i = 0; i < Datagrams.COUNT; i++) {
            byte[] expected = hand.fresh(i);
            PacketBuffer reused = zerowire.reused(i);
            same(i, "zerowire fresh", expected, zerowire.fresh(i));
            same(i, "zerowire reused", expected, reused.toByteArray());
            same(i, "netty fresh", expected, ByteBufUtil.getBytes(netty.fresh(i)));
            same(i, "netty reused", expected, ByteBufUtil.getBytes(netty.reused(i)));
            same(i, "pcap4j", expected, pcap4j.fresh(i));
        }
    }

    private static void same(int i, String who, byte[] expected, byte[] actual) {
        if (!Arrays.equals(expected, actual)) {
            throw new IllegalStateException(String.format("build, datagram %d: %s wrote %s, hand wrote %s", i, who,
                    ByteBufUtil.hexDump(actual), ByteBufUtil.hexDump(expected)));
        }
    }

    private int next() {
        return next = next + 1 & Datagrams.COUNT - 1;
    }

    @Benchmark
    public byte[] zerowireFresh() throws SizeLimitExceededException {
        return zerowire.fresh(next());
    }

    @Benchmark
    public PacketBuffer zerowireReused() throws SizeLimitExceededException {
        return zerowire.reused(next());
    }

    @Benchmark
    public byte[] handFresh() {
        return hand.fresh(next());
    }

    @Benchmark
    public int handReused() {
        return hand.write(scratch, next());
    }

    @Benchmark
    public ByteBuf nettyFresh() {
        return netty.fresh(next());
    }

    @Benchmark
    public ByteBuf nettyReused() {
        return netty.reused(next());
    }

    @Benchmark
    public byte[] pcap4jFresh() {
        return pcap4j.fresh(next());
    }
}
