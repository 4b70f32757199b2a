package io.zerowire.benchmarks.inplace;

import io.netty.buffer.ByteBufUtil;
import io.zerowire.benchmarks.frames.TcpFrames;
import io.zerowire.buffer.PacketBuffer;
import io.zerowire.parse.ParseException;
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
import org.pcap4j.packet.IllegalRawDataException;

/**
 * Scenarios 4 and 5: answer a received TCP segment with an ACK serialized into the same array
 * ({@code answer}: checksums verified on the way in, computed on the way out, the old payload's
 * bytes zeroed as padding), and forward a received IPv4 packet in place ({@code forward}: header
 * checksum verified, TTL decremented with an RFC 1624 update, MAC addresses rewritten). Each
 * operation first copies one of 256 received frames into the work array (the same copy for every
 * implementation), since both flows overwrite it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// Two forks: a fork's JIT sometimes settles on code 30-50% slower for the whole fork (seen on
// these classes), which one fork would report as the result.
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(2)
public class InPlaceBenchmark {
    public static final long SEED = 4;
    public static final long ROUTER = 0x02_00_5e_00_00_01L;
    public static final long NEXT_HOP = 0x02_00_5e_00_00_02L;
    private static final org.pcap4j.util.MacAddress ROUTER_PCAP4J = pcap4j(ROUTER);
    private static final org.pcap4j.util.MacAddress NEXT_HOP_PCAP4J = pcap4j(NEXT_HOP);

    private byte[][] frames;
    private int next;
    private final byte[] work = new byte[2048];
    private final ZerowireInPlace zerowire = new ZerowireInPlace();
    private final HandInPlace hand = new HandInPlace();
    private final NettyInPlace netty = new NettyInPlace(work);
    private final Pcap4jInPlace pcap4j = new Pcap4jInPlace();

    @Setup
    public void setUp() throws Exception {
        frames = TcpFrames.generate(SEED, 256);
        check(frames);
    }

    /** Every implementation leaves the same bytes in the array, for every frame and both flows. */
    public static void check(byte[][] frames) throws Exception {
        byte[] work = new byte[2048];
        ZerowireInPlace zerowire = new ZerowireInPlace();
        HandInPlace hand = new HandInPlace();
        NettyInPlace netty = new NettyInPlace(work);
        Pcap4jInPlace pcap4j = new Pcap4jInPlace();
        for (int i = 0; i < frames.length; i++) {
            byte[] frame = frames[i];
            int length = frame.length;
            byte[] expected = run(work, frame, () -> hand.answer(work, length));
            same(i, "answer", "zerowire", expected, run(work, frame, () -> {
                PacketBuffer out = zerowire.answer(work, length);
                System.arraycopy(work, out.bodyStart(), work, 0, out.bodyLength());
                return out.bodyLength();
            }));
            same(i, "answer", "netty", expected, run(work, frame, () -> netty.answer(length)));
            same(i, "answer", "pcap4j", expected, run(work, frame, () -> pcap4j.answer(work, length)));
            expected = run(work, frame, () -> hand.forward(work, length, ROUTER, NEXT_HOP) ? length : -1);
            same(i, "forward", "zerowire", expected,
                    run(work, frame, () -> zerowire.forward(work, length, ROUTER, NEXT_HOP) ? length : -1));
            same(i, "forward", "netty", expected,
                    run(work, frame, () -> netty.forward(length, ROUTER, NEXT_HOP) ? length : -1));
            same(i, "forward", "pcap4j", expected,
                    run(work, frame, () -> pcap4j.forward(work, length, ROUTER_PCAP4J, NEXT_HOP_PCAP4J) ? length : -1));
        }
    }

    private interface Flow {
        int run() throws Exception;
    }

    /** The bytes a flow leaves: the frame copied in, the flow run, its output cut out (null if it refused). */
    private static byte[] run(byte[] work, byte[] frame, Flow flow) throws Exception {
        Arrays.fill(work, (byte) 0x5A);
        System.arraycopy(frame, 0, work, 0, frame.length);
        int length = flow.run();
        return length < 0 ? null : Arrays.copyOf(work, length);
    }

    private static void same(int i, String flow, String who, byte[] expected, byte[] actual) {
        if (expected == null || !Arrays.equals(expected, actual)) {
            throw new IllegalStateException(String.format("%s, frame %d: %s left %s, hand left %s", flow, i, who,
                    actual == null ? "nothing" : ByteBufUtil.hexDump(actual),
                    expected == null ? "nothing" : ByteBufUtil.hexDump(expected)));
        }
    }

    private static org.pcap4j.util.MacAddress pcap4j(long bits) {
        byte[] b = new byte[6];
        for (int i = 0; i < 6; i++) {
            b[i] = (byte) (bits >>> 40 - 8 * i);
        }
        return org.pcap4j.util.MacAddress.getByAddress(b);
    }

    /** Copies the next received frame into the work array; returns its length. */
    private int receive() {
        byte[] frame = frames[next = next + 1 & 255];
        System.arraycopy(frame, 0, work, 0, frame.length);
        return frame.length;
    }

    @Benchmark
    public PacketBuffer zerowireAnswer() throws ParseException, SizeLimitExceededException {
        return zerowire.answer(work, receive());
    }

    @Benchmark
    public int handAnswer() {
        return hand.answer(work, receive());
    }

    @Benchmark
    public int nettyAnswer() {
        return netty.answer(receive());
    }

    @Benchmark
    public int pcap4jAnswer() throws IllegalRawDataException {
        return pcap4j.answer(work, receive());
    }

    @Benchmark
    public boolean zerowireForward() throws ParseException {
        return zerowire.forward(work, receive(), ROUTER, NEXT_HOP);
    }

    @Benchmark
    public boolean handForward() {
        return hand.forward(work, receive(), ROUTER, NEXT_HOP);
    }

    @Benchmark
    public boolean nettyForward() {
        return netty.forward(receive(), ROUTER, NEXT_HOP);
    }

    @Benchmark
    public boolean pcap4jForward() throws IllegalRawDataException {
        return pcap4j.forward(work, receive(), ROUTER_PCAP4J, NEXT_HOP_PCAP4J);
    }
}
