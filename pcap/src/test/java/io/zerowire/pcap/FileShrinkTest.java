package io.zerowire.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A mapped capture that shrinks while it is read (log rotation, {@code tcpdump -C/-W}): the reader
 * raises its typed error, {@link CaptureFormatException.Reason#FILE_SHRANK}, after the records it
 * read whole, and no {@code InternalError} ("a fault occurred in a recent unsafe memory access
 * operation") escapes, then or later.
 */
class FileShrinkTest {
    private static final int RECORDS = 40_000;

    @TempDir
    static Path temp;
    private static byte[] pcap;
    private static byte[] pcapng;

    @BeforeAll
    static void captures() {
        CaptureBytes a = CaptureBytes.littleEndian().pcapHeader(true, 65535, 1);
        CaptureBytes b = CaptureBytes.littleEndian().shb().idb(1, 0);
        for (int i = 0; i < RECORDS; i++) {
            byte[] data = CaptureBytes.packet(200 + i % 1300, i);
            a.pcapRecord(1_700_000_000L + i, i, data, data.length);
            b.epb(0, 1_700_000_000_000_000L + i, data, data.length);
        }
        pcap = a.bytes();
        pcapng = b.bytes();
        assertThat(pcap.length).isGreaterThan(30 << 20);
    }

    private static Path write(String name, byte[] bytes) throws Exception {
        Path file = temp.resolve(name);
        java.nio.file.Files.write(file, bytes);
        return file;
    }

    private static void truncate(Path file, long size) throws Exception {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }

    /** The record {@code i} is what was written: no stale or garbage bytes from a faulted copy. */
    private static void checkRecord(Record record) {
        int i = (int) record.index();
        assertThat(record.capturedLength()).isEqualTo(200 + i % 1300);
        assertThat(record.packet().toByteArray()).isEqualTo(CaptureBytes.packet(200 + i % 1300, i));
    }

    @ParameterizedTest(name = "pcapng={0}")
    @ValueSource(booleans = {false, true})
    void truncatedBetweenTwoRecordsTheReaderSaysTheFileShrank(boolean ng) throws Exception {
        Path file = write(ng ? "a.pcapng" : "a.pcap", ng ? pcapng : pcap);
        try (CaptureReader reader = CaptureReader.open(file, CaptureLimits.DEFAULT, 1 << 16, 1 << 22)) {
            Record record = new Record();
            for (int i = 0; i < 1000; i++) {
                assertThat(reader.next(record)).isTrue();
                checkRecord(record);
            }
            truncate(file, 1_000_000);
            CaptureFormatException e = readToTheError(reader, record);
            assertThat(e.reason()).isEqualTo(CaptureFormatException.Reason.FILE_SHRANK);
            assertThat(e.kind()).isEqualTo(io.zerowire.parse.ParseErrorKind.MALFORMED);
            assertThat(e.layer()).isEqualTo("capture");
            assertThat(e.detail()).isEqualTo("the file shrank from " + (ng ? pcapng : pcap).length
                    + " to 1000000 bytes while it was read");
            assertThat(e.recordsDelivered()).isGreaterThanOrEqualTo(1000);
            assertThat(e.fileOffset()).isEqualTo(reader.position());
            // Sticky, like every reader error.
            try {
                reader.next(record);
                fail("no error");
            } catch (CaptureFormatException again) {
                assertThat(again).isSameAs(e);
            }
        }
        noFaultSurfacesLater();
    }

    @Test
    void shrinkingPastThePositionDeliversTheRecordsStillThereFirst() throws Exception {
        Path file = write("b.pcap", pcap);
        try (CaptureReader reader = CaptureReader.open(file, CaptureLimits.DEFAULT, 1 << 16, 1 << 22)) {
            Record record = new Record();
            assertThat(reader.next(record)).isTrue();
            truncate(file, 10_000_000);
            CaptureFormatException e = readToTheError(reader, record);
            assertThat(e.reason()).isEqualTo(CaptureFormatException.Reason.FILE_SHRANK);
            // Every record that ended well within the bytes left was delivered (a window of 64 KiB).
            assertThat(reader.position()).isBetween(10_000_000L - (1 << 16) - 1600, 10_000_000L);
        }
        noFaultSurfacesLater();
    }

    /**
     * The case: another thread truncates the file while the reader runs flat out, so the
     * truncation can land in the middle of a bulk copy from the mapping (SIGBUS). Each try must end
     * with the typed error after records that are all intact.
     */
    @RepeatedTest(6)
    void truncatedByAnotherThreadWhileReading() throws Exception {
        Path file = write("c.pcapng", pcapng);
        CountDownLatch started = new CountDownLatch(1);
        Thread truncator = new Thread(() -> {
            try {
                started.await(10, TimeUnit.SECONDS);
                truncate(file, 1_000_000);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        truncator.start();
        long delivered = 0;
        boolean shrank = false;
        // Read the file over and over (a fresh reader each pass) until the truncation is seen.
        for (int pass = 0; pass < 1000 && !shrank; pass++) {
            try (CaptureReader reader = CaptureReader.open(file, CaptureLimits.DEFAULT, 1 << 16, 1 << 22)) {
                Record record = new Record();
                while (reader.next(record)) {
                    if (record.index() == 2000) {
                        started.countDown();
                    }
                    checkRecord(record);
                    delivered++;
                }
            } catch (CaptureFormatException e) {
                if (e.reason() != CaptureFormatException.Reason.FILE_SHRANK) {
                    // Once the file is 1,000,000 bytes, a later pass ends there, cut inside a block.
                    assertThat(e.detail()).contains("past the end of the file");
                }
                shrank = true;
            }
        }
        truncator.join();
        assertThat(shrank).isTrue();
        assertThat(delivered).isGreaterThan(2000);
        noFaultSurfacesLater();
    }

    private static CaptureFormatException readToTheError(CaptureReader reader, Record record) {
        try {
            while (reader.next(record)) {
                checkRecord(record);
            }
        } catch (CaptureFormatException e) {
            return e;
        }
        throw new AssertionError("read to the end of a file that shrank");
    }

    /** A fault that was not taken by the reader would surface at some later safepoint check: give it many. */
    private static void noFaultSurfacesLater() {
        long sum = 0;
        long end = System.nanoTime() + 100_000_000L;
        while (System.nanoTime() < end) {
            sum += Arrays.hashCode(new byte[64]);
        }
        System.gc();
        assertThat(sum).isNotEqualTo(Long.MIN_VALUE + 1); // uses the loop's result
    }
}
