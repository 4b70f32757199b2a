package io.zerowire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.pcap.CaptureFormatException;
import io.zerowire.pcap.CaptureReader;
import io.zerowire.pcap.Record;
import io.zerowire.protocols.framing.Framing;
import io.zerowire.protocols.stack.Dissector;
import io.zerowire.protocols.stack.Layer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The root README's "pcap API" example, compiled and run on the sample capture. */
class ReadmePcapExampleTest {
    @Test
    void theLoopOfTheReadmeCountsTheSampleSyn() throws Exception {
        Path trace = SampleCaptureTest.sampleFile();
        long synToPort80 = 0;
        long[] malformed = new long[Layer.values().length];
        try (CaptureReader reader = CaptureReader.open(trace)) {
            Record record = new Record();
            Dissector d = new Dissector();
            while (reader.next(record)) {
                Framing framing = Framing.ofLinkType(record.linkType().value());
                if (framing == null) {
                    continue;
                }
                d.dissect(framing, record.packet());
                if (d.has(Layer.TCP) && d.tcp().layout().syn() && d.tcp().layout().destinationPort() == 80
                        && !d.checksumBad(Layer.TCP)) {
                    synToPort80++;
                }
                if (d.error() != null) {
                    malformed[d.failedLayer().ordinal()]++;
                }
            }
        } catch (CaptureFormatException e) {
            throw new AssertionError(e);
        }
        assertThat(synToPort80).as("frame 6, the SYN (frame 7 is the SYN-ACK from port 80)").isEqualTo(1);
        assertThat(malformed).containsOnly(0L);
    }
}
