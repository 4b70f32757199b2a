package io.zerowire.benchmarks;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.serialize.BufferProvider;
import io.zerowire.serialize.HeapBufferProvider;
import io.zerowire.serialize.SizeLimitExceededException;
import io.zerowire.serialize.Serializer;
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
 * A three-layer nested serialize (UDP in IPv4 in Ethernet, 32-byte payload, padded to the
 * Ethernet minimum) into one reused buffer: the steady state the design promises allocates
 * nothing, which {@code -prof gc} shows as {@code gc.alloc.rate.norm}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NestedSerializeBenchmark {
    private final byte[] payload = new byte[32];
    private final HandBuilders.Ipv4 ipv4 = new HandBuilders.Ipv4();
    private Serializer frame;
    private HeapBufferProvider provider;

    @Setup
    public void setUp() {
        frame = Serializer.of(payload)
                .encapsulate(new HandBuilders.Udp())
                .encapsulate(ipv4)
                .encapsulate(new HandBuilders.Ethernet());
        provider = BufferProvider.into(PacketBuffer.wrap(new byte[2048]));
    }

    @Benchmark
    public int serializeIntoReusedBuffer() throws SizeLimitExceededException {
        ipv4.identification = (ipv4.identification + 1) & 0xFFFF;
        PacketBuffer out = frame.serialize(provider);
        if (provider.allocations() != 0) {
            throw new IllegalStateException("the reused buffer was not used");
        }
        return out.bodyLength() + out.array()[out.bodyStart() + 18];
    }
}
