package io.zerowire.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The memory-mapped window: refills keep the unread tail, cross mapping segments, and grow only when asked. */
class CaptureSourceTest {
    @TempDir
    Path temp;

    @Test
    void ensureBringsAnyRangeIntoTheWindowAcrossSegments() throws Exception {
        byte[] bytes = CaptureBytes.packet(10_000, 3);
        Path file = temp.resolve("bytes");
        Files.write(file, bytes);
        CaptureSource source = CaptureSource.MappedSource.open(file, 64, 100, 4096);
        assertThat(source.size).isEqualTo(10_000);
        for (long offset : new long[] {0, 10, 63, 64, 99, 100, 150, 5000, 9990, 9999, 10_000, 3}) {
            for (int length : new int[] {1, 7, 64, 300}) {
                int available = source.ensure(offset, length);
                assertThat(available).isEqualTo((int) Math.min(length, 10_000 - offset));
                int index = source.index(offset);
                assertThat(Arrays.copyOfRange(source.array(), index, index + available))
                        .isEqualTo(Arrays.copyOfRange(bytes, (int) offset, (int) offset + available));
            }
        }
        assertThat(source.array().length).as("grown to the largest request, not beyond").isEqualTo(300);
    }

    @Test
    void aSmallFileGetsAWindowOfItsSize() throws Exception {
        Path file = temp.resolve("small");
        Files.write(file, new byte[] {1, 2, 3});
        CaptureSource source = CaptureSource.MappedSource.open(file, 1 << 20, 1 << 30, 1 << 20);
        assertThat(source.ensure(0, 100)).isEqualTo(3);
        assertThat(source.array()).hasSize(3);
    }

    @Test
    void anEmptyFileHasNothing() throws Exception {
        Path file = temp.resolve("empty");
        Files.write(file, new byte[0]);
        CaptureSource source = CaptureSource.MappedSource.open(file, 1 << 20, 1 << 30, 1 << 20);
        assertThat(source.ensure(0, 4)).isZero();
    }

    @Test
    void largeRecordsThroughATinyWindowAndTinySegments() throws Exception {
        CaptureBytes capture = CaptureBytes.littleEndian().shb().idb(1, 0);
        for (int i = 0; i < 50; i++) {
            capture.epb(0, i, CaptureBytes.packet(100 + i * 37, i), 2000).nrb();
        }
        byte[] bytes = capture.bytes();
        Path file = temp.resolve("c.pcapng");
        Files.write(file, bytes);
        try (CaptureReader mapped = CaptureReader.open(file, CaptureLimits.DEFAULT, 16, 333);
                CaptureReader array = CaptureReader.of(bytes)) {
            Record a = new Record();
            Record b = new Record();
            int count = 0;
            while (array.next(b)) {
                assertThat(mapped.next(a)).isTrue();
                assertThat(a.packet().toByteArray()).isEqualTo(b.packet().toByteArray());
                assertThat(a.fileOffset()).isEqualTo(b.fileOffset());
                count++;
            }
            assertThat(mapped.next(a)).isFalse();
            assertThat(count).isEqualTo(50);
        }
    }
}
