package io.zerowire.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PcapReaderTest {
    @TempDir
    Path temp;

    private static List<Record> readAll(CaptureReader reader) throws CaptureFormatException {
        List<Record> records = new ArrayList<>();
        while (true) {
            Record record = new Record();
            if (!reader.next(record)) {
                return records;
            }
            records.add(record);
        }
    }

    @ParameterizedTest(name = "big-endian={0}, nanosecond={1}")
    @CsvSource({"false,false", "false,true", "true,false", "true,true"})
    void readsBothByteOrdersAndBothResolutions(boolean big, boolean nano) throws Exception {
        byte[] first = CaptureBytes.packet(60, 1);
        byte[] second = CaptureBytes.packet(1514, 2);
        CaptureBytes file = (big ? CaptureBytes.bigEndian() : CaptureBytes.littleEndian())
                .pcapHeader(nano, 65535, 1)
                .pcapRecord(1_700_000_000L, nano ? 123_456_789 : 123_456, first, 60)
                .pcapRecord(1_700_000_001L, nano ? 999_999_999 : 999_999, second, 1514)
                .pcapRecord(5, 0, new byte[0], 0);
        byte[] bytes = file.bytes();
        try (CaptureReader reader = CaptureReader.of(bytes)) {
            assertThat(reader.format()).isEqualTo(CaptureFormat.PCAP);
            assertThat(reader.bigEndian()).isEqualTo(big);
            assertThat(reader.nanosecondPcap()).isEqualTo(nano);
            assertThat(reader.interfaceSnapLength(0)).isEqualTo(65535);
            List<Record> records = readAll(reader);
            assertThat(records).hasSize(3);
            Record r = records.get(0);
            assertThat(r.capturedLength()).isEqualTo(60);
            assertThat(r.originalLength()).isEqualTo(60);
            assertThat(r.packet().toByteArray()).isEqualTo(first);
            assertThat(r.epochSecond()).isEqualTo(1_700_000_000L);
            assertThat(r.nanos()).isEqualTo(nano ? 123_456_789 : 123_456_000);
            assertThat(r.timestampNanos()).isEqualTo(1_700_000_000L * 1_000_000_000L + r.nanos());
            assertThat(r.linkType()).isEqualTo(LinkType.ETHERNET);
            assertThat(r.index()).isZero();
            assertThat(r.fileOffset()).isEqualTo(24);
            assertThat(r.hasTimestamp()).isTrue();
            assertThat(r.format()).isEqualTo(CaptureFormat.PCAP);
            assertThat(r.options().next()).isFalse();
            Record s = records.get(1);
            assertThat(s.packet().toByteArray()).isEqualTo(second);
            assertThat(s.nanos()).isEqualTo(nano ? 999_999_999 : 999_999_000);
            assertThat(s.fileOffset()).isEqualTo(24 + 16 + 60);
            assertThat(records.get(2).capturedLength()).isZero();
            assertThat(reader.recordsDelivered()).isEqualTo(3);
            assertThat(reader.position()).isEqualTo(bytes.length);
        }
    }

    @Test
    void recordsAreViewsOverTheInputWithTheRecordHeaderAsPrefix() throws Exception {
        byte[] data = CaptureBytes.packet(100, 3);
        byte[] bytes = CaptureBytes.littleEndian().pcapHeader(false, 262144, 1).pcapRecord(1, 2, data, 100).bytes();
        try (CaptureReader reader = CaptureReader.of(bytes)) {
            Record record = new Record();
            assertThat(reader.next(record)).isTrue();
            assertThat(record.packet().array()).isSameAs(bytes);
            assertThat(record.packet().bodyStart()).isEqualTo(24 + 16);
            assertThat(record.packet().prefixLength()).isEqualTo(16);
            assertThat(record.packet().bodyLength()).isEqualTo(100);
            assertThat(record.packet().suffixLength()).isZero();
            assertThat(reader.next(record)).isFalse();
            assertThat(reader.next(record)).as("the end stays the end").isFalse();
        }
    }

    @Test
    void capturedShorterThanOriginalIsReportedAsIs() throws Exception {
        byte[] data = CaptureBytes.packet(96, 4);
        byte[] bytes = CaptureBytes.bigEndian().pcapHeader(false, 96, 1).pcapRecord(10, 20, data, 1500).bytes();
        try (CaptureReader reader = CaptureReader.of(bytes)) {
            Record record = new Record();
            assertThat(reader.next(record)).isTrue();
            assertThat(record.capturedLength()).isEqualTo(96);
            assertThat(record.originalLength()).isEqualTo(1500);
            assertThat(reader.interfaceSnapLength(0)).isEqualTo(96);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 101, 113, 228, 229, 276, 147, 65535})
    void linkTypesAreReportedNotGuessed(int linkType) throws Exception {
        byte[] bytes = CaptureBytes.littleEndian().pcapHeader(false, 1000, linkType)
                .pcapRecord(0, 0, new byte[20], 20).bytes();
        try (CaptureReader reader = CaptureReader.of(bytes)) {
            Record record = new Record();
            assertThat(reader.next(record)).isTrue();
            assertThat(record.linkType().value()).isEqualTo(linkType);
            assertThat(record.linkType().isKnown()).isEqualTo(linkType != 147 && linkType != 65535);
        }
    }

    @ParameterizedTest(name = "big-endian={0}")
    @ValueSource(booleans = {false, true})
    void fcsBitsOfTheLinkTypeFieldAreSeparatedFromTheLinkType(boolean big) throws Exception {
        // FCS length 3 words (bits 28-31), P bit (26) set, link type 1.
        byte[] withFcs = (big ? CaptureBytes.bigEndian() : CaptureBytes.littleEndian())
                .pcapHeader(false, 1000, 0x3400_0001L).bytes();
        try (CaptureReader reader = CaptureReader.of(withFcs)) {
            assertThat(reader.interfaceLinkType(0)).isEqualTo(LinkType.ETHERNET);
            assertThat(reader.pcapFcsLength()).isEqualTo(6);
            assertThat(reader.interfaceFcsLength(0)).isEqualTo(6);
        }
        // The same FCS bits without the P bit (as tcpdump's fuzzed captures have them) say nothing.
        byte[] withoutP = (big ? CaptureBytes.bigEndian() : CaptureBytes.littleEndian())
                .pcapHeader(false, 1000, 0x3000_00E5L).bytes();
        try (CaptureReader reader = CaptureReader.of(withoutP)) {
            assertThat(reader.interfaceLinkType(0)).isEqualTo(LinkType.IPV6);
            assertThat(reader.pcapFcsLength()).isEqualTo(-1);
        }
    }

    @Test
    void aFractionBeyondOneSecondCarriesIntoTheSeconds() throws Exception {
        byte[] bytes = CaptureBytes.littleEndian().pcapHeader(false, 1000, 1)
                .pcapRecord(100, 2_500_000, new byte[1], 1).bytes();
        try (CaptureReader reader = CaptureReader.of(bytes)) {
            Record record = new Record();
            assertThat(reader.next(record)).isTrue();
            assertThat(record.epochSecond()).isEqualTo(102);
            assertThat(record.nanos()).isEqualTo(500_000_000);
        }
    }

    @Test
    void aHeaderWithoutRecordsIsAnEmptyCapture() throws Exception {
        byte[] bytes = CaptureBytes.littleEndian().pcapHeader(true, 1000, 113).bytes();
        try (CaptureReader reader = CaptureReader.of(bytes)) {
            assertThat(reader.next(new Record())).isFalse();
            assertThat(reader.interfaceLinkType(0)).isEqualTo(LinkType.LINUX_SLL);
        }
    }

    @Test
    void mappedFileReadsTheSameAsTheArray() throws Exception {
        CaptureBytes file = CaptureBytes.bigEndian().pcapHeader(true, 262144, 101);
        for (int i = 0; i < 500; i++) {
            file.pcapRecord(i, i * 1000L, CaptureBytes.packet(i % 1600, i), 1600);
        }
        byte[] bytes = file.bytes();
        Path path = temp.resolve("big.pcap");
        Files.write(path, bytes);
        try (CaptureReader mapped = CaptureReader.open(path); CaptureReader array = CaptureReader.of(bytes)) {
            Record a = new Record();
            Record b = new Record();
            int count = 0;
            while (mapped.next(a)) {
                assertThat(array.next(b)).isTrue();
                assertThat(a.packet().toByteArray()).isEqualTo(b.packet().toByteArray());
                assertThat(a.timestampNanos()).isEqualTo(b.timestampNanos());
                assertThat(a.fileOffset()).isEqualTo(b.fileOffset());
                count++;
            }
            assertThat(array.next(b)).isFalse();
            assertThat(count).isEqualTo(500);
            assertThat(mapped.size()).isEqualTo(bytes.length);
        }
    }

    @Test
    void anArraySliceCountsOffsetsFromItsStart() throws Exception {
        byte[] capture = CaptureBytes.littleEndian().pcapHeader(false, 100, 1).pcapRecord(1, 1, new byte[8], 8).bytes();
        byte[] padded = new byte[capture.length + 10];
        System.arraycopy(capture, 0, padded, 7, capture.length);
        try (CaptureReader reader = CaptureReader.of(padded, 7, capture.length, CaptureLimits.DEFAULT)) {
            Record record = new Record();
            assertThat(reader.next(record)).isTrue();
            assertThat(record.fileOffset()).isEqualTo(24);
            assertThat(record.packet().bodyStart()).isEqualTo(7 + 40);
            assertThat(reader.next(record)).isFalse();
        }
    }
}
