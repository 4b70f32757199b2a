package io.zerowire.benchmarks;

import io.zerowire.protocols.ipv4.Ipv4;
import io.zerowire.buffer.PacketBuffer;
import io.zerowire.parse.ParseException;
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
 * Parse an IPv4 header and read every field: the generated view (re-wrapped, so nothing is
 * allocated) against a hand-written VarHandle view doing the same checks, over 256 varied
 * packets. Each operation parses one packet; the fields are folded into the returned value.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Ipv4ParseBenchmark {
    /** {@code mixed}: a quarter of the packets carry options; {@code none}: no packet does. */
    @Param({"mixed", "none"})
    public String options;

    private byte[][] packets;
    private int next;
    private final PacketBuffer buffer = PacketBuffer.wrap(new byte[0]);
    private final Ipv4 view = new Ipv4();
    private final HandIpv4View hand = new HandIpv4View();

    @Setup
    public void setUp() throws ParseException {
        packets = Frames.ipv4Packets(7, options.equals("mixed"));
        // Both implementations must agree on every packet before anything is timed.
        for (int i = 0; i < packets.length; i++) {
            long generated = generated(packets[i], true);
            long handWritten = handWritten(packets[i], true);
            if (generated != handWritten) {
                throw new IllegalStateException("implementations disagree on packet " + i);
            }
        }
    }

    private byte[] nextPacket() {
        next = (next + 1) & (Frames.COUNT - 1);
        return packets[next];
    }

    @Benchmark
    public long generatedVerified() throws ParseException {
        return generated(nextPacket(), true);
    }

    @Benchmark
    public long generatedUnverified() throws ParseException {
        return generated(nextPacket(), false);
    }

    @Benchmark
    public long handWrittenVerified() {
        return handWritten(nextPacket(), true);
    }

    @Benchmark
    public long handWrittenUnverified() {
        return handWritten(nextPacket(), false);
    }

    private long generated(byte[] packet, boolean verify) throws ParseException {
        buffer.rewrap(packet, 0, packet.length);
        Ipv4 ip = verify ? view.wrap(buffer) : view.wrapUnverified(buffer);
        return ip.version() + ip.ihl() + ip.dscp() + ip.ecn() + ip.totalLength() + ip.identification()
                + (ip.dontFragment() ? 1 : 0) + (ip.moreFragments() ? 2 : 0) + ip.fragmentOffset() + ip.ttl()
                + ip.protocolValue() + ip.headerChecksum() + ip.sourceBits() + (long) ip.destinationBits()
                + ip.headerLength();
    }

    /**
     * The hand-written view plus the buffer bookkeeping the generated one does (re-pointing a
     * {@code PacketBuffer} and consuming the header): isolates what the buffer model costs.
     */
    @Benchmark
    public long handWrittenWithBuffer() {
        byte[] packet = nextPacket();
        buffer.rewrap(packet, 0, packet.length);
        HandIpv4View ip = hand;
        if (!ip.wrap(buffer.array(), buffer.bodyStart(), buffer.bodyLength(), false)) {
            return -1;
        }
        buffer.shrinkFront(ip.headerLength()).shrinkBackTo(ip.totalLength() - ip.headerLength());
        return ip.version() + ip.ihl() + ip.dscp() + ip.ecn() + ip.totalLength() + ip.identification()
                + (ip.dontFragment() ? 1 : 0) + (ip.moreFragments() ? 2 : 0) + ip.fragmentOffset() + ip.ttl()
                + ip.protocol() + ip.headerChecksum() + ip.source() + (long) ip.destination()
                + ip.headerLength();
    }

    private long handWritten(byte[] packet, boolean verify) {
        HandIpv4View ip = hand;
        if (!ip.wrap(packet, 0, packet.length, verify)) {
            return -1;
        }
        return ip.version() + ip.ihl() + ip.dscp() + ip.ecn() + ip.totalLength() + ip.identification()
                + (ip.dontFragment() ? 1 : 0) + (ip.moreFragments() ? 2 : 0) + ip.fragmentOffset() + ip.ttl()
                + ip.protocol() + ip.headerChecksum() + ip.source() + (long) ip.destination()
                + ip.headerLength();
    }

}
