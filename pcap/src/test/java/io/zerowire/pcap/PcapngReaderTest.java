package io.zerowire.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.options.OptionsIterator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PcapngReaderTest {

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

    private static CaptureBytes start(boolean big) {
        return big ? CaptureBytes.bigEndian() : CaptureBytes.littleEndian();
    }

    @ParameterizedTest(name = "big-endian={0}")
    @ValueSource(booleans = {false, true})
    void readsEnhancedPacketBlocksInEitherByteOrder(boolean big) throws Exception {
        byte[] a = CaptureBytes.packet(61, 1);
        byte[] b = CaptureBytes.packet(64, 2);
        CaptureBytes file = start(big).shb().idb(1, 65535).epb(0, 1_700_000_000_123_456L, a, 61).epb(0, 5L, b, 1500);
        try (CaptureReader reader = CaptureReader.of(file.bytes())) {
            assertThat(reader.format()).isEqualTo(CaptureFormat.PCAPNG);
            assertThat(reader.bigEndian()).isEqualTo(big);
            List<Record> records = readAll(reader);
            assertThat(records).hasSize(2);
            Record r = records.get(0);
            assertThat(r.packet().toByteArray()).isEqualTo(a);
            assertThat(r.capturedLength()).isEqualTo(61);
            assertThat(r.originalLength()).isEqualTo(61);
            assertThat(r.epochSecond()).isEqualTo(1_700_000_000L);
            assertThat(r.nanos()).isEqualTo(123_456_000); // default resolution: microseconds
            assertThat(r.linkType()).isEqualTo(LinkType.ETHERNET);
            assertThat(r.format()).isEqualTo(CaptureFormat.PCAPNG);
            assertThat(r.packet().prefixLength()).isEqualTo(28);
            assertThat(r.packet().suffixLength()).isEqualTo(3 + 4); // padding and trailer
            assertThat(records.get(1).originalLength()).isEqualTo(1500);
            assertThat(records.get(1).nanos()).isEqualTo(5000);
            assertThat(reader.interfaceCount()).isEqualTo(1);
            assertThat(reader.sectionCount()).isEqualTo(1);
        }
    }

    @Test
    void timestampResolutionsDecimalBinaryAndOffset() throws Exception {
        CaptureBytes file = CaptureBytes.littleEndian().shb();
        file.idb(1, 0, file.tsresol(9));                     // nanoseconds
        file.idb(101, 0, file.tsresol(3));                   // milliseconds
        file.idb(228, 0, file.tsresol(0x80 | 20));           // 2^-20 s
        file.idb(229, 0, file.body().option(14, file.body().u64(1000).bytes()).endOfOptions().bytes()); // if_tsoffset
        file.idb(113, 0, file.tsresol(12));                  // picoseconds
        file.epb(0, 1_700_000_000_987_654_321L, new byte[4], 4);
        file.epb(1, 1_700_000_000_123L, new byte[4], 4);
        file.epb(2, (10L << 20) | (1L << 19), new byte[4], 4); // 10.5 s
        file.epb(3, 2_000_001L, new byte[4], 4);             // 2.000001 s + 1000 s
        file.epb(4, 3_000_000_000_001L, new byte[4], 4);     // 3 s + 1 ps
        try (CaptureReader reader = CaptureReader.of(file.bytes())) {
            List<Record> records = readAll(reader);
            assertThat(records).extracting(Record::epochSecond).containsExactly(1_700_000_000L, 1_700_000_000L, 10L, 1002L, 3L);
            assertThat(records).extracting(Record::nanos).containsExactly(987_654_321, 123_000_000, 500_000_000, 1000, 0);
            assertThat(records).extracting(Record::linkType).containsExactly(LinkType.ETHERNET, LinkType.RAW,
                    LinkType.IPV4, LinkType.IPV6, LinkType.LINUX_SLL);
            assertThat(records).extracting(Record::interfaceId).containsExactly(0, 1, 2, 3, 4);
            assertThat(reader.interfaceCount()).isEqualTo(5);
        }
    }

    /**
     * Timestamps beyond an Instant's range (found by CaptureFuzzTest.pcapng: an if_tsresol of whole
     * seconds with a 64-bit count): no accessor throws; the time saturates at Instant's range and is
     * marked not representable; an unsigned count of 2^63 or more is not read as negative.
     */
    @Test
    void timestampsBeyondAnInstantSaturateAndSaySo() throws Exception {
        CaptureBytes file = CaptureBytes.littleEndian().shb();
        file.idb(1, 0, file.tsresol(0));                                         // whole seconds
        file.idb(1, 0, file.body().option(9, new byte[] {0}).option(14, file.body().u64(Long.MIN_VALUE).bytes())
                .endOfOptions().bytes());                                        // whole seconds, offset -2^63
        file.idb(1, 0, file.body().option(14, file.body().u64(Long.MIN_VALUE).bytes()).endOfOptions().bytes());
        file.epb(0, 1_700_000_000L, new byte[4], 4);
        file.epb(0, Long.MIN_VALUE + 5, new byte[4], 4);                         // 2^63 + 5 s
        file.epb(0, -1L, new byte[4], 4);                                        // 2^64 - 1 s
        file.epb(0, Instant.MAX.getEpochSecond(), new byte[4], 4);              // the last second an Instant holds
        file.epb(0, Instant.MAX.getEpochSecond() + 1, new byte[4], 4);          // one past it
        file.epb(1, Long.MIN_VALUE + 10, new byte[4], 4);                        // 2^63 + 10 - 2^63 = 10 s
        file.epb(2, 5_000_000L, new byte[4], 4);                                 // 5 s (microseconds) - 2^63 s
        try (CaptureReader reader = CaptureReader.of(file.bytes())) {
            List<String> seen = new java.util.ArrayList<>();
            Record record = new Record();
            while (reader.next(record)) {
                // Every accessor, as the fuzz target reads them: none may throw.
                assertThat(record.toString()).contains("time=" + record.epochSecond() + ".");
                seen.add(record.timestamp() + " " + record.timestampNanos() + " " + record.epochSecond() + " "
                        + record.nanos() + " " + record.timestampRepresentable());
            }
            assertThat(seen).containsExactly(
                    "2023-11-14T22:13:20Z 1700000000000000000 1700000000 0 true",
                    "+1000000000-12-31T23:59:59.999999999Z 9223372036854775807 31556889864403199 999999999 false",
                    "+1000000000-12-31T23:59:59.999999999Z 9223372036854775807 31556889864403199 999999999 false",
                    "+1000000000-12-31T23:59:59Z 9223372036854775807 31556889864403199 0 true",
                    "+1000000000-12-31T23:59:59.999999999Z 9223372036854775807 31556889864403199 999999999 false",
                    "1970-01-01T00:00:10Z 10000000000 10 0 true",
                    "-1000000000-01-01T00:00:00Z -9223372036854775808 -31557014167219200 0 false");
        }
    }

    @Test
    void simplePacketBlockTakesTheFirstInterfacesSnapLength() throws Exception {
        byte[] data = CaptureBytes.packet(100, 5);
        byte[] cut = java.util.Arrays.copyOf(data, 64);
        CaptureBytes file = CaptureBytes.bigEndian().shb().idb(276, 64).spb(100, cut).spb(40, java.util.Arrays.copyOf(data, 40));
        try (CaptureReader reader = CaptureReader.of(file.bytes())) {
            List<Record> records = readAll(reader);
            assertThat(records).hasSize(2);
            assertThat(records.get(0).capturedLength()).isEqualTo(64);
            assertThat(records.get(0).originalLength()).isEqualTo(100);
            assertThat(records.get(0).packet().toByteArray()).isEqualTo(cut);
            assertThat(records.get(0).hasTimestamp()).isFalse();
            assertThat(records.get(0).linkType()).isEqualTo(LinkType.LINUX_SLL2);
            assertThat(records.get(1).capturedLength()).isEqualTo(40);
        }
    }

    @Test
    void obsoletePacketBlocksAreRecordsToo() throws Exception {
        CaptureBytes file = CaptureBytes.littleEndian().shb().idb(0, 0).idb(1, 0).pb(1, 7_000_001L, new byte[] {1, 2, 3}, 3);
        try (CaptureReader reader = CaptureReader.of(file.bytes())) {
            List<Record> records = readAll(reader);
            assertThat(records).hasSize(1);
            assertThat(records.get(0).interfaceId()).isEqualTo(1);
            assertThat(records.get(0).epochSecond()).isEqualTo(7);
            assertThat(records.get(0).nanos()).isEqualTo(1000);
            assertThat(records.get(0).packet().toByteArray()).containsExactly(1, 2, 3);
        }
    }

    @Test
    void otherBlocksAreSkippedByLength() throws Exception {
        CaptureBytes file = CaptureBytes.littleEndian().shb().nrb().idb(1, 0).custom()
                .epb(0, 1, new byte[10], 10).isb(0).block(0x40000BADL, new byte[9]).block(0x12345678L, new byte[100])
                .block(10, new byte[16]).epb(0, 2, new byte[20], 20);
        try (CaptureReader reader = CaptureReader.of(file.bytes())) {
            assertThat(readAll(reader)).extracting(Record::capturedLength).containsExactly(10, 20);
        }
    }

    @Test
    void severalSectionsEachWithItsByteOrderAndInterfaces() throws Exception {
        CaptureBytes file = CaptureBytes.littleEndian().shb().idb(1, 0).idb(228, 0).epb(1, 1, new byte[5], 5);
        file.order(true).shb().idb(229, 0).epb(0, 2, new byte[6], 6);
        file.order(false).shb().idb(0, 0).epb(0, 3, new byte[7], 7);
        try (CaptureReader reader = CaptureReader.of(file.bytes())) {
            List<Record> records = readAll(reader);
            assertThat(records).extracting(Record::linkType).containsExactly(LinkType.IPV4, LinkType.IPV6, LinkType.NULL);
            assertThat(records).extracting(Record::interfaceId).containsExactly(1, 0, 0);
            assertThat(records).extracting(Record::capturedLength).containsExactly(5, 6, 7);
            assertThat(reader.sectionCount()).isEqualTo(3);
            assertThat(reader.bigEndian()).isFalse();
        }
    }

    @Test
    void packetOptionsAreReadInPlace() throws Exception {
        CaptureBytes file = CaptureBytes.bigEndian();
        byte[] comment = "hello".getBytes(StandardCharsets.US_ASCII);
        byte[] options = file.body().option(1, comment).option(2, file.body().u32(0x00000001).bytes()).endOfOptions().bytes();
        byte[] shbOptions = file.body().option(4, "tool".getBytes(StandardCharsets.US_ASCII)).endOfOptions().bytes();
        file.shb(shbOptions).idb(1, 0).epb(0, 1, new byte[3], 3, options);
        try (CaptureReader reader = CaptureReader.of(file.bytes())) {
            Record record = new Record();
            assertThat(reader.next(record)).isTrue();
            OptionsIterator iterator = record.options();
            assertThat(iterator.next()).isTrue();
            assertThat(iterator.kind()).isEqualTo(1);
            assertThat(new String(iterator.array(), iterator.valueOffset(), iterator.valueLength(), StandardCharsets.US_ASCII))
                    .isEqualTo("hello");
            assertThat(iterator.next()).isTrue();
            assertThat(iterator.valueU32(0)).isEqualTo(1);
            assertThat(iterator.next()).isFalse();
            assertThat(record.packet().bodyLength()).isEqualTo(3);
        }
    }

    @Test
    void anInterfaceOnlyFileHasNoRecords() throws Exception {
        CaptureBytes file = CaptureBytes.littleEndian().shb().idb(1, 0);
        try (CaptureReader reader = CaptureReader.of(file.bytes())) {
            assertThat(reader.next(new Record())).isFalse();
            assertThat(reader.interfaceLinkType(0)).isEqualTo(LinkType.ETHERNET);
        }
    }
}
