package io.zerowire.pcap;

import io.zerowire.pcap.testing.TestEnvironment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerowire.buffer.PacketBuffer;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the writers write, read back by the reader and by tshark: same bytes, timestamps, lengths, link types. */
class CaptureRoundTripTest {
    @TempDir
    Path temp;

    /** A packet to write. */
    record Packet(long epochSecond, int nanos, byte[] data, long originalLength, int interfaceId) {}

    static List<Packet> packets(int count, long seed, int interfaces) {
        Random random = new Random(seed);
        List<Packet> packets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int length = random.nextInt(10) == 0 ? 0 : random.nextInt(1600);
            byte[] data = new byte[length];
            random.nextBytes(data);
            long original = length + (random.nextBoolean() ? 0 : random.nextInt(1000));
            packets.add(new Packet(1_600_000_000L + random.nextInt(100_000_000), random.nextInt(1_000_000_000), data,
                    original, random.nextInt(interfaces)));
        }
        return packets;
    }

    private static List<Record> readAll(Path file) throws Exception {
        List<Record> records = new ArrayList<>();
        try (CaptureReader reader = CaptureReader.open(file)) {
            while (true) {
                Record record = new Record();
                if (!reader.next(record)) {
                    return records;
                }
                records.add(record);
            }
        }
    }

    @ParameterizedTest(name = "big-endian={0}, nanosecond={1}")
    @CsvSource({"false,false", "false,true", "true,false", "true,true"})
    void pcapRoundTrip(boolean big, boolean nano) throws Exception {
        List<Packet> packets = packets(300, 7, 1);
        Path file = temp.resolve("out.pcap");
        try (PcapWriter writer = PcapWriter.builder(LinkType.LINUX_SLL).bigEndian(big).nanosecond(nano).open(file)) {
            for (Packet p : packets) {
                writer.write(p.epochSecond(), p.nanos(), p.data(), 0, p.data().length, p.originalLength());
            }
            assertThat(writer.recordsWritten()).isEqualTo(300);
        }
        List<Record> records = readAll(file);
        assertThat(records).hasSize(packets.size());
        for (int i = 0; i < packets.size(); i++) {
            Packet p = packets.get(i);
            Record r = records.get(i);
            assertThat(r.packet().toByteArray()).isEqualTo(p.data());
            assertThat(r.originalLength()).isEqualTo(p.originalLength());
            assertThat(r.epochSecond()).isEqualTo(p.epochSecond());
            assertThat(r.nanos()).isEqualTo(nano ? p.nanos() : p.nanos() / 1000 * 1000);
            assertThat(r.linkType()).isEqualTo(LinkType.LINUX_SLL);
        }
        try (CaptureReader reader = CaptureReader.open(file)) {
            assertThat(reader.bigEndian()).isEqualTo(big);
            assertThat(reader.nanosecondPcap()).isEqualTo(nano);
        }
    }

    @Test
    void pcapWriterCutsToTheSnapLengthAndKeepsTheOriginalLength() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] frame = CaptureBytes.packet(200, 9);
        try (PcapWriter writer = PcapWriter.builder(LinkType.ETHERNET).snapLength(64).fcsLength(4).open(out)) {
            writer.write(1, 0, PacketBuffer.wrap(frame));
        }
        try (CaptureReader reader = CaptureReader.of(out.toByteArray())) {
            Record r = new Record();
            assertThat(reader.next(r)).isTrue();
            assertThat(r.capturedLength()).isEqualTo(64);
            assertThat(r.originalLength()).isEqualTo(200);
            assertThat(r.packet().toByteArray()).isEqualTo(java.util.Arrays.copyOf(frame, 64));
            assertThat(reader.interfaceSnapLength(0)).isEqualTo(64);
            assertThat(reader.pcapFcsLength()).isEqualTo(4);
        }
    }

    @ParameterizedTest(name = "big-endian={0}")
    @ValueSource(booleans = {false, true})
    void pcapngRoundTripWithSeveralInterfaces(boolean big) throws Exception {
        List<Packet> packets = packets(400, 11, 4);
        LinkType[] types = {LinkType.ETHERNET, LinkType.RAW, LinkType.LINUX_SLL2, LinkType.of(147)};
        int[] resolutions = {9, 6, 3, 0};
        Path file = temp.resolve("out.pcapng");
        try (PcapngWriter writer = PcapngWriter.builder().bigEndian(big).userApplication("zerowire test").open(file)) {
            for (int i = 0; i < types.length; i++) {
                assertThat(writer.addInterface(types[i], 0, resolutions[i], "if" + i)).isEqualTo(i);
            }
            for (Packet p : packets) {
                writer.write(p.interfaceId(), p.epochSecond(), p.nanos(), p.data(), 0, p.data().length, p.originalLength());
            }
        }
        List<Record> records = readAll(file);
        assertThat(records).hasSize(packets.size());
        for (int i = 0; i < packets.size(); i++) {
            Packet p = packets.get(i);
            Record r = records.get(i);
            long unit = (long) Math.pow(10, 9 - resolutions[p.interfaceId()]);
            assertThat(r.packet().toByteArray()).isEqualTo(p.data());
            assertThat(r.originalLength()).isEqualTo(p.originalLength());
            assertThat(r.interfaceId()).isEqualTo(p.interfaceId());
            assertThat(r.linkType()).isEqualTo(types[p.interfaceId()]);
            assertThat(r.epochSecond()).isEqualTo(p.epochSecond());
            assertThat((long) r.nanos()).isEqualTo(p.nanos() / unit * unit);
        }
    }

    @Test
    void forwardingARealCaptureIntoBothFormatsKeepsEveryRecord() throws Exception {
        Path source = TestEnvironment.captures("kernel").get(0);
        Path pcap = temp.resolve("copy.pcap");
        Path pcapng = temp.resolve("copy.pcapng");
        List<Record> original = readAll(source);
        try (CaptureReader reader = CaptureReader.open(source);
                PcapWriter toPcap = PcapWriter.builder(reader.interfaceLinkType(0)).nanosecond(true).open(pcap);
                PcapngWriter toPcapng = PcapngWriter.builder().open(pcapng)) {
            int id = toPcapng.addInterface(reader.interfaceLinkType(0));
            Record record = new Record();
            while (reader.next(record)) {
                toPcap.write(record);
                toPcapng.write(id, record);
            }
        }
        for (Path copy : List.of(pcap, pcapng)) {
            List<Record> read = readAll(copy);
            assertThat(read).hasSize(original.size());
            for (int i = 0; i < read.size(); i++) {
                assertThat(read.get(i).packet().toByteArray()).isEqualTo(original.get(i).packet().toByteArray());
                assertThat(read.get(i).timestampNanos()).isEqualTo(original.get(i).timestampNanos());
                assertThat(read.get(i).originalLength()).isEqualTo(original.get(i).originalLength());
                assertThat(read.get(i).linkType()).isEqualTo(original.get(i).linkType());
            }
        }
    }

    @Test
    void tsharkReadsWhatTheWritersWrite() throws Exception {
        Path tshark = TestEnvironment.requireTshark();
        List<Packet> packets = packets(50, 13, 2);
        Path pcap = temp.resolve("w.pcap");
        Path pcapngLe = temp.resolve("w-le.pcapng");
        Path pcapngBe = temp.resolve("w-be.pcapng");
        try (PcapWriter writer = PcapWriter.builder(LinkType.ETHERNET).nanosecond(true).bigEndian(true).open(pcap)) {
            for (Packet p : packets) {
                writer.write(p.epochSecond(), p.nanos(), p.data(), 0, p.data().length, p.originalLength());
            }
        }
        for (Path file : List.of(pcapngLe, pcapngBe)) {
            try (PcapngWriter writer = PcapngWriter.builder().bigEndian(file == pcapngBe).open(file)) {
                writer.addInterface(LinkType.ETHERNET);
                writer.addInterface(LinkType.RAW, 65535, 9, "raw0");
                for (Packet p : packets) {
                    writer.write(p.interfaceId(), p.epochSecond(), p.nanos(), p.data(), 0, p.data().length,
                            p.originalLength());
                }
            }
        }
        for (Path file : List.of(pcap, pcapngLe, pcapngBe)) {
            TsharkOracle.Capture seen = TsharkOracle.read(tshark, file);
            assertThat(seen.error()).as("tshark on %s", file.getFileName()).isNull();
            assertThat(seen.frames()).hasSize(packets.size());
            for (int i = 0; i < packets.size(); i++) {
                Packet p = packets.get(i);
                TsharkOracle.Frame f = seen.frames().get(i);
                assertThat(f.capturedLength()).isEqualTo(p.data().length);
                assertThat(f.length()).isEqualTo(p.originalLength());
                assertThat(f.epochSecond()).isEqualTo(p.epochSecond());
                assertThat(f.nanos()).isEqualTo(p.nanos());
                assertThat(f.interfaceId()).isEqualTo(file == pcap ? 0 : p.interfaceId());
            }
            assertThat(seen.linkTypeFields()).isEqualTo(file == pcap ? List.of(1L) : List.of(1L, 101L));
        }
    }

    @Test
    void valuesThatDoNotFitAreRefusedAndNothingIsWritten() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PcapWriter writer = PcapWriter.builder(LinkType.ETHERNET).open(out)) {
            int header = out.size();
            assertThatThrownBy(() -> writer.write(1L << 32, 0, new byte[4], 0, 4, 4)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> writer.write(1, 1_000_000_000, new byte[4], 0, 4, 4)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> writer.write(1, 0, new byte[4], 0, 4, -1)).isInstanceOf(IllegalArgumentException.class);
            writer.flush();
            assertThat(out.size()).isEqualTo(header);
        }
        ByteArrayOutputStream ng = new ByteArrayOutputStream();
        try (PcapngWriter writer = PcapngWriter.builder().open(ng)) {
            writer.addInterface(LinkType.ETHERNET);
            int before = ng.size();
            assertThatThrownBy(() -> writer.write(0, -1, 0, new byte[4], 0, 4, 4)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> writer.write(1, 0, 0, new byte[4], 0, 4, 4)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> writer.write(0, Long.MAX_VALUE / 10, 0, new byte[4], 0, 4, 4))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(ng.size()).isEqualTo(before);
        }
    }

    @Test
    void writtenPcapngMatchesTheHandWrittenEncoding() throws Exception {
        // The writer's bytes, compared with the same file written by hand: SHB, IDB with if_tsresol, EPB.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PcapngWriter writer = PcapngWriter.builder().bigEndian(true).open(out)) {
            writer.addInterface(LinkType.ETHERNET, 1500, 9, null);
            writer.write(0, 2, 5, new byte[] {1, 2, 3, 4, 5}, 0, 5, 60);
        }
        CaptureBytes expected = CaptureBytes.bigEndian().shb();
        expected.idb(1, 1500, expected.tsresol(9)).epb(0, 2_000_000_005L, new byte[] {1, 2, 3, 4, 5}, 60);
        assertThat(out.toByteArray()).isEqualTo(expected.bytes());
    }

    @Test
    void writtenPcapMatchesTheHandWrittenEncoding() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PcapWriter writer = PcapWriter.builder(LinkType.IPV6).open(out)) {
            writer.write(3, 4_000, new byte[] {9, 8, 7}, 0, 3, 3);
        }
        byte[] expected = CaptureBytes.littleEndian().pcapHeader(false, 262_144, 229).pcapRecord(3, 4, new byte[] {9, 8, 7}, 3)
                .bytes();
        assertThat(out.toByteArray()).isEqualTo(expected);
        Files.write(temp.resolve("x.pcap"), expected);
    }
}
