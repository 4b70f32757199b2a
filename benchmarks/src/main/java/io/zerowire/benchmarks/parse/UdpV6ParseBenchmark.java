package io.zerowire.benchmarks.parse;

import io.zerowire.benchmarks.frames.UdpV6Frames;
import io.zerowire.parse.ParseException;
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
 * Scenario 2: parse an Ethernet / IPv6 / Hop-by-Hop / Fragment / UDP frame and read the
 * addresses, hop limit, fragment identification, ports and UDP length, without and with the UDP
 * checksum verified. One operation is one frame of 256.
 *
 * <p>pkts.io is not here: its IPv6 framer reads every extension header's next-header and length
 * fields at the first one's position, so a chain of two (Hop-by-Hop, then Fragment) fails with
 * {@code IndexOutOfBoundsException: Not enough readable bytes} ({@link PktsUdpV6Parser} shows it,
 * and the unit test holds it to that, so that a pkts release that fixes it is noticed).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// Two forks: a fork's JIT sometimes settles on code 30-50% slower for the whole fork (seen on
// these classes), which one fork would report as the result.
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(2)
public class UdpV6ParseBenchmark {
    public static final int FRAMES = 256;
    public static final long SEED = 2;

    private byte[][] frames;
    private int next;
    private final UdpFields out = new UdpFields();
    private ZerowireUdpV6Parser zerowire;
    private HandUdpV6Parser hand;
    private NettyUdpV6Parser netty;
    private Pcap4jUdpV6Parser pcap4j;

    @Setup
    public void setUp() {
        frames = UdpV6Frames.generate(SEED, FRAMES);
        zerowire = new ZerowireUdpV6Parser(frames);
        hand = new HandUdpV6Parser(frames);
        netty = new NettyUdpV6Parser(frames);
        pcap4j = new Pcap4jUdpV6Parser(frames);
        check(frames);
    }

    /** Every implementation gives the same answers on {@code frames}, with and without the UDP checksum. */
    public static void check(byte[][] frames) {
        List<FrameParser<UdpFields>> all = List.of(new ZerowireUdpV6Parser(frames), new HandUdpV6Parser(frames),
                new NettyUdpV6Parser(frames), new Pcap4jUdpV6Parser(frames));
        ParseChecks.agree("ipv6 udp parse", frames.length, false, true, UdpFields::new, UdpFields::sameAs, all);
        ParseChecks.agree("ipv6 udp parse, checksum verified", frames.length, true, true, UdpFields::new, UdpFields::sameAs,
                all);
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
}
