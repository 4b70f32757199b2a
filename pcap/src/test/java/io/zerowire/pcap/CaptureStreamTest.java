package io.zerowire.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.zerowire.pcap.testing.TrickleInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Captures read from streams: {@link CaptureReader#read(InputStream)}, and
 * {@link CaptureReader#open(Path)} on a FIFO. Records arrive as soon as their last byte has, a slow
 * writer is waited for, the end of the stream ends the capture, and bad lengths are the typed error
 * without waiting for or allocating what they claim.
 */
class CaptureStreamTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    private static byte[] pcap(int records) {
        CaptureBytes file = CaptureBytes.littleEndian().pcapHeader(true, 65535, 1);
        for (int i = 0; i < records; i++) {
            file.pcapRecord(1_700_000_000L + i, i, CaptureBytes.packet(60 + i % 1400, i), 60 + i % 1400);
        }
        return file.bytes();
    }

    private static byte[] pcapng(int records) {
        CaptureBytes file = CaptureBytes.bigEndian().shb().idb(1, 0);
        for (int i = 0; i < records; i++) {
            file.epb(0, 1_700_000_000_000_000L + i, CaptureBytes.packet(60 + i % 1400, i), 60 + i % 1400);
        }
        return file.bytes();
    }

    /** Every record of a reader, described. */
    private static String describe(CaptureReader reader) throws CaptureFormatException {
        StringBuilder out = new StringBuilder();
        Record record = new Record();
        while (reader.next(record)) {
            out.append(record).append(Arrays.hashCode(record.packet().toByteArray())).append('\n');
        }
        return out.toString();
    }

    @ParameterizedTest(name = "pcapng={0}")
    @ValueSource(booleans = {false, true})
    void aStreamReadsLikeTheArray(boolean ng) throws Exception {
        byte[] bytes = ng ? pcapng(3000) : pcap(3000);
        String expected = describe(CaptureReader.of(bytes));
        try (CaptureReader stream = CaptureReader.read(new ByteArrayInputStream(bytes))) {
            assertThat(stream.size()).as("unknown until the end").isEqualTo(-1);
            assertThat(describe(stream)).isEqualTo(expected);
            assertThat(stream.size()).isEqualTo(bytes.length);
        }
        // A window of 16 bytes that must compact and grow, fed a few bytes at a time.
        try (CaptureReader stream = CaptureReader.read(new TrickleInputStream(bytes, 7), CaptureLimits.DEFAULT, 16)) {
            assertThat(describe(stream)).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "pcapng={0}")
    @ValueSource(booleans = {false, true})
    void eachRecordIsDeliveredAsSoonAsItsBytesHaveArrived(boolean ng) throws Exception {
        byte[] bytes = ng ? pcapng(3) : pcap(3);
        int firstEnd;
        try (CaptureReader array = CaptureReader.of(bytes)) {
            Record record = new Record();
            array.next(record);
            firstEnd = (int) array.position();
        }
        PipedInputStream in = new PipedInputStream(1 << 16);
        PipedOutputStream out = new PipedOutputStream(in);
        CountDownLatch firstRead = new CountDownLatch(1);
        Thread writer = new Thread(() -> {
            try {
                out.write(bytes, 0, firstEnd);           // the header and one record, then nothing
                out.flush();
                if (firstRead.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                    Thread.sleep(50);
                    out.write(bytes, firstEnd, bytes.length - firstEnd);
                }
                out.close();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        assertTimeoutPreemptively(PATIENCE, () -> {
            try (CaptureReader reader = CaptureReader.read(in)) {
                Record record = new Record();
                assertThat(reader.next(record)).as("the first record, while the writer waits").isTrue();
                assertThat(record.index()).isZero();
                firstRead.countDown();
                assertThat(reader.next(record)).isTrue();
                assertThat(reader.next(record)).isTrue();
                assertThat(reader.next(record)).as("the end of the stream ends the capture").isFalse();
                assertThat(reader.size()).isEqualTo(bytes.length);
            }
        });
        writer.join();
    }

    @Test
    void aStreamEndingInsideARecordIsTheTypedErrorAfterTheRecordsBeforeIt() throws Exception {
        byte[] bytes = pcapng(5);
        byte[] cut = Arrays.copyOf(bytes, bytes.length - 10);
        CaptureFormatException fromArray = failure(CaptureReader.of(cut));
        CaptureFormatException fromStream = failure(CaptureReader.read(new ByteArrayInputStream(cut)));
        assertThat(fromStream.getMessage()).isEqualTo(fromArray.getMessage());
        assertThat(fromStream.recordsDelivered()).isEqualTo(4);
        assertThat(fromStream.reason()).isEqualTo(CaptureFormatException.Reason.CONTENTS);
    }

    private static CaptureFormatException failure(CaptureReader reader) {
        Record record = new Record();
        try (reader) {
            while (reader.next(record)) {
                // read on
            }
            throw new AssertionError("no error");
        } catch (CaptureFormatException e) {
            return e;
        }
    }

    @Test
    void anEmptyStreamIsReportedAsAnEmptyFile() {
        assertThatThrownBy(() -> CaptureReader.read(InputStream.nullInputStream()))
                .isInstanceOf(CaptureFormatException.class).hasMessageContaining("the file is empty");
    }

    /**
     * A length over the limits is refused at once: the reader neither waits for the bytes it claims
     * (the writer here never sends them and never closes) nor allocates for them.
     */
    @ParameterizedTest(name = "pcapng={0}")
    @ValueSource(booleans = {false, true})
    void aLengthOverTheLimitIsRefusedWithoutWaitingForItsBytes(boolean ng) throws Exception {
        byte[] head = ng
                ? CaptureBytes.littleEndian().shb().idb(1, 0).u32(6).u32(0x7FFF_FFF0L).u32(0).bytes()
                : CaptureBytes.littleEndian().pcapHeader(false, 65535, 1).u32(1).u32(0).u32(0xFFFF_FFF0L).u32(60).bytes();
        PipedInputStream in = new PipedInputStream(1 << 16);
        PipedOutputStream out = new PipedOutputStream(in);
        out.write(head);
        out.flush();
        assertTimeoutPreemptively(PATIENCE, () -> {
            try (CaptureReader reader = CaptureReader.read(in)) {
                assertThatThrownBy(() -> reader.next(new Record())).isInstanceOf(CaptureFormatException.class)
                        .hasMessageContaining("exceeds the limit");
            }
        });
        out.close();
    }

    @Test
    void anIoErrorOfTheStreamIsUnchecked() throws Exception {
        byte[] bytes = pcap(10);
        InputStream failing = new InputStream() {
            private int at;

            @Override
            public int read() throws IOException {
                if (at == 500) {
                    throw new IOException("the device went away");
                }
                return bytes[at++] & 0xFF;
            }
        };
        try (CaptureReader reader = CaptureReader.read(failing)) {
            Record record = new Record();
            assertThatThrownBy(() -> {
                while (reader.next(record)) {
                    // read on
                }
            }).isInstanceOf(UncheckedIOException.class).hasMessageContaining("the device went away");
        }
    }

    @Test
    void closingTheReaderClosesTheStream() throws Exception {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream(pcap(1)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        CaptureReader.read(in).close();
        assertThat(closed[0]).isTrue();
    }

    /** A FIFO written slowly by another thread: read as a stream, not mapped (which saw an empty file). */
    @ParameterizedTest(name = "pcapng={0}")
    @ValueSource(booleans = {false, true})
    void aFifoIsReadAsAStream(boolean ng) throws Exception {
        Path fifo = temp.resolve("capture.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).isZero();
        byte[] bytes = ng ? pcapng(200) : pcap(200);
        Thread writer = slowWriter(fifo, bytes, 5);
        assertTimeoutPreemptively(PATIENCE, () -> {
            try (CaptureReader reader = CaptureReader.open(fifo)) {
                assertThat(describe(reader)).isEqualTo(describe(CaptureReader.of(bytes)));
                assertThat(reader.size()).isEqualTo(bytes.length);
            }
        });
        writer.join();
    }

    /** Writes {@code bytes} to {@code path} in {@code pieces} pieces, 30 ms apart. */
    static Thread slowWriter(Path path, byte[] bytes, int pieces) {
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(path)) {
                int step = (bytes.length + pieces - 1) / pieces;
                for (int at = 0; at < bytes.length; at += step) {
                    out.write(bytes, at, Math.min(step, bytes.length - at));
                    out.flush();
                    Thread.sleep(30);
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        return writer;
    }

    @Test
    void theWindowGrowsWithTheBytesThatArriveNotWithTheLengthsClaimed() {
        // A block that claims 16 MiB (the limit) in a stream of 100 KB: the window follows the bytes.
        byte[] bytes = new byte[100_000];
        CaptureSource.StreamSource source = new CaptureSource.StreamSource(new ByteArrayInputStream(bytes), 1024, 16 << 20);
        assertThat(source.ensure(0, 16 << 20)).isEqualTo(100_000);
        assertThat(source.size).isEqualTo(100_000);
        assertThat(source.array().length).isLessThanOrEqualTo(2 * 100_000 + 1024);
    }
}
