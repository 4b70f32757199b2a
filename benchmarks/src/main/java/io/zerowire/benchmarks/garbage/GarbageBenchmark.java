package io.zerowire.benchmarks.garbage;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.framing.Framing;
import io.zerowire.protocols.ipv4.Ipv4Packet;
import io.zerowire.protocols.ipv6.Ipv6Packet;
import io.zerowire.protocols.stack.Dissector;
import io.zerowire.protocols.tcp.TcpV4;
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
 * Scenario 8: rejecting garbage is cheap. 256 frames of random bytes (0 to 1514 long) parsed as
 * Ethernet frames through the {@link Dissector}, and as IPv4, IPv6 and TCP; {@code random} leaves
 * every byte to chance (most are rejected at the first check), {@code plausible} sets the
 * EtherType and version nibble (or a TCP data offset that fits) so that rejection happens deeper.
 * Errors are {@link ParseException}s, which capture no stack trace; the setup prints how many frames
 * each parser rejects.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GarbageBenchmark {
    @Param({"random", "plausible"})
    public String bytes;

    private static final Ipv4Address SOURCE = Ipv4Address.of(192, 0, 2, 1);
    private static final Ipv4Address DESTINATION = Ipv4Address.of(198, 51, 100, 2);

    private byte[][] ethernet;
    private byte[][] ipv4;
    private byte[][] ipv6;
    private byte[][] tcp;
    private int next;
    private final PacketBuffer buffer = PacketBuffer.wrap(new byte[0]);
    private final Dissector dissector = new Dissector();
    private final Ipv4Packet ipv4Packet = new Ipv4Packet();
    private final Ipv6Packet ipv6Packet = new Ipv6Packet();
    private final TcpV4 tcpSegment = new TcpV4();

    @Setup
    public void setUp() {
        boolean plausible = bytes.equals("plausible");
        Random random = new Random(8);
        ethernet = new byte[256][];
        ipv4 = new byte[256][];
        ipv6 = new byte[256][];
        tcp = new byte[256][];
        for (int i = 0; i < 256; i++) {
            ethernet[i] = random(random, 1515);
            ipv4[i] = random(random, 1501);
            ipv6[i] = random(random, 1501);
            tcp[i] = random(random, 1481);
            if (plausible) {
                if (ethernet[i].length >= 15) {
                    boolean v4 = i % 2 == 0;
                    ethernet[i][12] = (byte) (v4 ? 0x08 : 0x86);
                    ethernet[i][13] = (byte) (v4 ? 0x00 : 0xDD);
                    ethernet[i][14] = (byte) (ethernet[i][14] & 0x0F | (v4 ? 0x40 : 0x60));
                }
                version(ipv4[i], 0x40);
                version(ipv6[i], 0x60);
                if (tcp[i].length >= 20) {
                    int words = 5 + random.nextInt(Math.min(11, tcp[i].length / 4 - 4));
                    tcp[i][12] = (byte) (words << 4 | tcp[i][12] & 0x0F);
                }
            }
        }
        System.out.printf("%n%s bytes rejected of 256: dissector %d, ipv4 %d, ipv6 %d, tcp %d%n", bytes,
                count(this::dissect, ethernet), count(this::ipv4, ipv4), count(this::ipv6, ipv6), count(this::tcp, tcp));
    }

    private static byte[] random(Random random, int bound) {
        byte[] frame = new byte[random.nextInt(bound)];
        random.nextBytes(frame);
        return frame;
    }

    private static void version(byte[] packet, int nibble) {
        if (packet.length > 0) {
            packet[0] = (byte) (packet[0] & 0x0F | nibble);
        }
    }

    private interface Parse {
        boolean rejects(byte[] frame);
    }

    private static int count(Parse parse, byte[][] frames) {
        int rejected = 0;
        for (byte[] frame : frames) {
            rejected += parse.rejects(frame) ? 1 : 0;
        }
        return rejected;
    }

    private int next() {
        return next = next + 1 & 255;
    }

    /** Dissects {@code frame}; true if some layer rejected it. */
    private boolean dissect(byte[] frame) {
        return dissector.dissect(Framing.ETHERNET, buffer.rewrap(frame, 0, frame.length)).error() != null;
    }

    private boolean ipv4(byte[] packet) {
        try {
            ipv4Packet.wrap(buffer.rewrap(packet, 0, packet.length));
            return false;
        } catch (ParseException e) {
            return true;
        }
    }

    private boolean ipv6(byte[] packet) {
        try {
            ipv6Packet.wrap(buffer.rewrap(packet, 0, packet.length));
            return false;
        } catch (ParseException e) {
            return true;
        }
    }

    private boolean tcp(byte[] segment) {
        try {
            tcpSegment.wrap(buffer.rewrap(segment, 0, segment.length), SOURCE, DESTINATION);
            return false;
        } catch (ParseException e) {
            return true;
        }
    }

    @Benchmark
    public boolean dissector() {
        return dissect(ethernet[next()]);
    }

    @Benchmark
    public boolean ipv4() {
        return ipv4(ipv4[next()]);
    }

    @Benchmark
    public boolean ipv6() {
        return ipv6(ipv6[next()]);
    }

    @Benchmark
    public boolean tcp() {
        return tcp(tcp[next()]);
    }
}
