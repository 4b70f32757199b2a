package io.zerowire.benchmarks.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Scenario 7: scan a pcap file of {@code megabytes} MB (generated at setup by {@link ScanFile} unless
 * it is there already) to the last packet, every packet dissected down to its ports. One operation
 * is the whole file: MB/s is the file size over the time per operation, packets/s its packet count
 * over it (both printed by the runner's report).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class ScanBenchmark {
    /** The capture to scan (the runner passes its own with {@code -p file=...}). */
    @Param("target/scan.pcap")
    public String file;

    @Param("256")
    public int megabytes;

    private Path path;

    @Setup
    public void setUp() throws IOException {
        path = Path.of(file);
        ScanFile.ensure(path, megabytes);
        check(path, 20_000);
    }

    /** The three scanners find the same packets and fields in the first {@code packets} packets of {@code file}. */
    public static ScanResult check(Path file, long packets) throws IOException {
        ScanResult zerowire = Scanners.zerowire(file, packets);
        ScanResult pkts = Scanners.pkts(file, packets);
        ScanResult pcap4j = Scanners.pcap4j(file, packets);
        if (!zerowire.equals(pkts) || !zerowire.equals(pcap4j)) {
            throw new IllegalStateException("scan of " + file + ": zerowire found " + zerowire + "; pkts " + pkts
                    + "; pcap4j " + pcap4j);
        }
        return zerowire;
    }

    /** The file's size and packet count, reported next to the time so that the runner can give MB/s and packets/s. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counts {
        public long packets;
        public long bytes;
    }

    @Benchmark
    public ScanResult zerowire(Counts counts) throws IOException {
        return count(counts, Scanners.zerowire(path, Long.MAX_VALUE));
    }

    @Benchmark
    public ScanResult pkts(Counts counts) throws IOException {
        return count(counts, Scanners.pkts(path, Long.MAX_VALUE));
    }

    @Benchmark
    public ScanResult pcap4j(Counts counts) throws IOException {
        return count(counts, Scanners.pcap4j(path, Long.MAX_VALUE));
    }

    private ScanResult count(Counts counts, ScanResult result) throws IOException {
        counts.packets += result.packets;
        counts.bytes += Files.size(path);
        return result;
    }
}
