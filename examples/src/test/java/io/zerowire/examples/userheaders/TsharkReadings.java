package io.zerowire.examples.userheaders;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.parse.ParseException;
import io.zerowire.pcap.CaptureReader;
import io.zerowire.pcap.Record;
import io.zerowire.protocols.ethernet.Ethernet;
import io.zerowire.protocols.ethernet.EthernetFrames;
import io.zerowire.protocols.ethernet.EthernetFrames.MinimumLength;
import io.zerowire.protocols.testing.Tshark;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Frames of a capture read by the generated views into fields named and written as tshark shows
 * them ({@code -T fields}, repeated values joined by commas), then compared with tshark's reading.
 */
final class TsharkReadings {
    private TsharkReadings() {}

    /** Reads one Ethernet frame's payload, of {@code etherType}, into tshark-named fields. */
    interface FrameReader {
        void read(PacketBuffer payload, int etherType, Map<String, String> fields) throws ParseException;
    }

    /** Every frame of {@code pcap} as {@code reader} reads it, in order. */
    static List<Map<String, String>> read(Path pcap, FrameReader reader) throws IOException, ParseException {
        List<Map<String, String>> readings = new ArrayList<>();
        Ethernet eth = new Ethernet();
        try (CaptureReader capture = CaptureReader.open(pcap)) {
            Record record = new Record();
            while (capture.next(record)) {
                PacketBuffer frame = record.packet();
                int type = EthernetFrames.wrap(eth, frame, MinimumLength.IGNORE).etherTypeValue();
                Map<String, String> fields = new LinkedHashMap<>();
                reader.read(frame, type, fields);
                readings.add(fields);
            }
        }
        return readings;
    }

    /** Asserts that tshark reads every field of every frame as {@code ours} does; returns how many it compared. */
    static int assertTsharkAgrees(Path pcap, List<Map<String, String>> ours) throws IOException {
        List<String> fields = ours.stream().flatMap(r -> r.keySet().stream()).distinct().toList();
        Map<Integer, Map<String, List<String>>> tshark = Tshark.fields(pcap, fields);
        int compared = 0;
        for (int i = 0; i < ours.size(); i++) {
            for (Map.Entry<String, String> field : ours.get(i).entrySet()) {
                assertThat(String.join(",", tshark.get(i + 1).get(field.getKey())))
                        .as("frame %d, %s", i + 1, field.getKey()).isEqualTo(field.getValue());
                compared++;
            }
        }
        return compared;
    }
}
