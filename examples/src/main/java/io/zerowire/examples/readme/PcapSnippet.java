package io.zerowire.examples.readme;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.pcap.CaptureFormatException;
import io.zerowire.pcap.CaptureReader;
import io.zerowire.pcap.LinkType;
import io.zerowire.pcap.PcapWriter;
import io.zerowire.pcap.PcapngWriter;
import io.zerowire.pcap.Record;
import java.io.IOException;
import java.nio.file.Path;

/**
 * pcap/README.md: reading a capture one reused record at a time, and writing pcapng and pcap. The
 * snippets name files in the working directory, so they are compiled, not run.
 */
public final class PcapSnippet {
    private PcapSnippet() {}

    /** Reads every record of {@code trace.pcapng}. */
    public static void read() throws IOException {
        try (CaptureReader reader = CaptureReader.open(Path.of("trace.pcapng"))) {   // pcap or pcapng, by magic
            Record record = new Record();                                             // reuse it
            while (reader.next(record)) {
                PacketBuffer frame = record.packet();     // body = captured bytes, in place; prefix = record header
                record.linkType();                        // LinkType.ETHERNET, RAW, IPV4, IPV6, LINUX_SLL, LINUX_SLL2, NULL, or a number
                record.epochSecond(); record.nanos();     // or timestampNanos()
                record.capturedLength(); record.originalLength(); record.interfaceId();
            }
        } catch (CaptureFormatException e) {              // a ParseException: kind, layer, field, fileOffset()
            // every good record before the fault was delivered; e.recordsDelivered() says how many;
            // e.reason(): CONTENTS, FILE_SHRANK (truncated while read), COMPRESSED (e.compression(): "gzip", ...)
        }
    }

    /** Writes {@code frame} to {@code out.pcapng} and {@code record} to {@code out.pcap}. */
    public static void write(long epochSecond, int nanos, PacketBuffer frame, Record record) throws IOException {
        try (PcapngWriter out = PcapngWriter.builder().open(Path.of("out.pcapng"))) {
            int eth = out.addInterface(LinkType.ETHERNET);           // if_tsresol 9: nanoseconds
            out.write(eth, epochSecond, nanos, frame);               // frame: a PacketBuffer, its body is written
        }
        try (PcapWriter out = PcapWriter.builder(LinkType.ETHERNET).nanosecond(true).open(Path.of("out.pcap"))) {
            out.write(record);                                       // forward a record as read
        }
    }
}
