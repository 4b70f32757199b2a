package io.zerowire.examples.readme;

import io.zerowire.pcap.CaptureFormatException;
import io.zerowire.pcap.CaptureReader;
import io.zerowire.pcap.Record;
import io.zerowire.protocols.framing.Framing;
import io.zerowire.protocols.stack.Dissector;
import io.zerowire.protocols.stack.Layer;
import java.io.IOException;
import java.nio.file.Path;

/**
 * README, "Captures: the pcap API": the allocation-free loop of {@code zerowire stats} over a
 * capture. It reads {@code trace.pcapng} from the working directory, so it is compiled, not run.
 */
public final class CaptureLoopSnippet {
    private CaptureLoopSnippet() {}

    /** Counts the SYNs to port 80 and the malformed frames of {@code trace.pcapng}. */
    public static void countSynsToPort80() throws IOException {
        try (CaptureReader reader = CaptureReader.open(Path.of("trace.pcapng"))) {   // pcap or pcapng
            Record record = new Record();                       // reused: the bytes stay in the mapped window
            Dissector d = new Dissector();                      // one reusable view per layer
            long synToPort80 = 0;
            long[] malformed = new long[Layer.values().length];
            while (reader.next(record)) {
                Framing framing = Framing.ofLinkType(record.linkType().value());   // null: not dissected
                if (framing == null) {
                    continue;
                }
                d.dissect(framing, record.packet());            // never throws for bad bytes
                if (d.has(Layer.TCP) && d.tcp().layout().syn() && d.tcp().layout().destinationPort() == 80
                        && !d.checksumBad(Layer.TCP)) {
                    synToPort80++;
                }
                if (d.error() != null) {                        // the layer that rejected the frame, and why;
                    malformed[d.failedLayer().ordinal()]++;     // d.error().offset() counts from the frame's first byte
                }
            }
        } catch (CaptureFormatException e) {                    // a corrupt file: every good record before it was read
            System.err.println(e.getMessage());
        }
    }
}
