package io.zerowire.pcap;

import io.zerowire.pcap.testing.TestEnvironment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every capture under {@code shared/captures/tcpdump} and {@code shared/captures/kernel}, read by
 * the memory-mapped reader and by the array reader, against tshark: the same number of records and,
 * record by record, the same captured length, original length, timestamp, interface and link type.
 * A capture tshark cannot read to its end must give a {@link CaptureFormatException} after the same
 * number of records, never another exception.
 */
class CaptureCorpusTest {

    @TestFactory
    Stream<DynamicTest> everyCaptureMatchesTshark() throws Exception {
        List<Path> files = TestEnvironment.captures("tcpdump", "kernel");
        Path tshark = TestEnvironment.requireTshark();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        Map<Path, Future<TsharkOracle.Capture>> oracle = new LinkedHashMap<>();
        for (Path file : files) {
            oracle.put(file, pool.submit(() -> TsharkOracle.read(tshark, file)));
        }
        pool.shutdown();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files) {
            Path root = file.getParent().getParent();
            tests.add(DynamicTest.dynamicTest(root.relativize(file).toString(),
                    () -> compare(file, oracle.get(file).get())));
        }
        return tests.stream();
    }

    private static void compare(Path file, TsharkOracle.Capture expected) throws Exception {
        List<String> mapped = new ArrayList<>();
        List<String> inMemory = new ArrayList<>();
        CaptureFormatException mappedError = read(file, true, expected, mapped);
        CaptureFormatException memoryError = read(file, false, expected, inMemory);
        assertThat(inMemory).as("array reader vs mapped reader").isEqualTo(mapped);
        if (expected.error() == null) {
            assertThat(mappedError).as("tshark reads %s to its end", file).isNull();
            assertThat(memoryError).isNull();
        } else {
            assertThat(mappedError).as("tshark stopped: %s", expected.error()).isNotNull();
            assertThat(memoryError).isNotNull();
            assertThat(memoryError.fileOffset()).isEqualTo(mappedError.fileOffset());
        }
        assertThat(mapped).as("records of %s", file).hasSize(expected.frames().size());
    }

    /** Reads {@code file}, checking every record against tshark's frame; returns the error it ended with. */
    private static CaptureFormatException read(Path file, boolean mapped, TsharkOracle.Capture expected,
            List<String> seen) throws Exception {
        Record record = new Record();
        try (CaptureReader reader = mapped ? CaptureReader.open(file) : CaptureReader.of(Files.readAllBytes(file))) {
            while (reader.next(record)) {
                int i = (int) record.index();
                if (i >= expected.frames().size()) {
                    fail("%s: record %d beyond tshark's %d frames", file, i, expected.frames().size());
                }
                TsharkOracle.Frame frame = expected.frames().get(i);
                String where = file.getFileName() + " record " + i;
                assertThat(frame.number()).as(where).isEqualTo(i + 1L);
                assertThat(record.capturedLength()).as(where + " captured length").isEqualTo((int) frame.capturedLength());
                assertThat(record.packet().bodyLength()).as(where + " body").isEqualTo(record.capturedLength());
                assertThat(record.originalLength()).as(where + " original length").isEqualTo(frame.length());
                assertThat(record.epochSecond()).as(where + " seconds").isEqualTo(frame.epochSecond());
                assertThat(record.nanos()).as(where + " nanoseconds").isEqualTo(frame.nanos());
                assertThat(record.interfaceId()).as(where + " interface").isEqualTo(frame.interfaceId());
                assertThat((long) record.linkType().value()).as(where + " link type").isEqualTo(linkType(reader, expected, record));
                seen.add(record.capturedLength() + "/" + record.originalLength() + "/" + record.timestampNanos() + "/"
                        + record.linkType() + "/" + record.fileOffset());
            }
            return null;
        } catch (CaptureFormatException e) {
            assertThat(e.recordsDelivered()).isEqualTo(seen.size());
            return e;
        } catch (RuntimeException e) {
            throw new AssertionError(file + ": only CaptureFormatException may escape the reader", e);
        }
    }

    private static long linkType(CaptureReader reader, TsharkOracle.Capture expected, Record record) {
        List<Long> fields = expected.linkTypeFields();
        if (reader.format() == CaptureFormat.PCAP) {
            assertThat(fields).as("tshark's pcap header").hasSize(1);
            return fields.get(0) & 0xFFFF; // the upper bits carry the FCS length, not the link type
        }
        assertThat(fields.size()).as("tshark's IDBs").isGreaterThan(record.interfaceId());
        return fields.get(record.interfaceId());
    }

    @TestFactory
    Stream<DynamicTest> malformedCapturesGiveOnlyTheTypedError() throws Exception {
        // The corpus flags MALFORMED packets (a dissection verdict); their files must still read
        // exactly as above. Every capture is additionally cut at every record boundary plus one
        // byte: the reader must deliver the records before the cut and then raise the typed error.
        List<Path> files = TestEnvironment.captures("tcpdump", "kernel");
        return files.stream().map(file -> DynamicTest.dynamicTest("truncated " + file.getFileName(), () -> {
            byte[] bytes = Files.readAllBytes(file);
            List<Long> ends = new ArrayList<>();
            Record record = new Record();
            try (CaptureReader reader = CaptureReader.of(bytes)) {
                while (reader.next(record)) {
                    ends.add(reader.position());
                }
            }
            for (int r = 0; r < Math.min(ends.size(), 20); r++) {
                long cut = ends.get(r) - 1; // one byte short of record r's end
                int records = r;
                assertThatThrownBy(() -> countRecords(bytes, (int) cut))
                        .isInstanceOf(CaptureFormatException.class)
                        .satisfies(e -> assertThat(((CaptureFormatException) e).recordsDelivered()).isEqualTo(records));
            }
        }));
    }

    private static long countRecords(byte[] bytes, int length) throws CaptureFormatException {
        Record record = new Record();
        try (CaptureReader reader = CaptureReader.of(bytes, 0, length, CaptureLimits.DEFAULT)) {
            while (reader.next(record)) {
                // count
            }
            return reader.recordsDelivered();
        }
    }
}
