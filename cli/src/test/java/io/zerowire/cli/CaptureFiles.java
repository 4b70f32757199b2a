package io.zerowire.cli;

import io.zerowire.pcap.CaptureReader;
import io.zerowire.pcap.LinkType;
import io.zerowire.pcap.PcapWriter;
import io.zerowire.pcap.Record;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Captures for the command tests, made from the sample's Ethernet frames. */
final class CaptureFiles {
    private CaptureFiles() {}

    /** The sample's Ethernet frames, in order. */
    static List<byte[]> ethernetFrames() {
        List<byte[]> frames = new ArrayList<>();
        try (CaptureReader reader = CaptureReader.of(CaptureInput.sample())) {
            Record record = new Record();
            while (reader.next(record)) {
                if (record.linkType().equals(LinkType.ETHERNET)) {
                    frames.add(record.packet().toByteArray());
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return frames;
    }

    /** A pcap of {@code count} packets, the sample's Ethernet frames over and over, 1 ms apart. */
    static byte[] repeatedPcap(int count) {
        List<byte[]> frames = ethernetFrames();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PcapWriter writer = PcapWriter.builder(LinkType.ETHERNET).nanosecond(true).open(bytes)) {
            for (int i = 0; i < count; i++) {
                byte[] frame = frames.get(i % frames.size());
                writer.write(1_700_000_000L + i / 1000, (i % 1000) * 1_000_000, frame, 0, frame.length, frame.length);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
