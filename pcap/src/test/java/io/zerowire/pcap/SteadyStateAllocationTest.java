package io.zerowire.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading and writing allocate nothing per record once running: measured with the JVM's per-thread
 * allocation counter over the records of big synthetic captures, read memory-mapped (with window
 * refills) and from an array.
 */
class SteadyStateAllocationTest {
    private static final int RECORDS = 100_000;
    private static final int WARM_UP = 5_000;
    /** Allowance for the counter's own bookkeeping; a single allocation per record would be megabytes. */
    private static final long SLACK = 4096;

    @TempDir
    static Path temp;
    static Path pcap;
    static Path pcapng;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static long allocated() {
        return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    @BeforeAll
    static void writeCaptures() throws Exception {
        pcap = temp.resolve("big.pcap");
        pcapng = temp.resolve("big.pcapng");
        byte[] frame = CaptureBytes.packet(1514, 1);
        try (PcapWriter a = PcapWriter.builder(LinkType.ETHERNET).nanosecond(true).open(pcap);
                PcapngWriter b = PcapngWriter.builder().open(pcapng)) {
            b.addInterface(LinkType.ETHERNET);
            b.addInterface(LinkType.RAW, 0, 6, "raw");
            for (int i = 0; i < RECORDS; i++) {
                int length = 40 + (i * 37) % 1475;
                a.write(1_700_000_000L + i, i, frame, 0, length, length);
                b.write(i & 1, 1_700_000_000L + i, i * 1000, frame, 0, length, length);
            }
        }
        assertThat(Files.size(pcap)).isGreaterThan(50L << 20); // many window refills
    }

    private static long readAndMeasure(CaptureReader reader) throws CaptureFormatException {
        return readAndMeasure(reader, false);
    }

    private static long readAndMeasure(CaptureReader reader, boolean copy) throws CaptureFormatException {
        Record record = new Record();
        long checksum = 0;
        for (int i = 0; i < WARM_UP; i++) {
            assertThat(reader.next(record)).isTrue();
        }
        long before = allocated();
        long after = allocated();
        long overhead = after - before;
        before = allocated();
        int count = WARM_UP;
        while (reader.next(record)) {
            checksum += record.capturedLength() + record.packet().get(0) + record.timestampNanos() + record.linkType().value();
            if (copy) {
                checksum += record.packet().toByteArray().length;
            }
            count++;
        }
        after = allocated();
        assertThat(count).isEqualTo(RECORDS);
        assertThat(checksum).isNotZero();
        return after - before - overhead;
    }

    @Test
    void readingAMappedPcapAllocatesNothingPerRecord() throws Exception {
        try (CaptureReader reader = CaptureReader.open(pcap)) {
            assertThat(readAndMeasure(reader)).as("bytes allocated for %d records", RECORDS - WARM_UP).isLessThan(SLACK);
        }
    }

    @Test
    void readingAMappedPcapngAllocatesNothingPerRecord() throws Exception {
        try (CaptureReader reader = CaptureReader.open(pcapng)) {
            assertThat(readAndMeasure(reader)).as("bytes allocated for %d records", RECORDS - WARM_UP).isLessThan(SLACK);
        }
    }

    /** Standard input is a FileInputStream; a FIFO opened by CaptureReader.open, a channel's stream. */
    @Test
    void readingAStreamAllocatesNothingPerRecord() throws Exception {
        try (CaptureReader reader = CaptureReader.read(new java.io.FileInputStream(pcap.toFile()))) {
            assertThat(readAndMeasure(reader)).as("bytes allocated for %d records", RECORDS - WARM_UP).isLessThan(SLACK);
        }
        try (CaptureReader reader = CaptureReader.read(Files.newInputStream(pcapng))) {
            assertThat(readAndMeasure(reader)).as("bytes allocated for %d records", RECORDS - WARM_UP).isLessThan(SLACK);
        }
    }

    @Test
    void theMeasurementSeesOneCopyPerRecord() throws Exception {
        try (CaptureReader reader = CaptureReader.open(pcap)) {
            assertThat(readAndMeasure(reader, true)).isGreaterThan(40L * (RECORDS - WARM_UP));
        }
    }

    @Test
    void readingAnArrayAllocatesNothingPerRecord() throws Exception {
        byte[] bytes = Files.readAllBytes(pcapng);
        try (CaptureReader reader = CaptureReader.of(bytes)) {
            assertThat(readAndMeasure(reader)).isLessThan(SLACK);
        }
    }

    @Test
    void writingAllocatesNothingPerRecord() throws Exception {
        byte[] frame = CaptureBytes.packet(1514, 2);
        try (PcapWriter a = PcapWriter.builder(LinkType.ETHERNET).open(new BufferedOutputStream(OutputStream.nullOutputStream()));
                PcapngWriter b = PcapngWriter.builder().open(new BufferedOutputStream(OutputStream.nullOutputStream()))) {
            b.addInterface(LinkType.ETHERNET);
            for (int i = 0; i < WARM_UP; i++) {
                a.write(1, i, frame, 0, 100 + i % 1000, 1514);
                b.write(0, 1, i, frame, 0, 100 + i % 1000, 1514);
            }
            long before = allocated();
            for (int i = 0; i < RECORDS; i++) {
                a.write(1, i, frame, 0, 100 + i % 1000, 1514);
                b.write(0, 1, i, frame, 0, 100 + i % 1000, 1514);
            }
            assertThat(allocated() - before).isLessThan(SLACK);
        }
    }
}
