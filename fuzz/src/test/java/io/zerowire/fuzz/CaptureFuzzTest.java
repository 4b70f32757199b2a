package io.zerowire.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.zerowire.options.OptionsIterator;
import io.zerowire.parse.ParseException;
import io.zerowire.pcap.CaptureFormat;
import io.zerowire.pcap.CaptureReader;
import io.zerowire.pcap.LinkType;
import io.zerowire.pcap.PcapWriter;
import io.zerowire.pcap.PcapngWriter;
import io.zerowire.pcap.Record;
import io.zerowire.pcap.testing.TrickleInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The pcap and pcapng readers over a fuzzed file (the input is the whole file; the pcap target's
 * seeds start with a pcap magic, the pcapng target's with a section header, and both readers see
 * every input). Properties:
 * <ul>
 *   <li>opening and reading stop at the typed {@code CaptureFormatException}, nothing else, and
 *       end: every record consumes bytes of the file;
 *   <li>every accessor of every record works, its packet lies within the file, its options iterate;
 *   <li>the file read from disk (memory-mapped) and the file read as a stream (handed over a few
 *       bytes at a time, as a pipe does) give the same records and the same error as the file read
 *       from an array;
 *   <li>reading allocates no more than a constant (the reader's own state) and what the file's own
 *       bytes can justify (the interfaces of a pcapng section), however large its length fields
 *       claim to be, however many records it holds;
 *   <li>what was read, written again with {@link PcapWriter} or {@link PcapngWriter} (nanosecond
 *       resolution), reads back as the same packets with the same link types and timestamps, unless
 *       a writer refuses a timestamp its format cannot hold ({@code IllegalArgumentException}).
 * </ul>
 */
class CaptureFuzzTest {
    private static final Path FILE = temporaryFile();
    /**
     * What opening a reader allocates whatever the file: the reader, its source and tables (1.3 KiB
     * measured without instrumentation) and, for a file refused at once, its error message.
     */
    private static final long READER_STATE = 4096;

    private final Record record = new Record();

    @FuzzTest
    void pcap(byte[] file) throws Exception {
        check(file);
    }

    @FuzzTest
    void pcapng(byte[] file) throws Exception {
        check(file);
    }

    private void check(byte[] file) throws Exception {
        Reading fromArray = read(file);
        Files.write(FILE, file);
        Reading fromDisk;
        try {
            fromDisk = readFile();
        } catch (IOException e) {
            throw new AssertionError("reading the file back failed", e);
        }
        FrameProperties.require(fromArray.describe().equals(fromDisk.describe()),
                "the mapped file reads differently:\n" + fromArray.describe() + "\n" + fromDisk.describe(), file);
        Reading fromStream = readStream(file);
        FrameProperties.require(fromArray.describe().equals(fromStream.describe()),
                "the stream reads differently:\n" + fromArray.describe() + "\n" + fromStream.describe(), file);

        Allocations.bounded("reading a capture", file.length, () -> {
            try {
                CaptureReader reader = CaptureReader.of(file);
                while (reader.next(record)) {
                    record.capturedLength();
                }
            } catch (ParseException e) {
                // the typed error is what a rejected file costs
            }
        }, READER_STATE + 64L * fromArray.interfaces);

        if (!fromArray.records.isEmpty() && fromArray.sections <= 1) {
            byte[] written;
            try {
                written = writtenAgain(fromArray);
            } catch (IllegalArgumentException e) {
                // A timestamp the reader normalized (a pcap fraction of a second past 10^9, a pcapng
                // tick count in coarse units) that the writers' formats cannot hold: they refuse it,
                // as documented, and there is nothing to compare.
                return;
            }
            Reading again = read(written);
            FrameProperties.require(again.error == null && again.packets().equals(fromArray.packets()),
                    "written again, the capture reads differently:\n" + fromArray.packets() + "\n" + again.packets()
                            + "\n" + again.error, file);
        }
    }

    /** What a reader delivered: the records described, the error that stopped it, the format. */
    private record Reading(CaptureFormat format, boolean bigEndian, boolean nanosecond, int sections, int interfaces,
            List<LinkType> linkTypes, List<String> records, List<String> packets, List<Object[]> raw, String error) {
        String describe() {
            return format + " " + records + " " + error;
        }
    }

    private Reading read(byte[] file) {
        try {
            return read(CaptureReader.of(file), file.length);
        } catch (ParseException e) {
            return new Reading(null, false, false, 0, 0, List.of(), List.of(), List.of(), List.of(), e.getMessage());
        }
    }

    private Reading readStream(byte[] file) {
        try (CaptureReader reader = CaptureReader.read(new TrickleInputStream(file, 13))) {
            return read(reader, file.length);
        } catch (ParseException e) {
            return new Reading(null, false, false, 0, 0, List.of(), List.of(), List.of(), List.of(), e.getMessage());
        }
    }

    private Reading readFile() throws IOException {
        try (CaptureReader reader = CaptureReader.open(FILE)) {
            return read(reader, Files.size(FILE));
        } catch (ParseException e) {
            return new Reading(null, false, false, 0, 0, List.of(), List.of(), List.of(), List.of(), e.getMessage());
        }
    }

    private Reading read(CaptureReader reader, long size) {
        List<String> records = new ArrayList<>();
        List<String> packets = new ArrayList<>();
        List<Object[]> raw = new ArrayList<>();
        String error = null;
        long position = reader.position();
        try {
            while (reader.next(record)) {
                FrameProperties.require(reader.position() > position && reader.position() <= size
                        && (reader.size() == -1 || reader.size() == size),
                        "a record did not move the reader forward within the file", new byte[0]);
                position = reader.position();
                StringBuilder text = new StringBuilder().append(record).append(record.capturedLength())
                        .append(record.originalLength()).append(record.linkType()).append(record.interfaceId())
                        .append(record.index()).append(record.fileOffset()).append(record.format())
                        .append(record.hasTimestamp());
                if (record.hasTimestamp()) {
                    text.append(record.timestampNanos()).append(record.timestamp()).append(record.timestampRepresentable());
                }
                OptionsIterator options = record.options();
                while (options.next()) {
                    text.append(options.kind()).append(options.valueLength());
                }
                records.add(text.toString());
                byte[] packet = record.packet().toByteArray();
                packets.add(record.linkType() + " " + record.epochSecond() + "." + record.nanos() + " "
                        + java.util.HexFormat.of().formatHex(packet));
                raw.add(new Object[] {record.interfaceId(), record.epochSecond(), record.nanos(), packet,
                    record.originalLength()});
            }
        } catch (ParseException e) {
            error = e.getMessage();
        }
        int interfaces = reader.format() == CaptureFormat.PCAPNG ? reader.interfaceCount() : 1;
        List<LinkType> linkTypes = new ArrayList<>();
        for (int i = 0; i < interfaces; i++) {
            linkTypes.add(reader.interfaceLinkType(i));
            records.add(reader.interfaceLinkType(i) + " " + reader.interfaceSnapLength(i) + " "
                    + reader.interfaceFcsLength(i));
        }
        return new Reading(reader.format(), reader.bigEndian(), reader.nanosecondPcap(), reader.sectionCount(),
                interfaces, linkTypes, records, packets, raw, error);
    }

    /** The records of {@code reading} written again in the same format. */
    private static byte[] writtenAgain(Reading reading) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (reading.format() == CaptureFormat.PCAP) {
            try (PcapWriter writer = PcapWriter.builder(reading.linkTypes().get(0)).bigEndian(reading.bigEndian())
                    .nanosecond(true).open(out)) {
                for (Object[] r : reading.raw()) {
                    byte[] packet = (byte[]) r[3];
                    writer.write((long) r[1], (int) r[2], packet, 0, packet.length, packet.length);
                }
            }
        } else {
            try (PcapngWriter writer = PcapngWriter.builder().bigEndian(reading.bigEndian()).open(out)) {
                for (int i = 0; i < reading.interfaces(); i++) {
                    writer.addInterface(reading.linkTypes().get(i), 0, PcapngWriter.DEFAULT_RESOLUTION, null);
                }
                for (Object[] r : reading.raw()) {
                    byte[] packet = (byte[]) r[3];
                    writer.write((int) r[0], (long) r[1], (int) r[2], packet, 0, packet.length, packet.length);
                }
            }
        }
        return out.toByteArray();
    }

    private static Path temporaryFile() {
        try {
            Path file = Files.createTempFile("zerowire-fuzz", ".cap");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
