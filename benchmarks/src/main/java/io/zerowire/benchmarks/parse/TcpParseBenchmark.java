package io.zerowire.benchmarks.parse;

import io.zerowire.benchmarks.frames.TcpFrames;
import io.zerowire.parse.ParseException;
import java.io.IOException;
import java.util.List;
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
import org.pcap4j.packet.IllegalRawDataException;

/**
 * Scenario 1: parse an Ethernet / IPv4 / TCP frame (TCP options in four frames of five) and read
 * the addresses, ports, sequence and acknowledgment numbers, flags and window, without and with the
 * IPv4 and TCP checksums verified. One operation is one frame of 256.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// Two forks: a fork's JIT sometimes settles on code 30-50% slower for the whole fork (seen on
// these classes), which one fork would report as the result.
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(2)
public class TcpParseBenchmark {
    public static final int FRAMES = 256;
    public static final long SEED = 1;

    private byte[][] frames;
    private int next;
    private final TcpFields out = new TcpFields();
    private ZerowireTcpParser zerowire;
    private HandTcpParser hand;
    private NettyTcpParser netty;
    private Pcap4jTcpParser pcap4j;
    private PktsTcpParser pkts;

    @Setup
    public void setUp() {
        frames = TcpFrames.generate(SEED, FRAMES);
        zerowire = new ZerowireTcpParser(frames);
        hand = new HandTcpParser(frames);
        netty = new NettyTcpParser(frames);
        pcap4j = new Pcap4jTcpParser(frames);
        pkts = new PktsTcpParser(frames);
        check(frames);
    }

    /** Every implementation gives the same answers on {@code frames}, with and without checksums. */
    public static void check(byte[][] frames) {
        List<FrameParser<TcpFields>> all = List.of(new ZerowireTcpParser(frames), new HandTcpParser(frames),
                new NettyTcpParser(frames), new Pcap4jTcpParser(frames), new PktsTcpParser(frames));
        ParseChecks.agree("tcp parse", frames.length, false, true, TcpFields::new, TcpFields::sameAs, all);
        ParseChecks.agree("tcp parse, checksums verified", frames.length, true, true, TcpFields::new, TcpFields::sameAs,
                all.subList(0, 4));
    }

    private int next() {
        return next = next + 1 & FRAMES - 1;
    }

    @Benchmark
    public void zerowire(Blackhole bh) throws ParseException {
        bh.consume(zerowire.parse(frames[next()], false, out));
        bh.consume(out);
    }

    @Benchmark
    public void zerowireVerified(Blackhole bh) throws ParseException {
        bh.consume(zerowire.parse(frames[next()], true, out));
        bh.consume(out);
    }

    @Benchmark
    public void hand(Blackhole bh) {
        bh.consume(hand.parse(frames[next()], false, out));
        bh.consume(out);
    }

    @Benchmark
    public void handVerified(Blackhole bh) {
        bh.consume(hand.parse(frames[next()], true, out));
        bh.consume(out);
    }

    @Benchmark
    public void netty(Blackhole bh) {
        bh.consume(netty.parse(netty.frame(next()), false, out));
        bh.consume(out);
    }

    @Benchmark
    public void nettyVerified(Blackhole bh) {
        bh.consume(netty.parse(netty.frame(next()), true, out));
        bh.consume(out);
    }

    @Benchmark
    public void pcap4j(Blackhole bh) throws IllegalRawDataException {
        bh.consume(pcap4j.parse(frames[next()], false, out));
        bh.consume(out);
    }

    @Benchmark
    public void pcap4jVerified(Blackhole bh) throws IllegalRawDataException {
        bh.consume(pcap4j.parse(frames[next()], true, out));
        bh.consume(out);
    }

    @Benchmark
    public void pkts(Blackhole bh) throws IOException {
        bh.consume(pkts.parse(frames[next()], out));
        bh.consume(out);
    }
}
