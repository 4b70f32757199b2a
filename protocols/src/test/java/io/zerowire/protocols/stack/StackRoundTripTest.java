package io.zerowire.protocols.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.protocols.framing.Framing;
import io.zerowire.protocols.testing.Corpus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every frame of every capture, dissected as deep as Zerowire goes and written again with the
 * builders ({@code copyFrom} of each parsed view, over the innermost payload): the bytes must be
 * the original's, up to the end of the innermost payload. The only differences allowed are named:
 * a checksum the original got wrong (transmit offload leaves them unfilled; the dissector's verdict
 * must then say bad, and only that field differs), and the Ethernet builder's zero padding where a
 * short frame was captured before the NIC padded it.
 */
class StackRoundTripTest {
    @Test
    void everyFrameIsWrittenAgainByteForByte() throws Exception {
        Dissector d = new Dissector();
        int frames = 0;
        int identical = 0;
        Map<Layer, Integer> badChecksums = new EnumMap<>(Layer.class);
        Map<Layer, Integer> layers = new EnumMap<>(Layer.class);
        List<String> failures = new ArrayList<>();
        Map<String, Integer> skipped = new TreeMap<>();
        for (Corpus.Frame frame : Corpus.allFrames()) {
            Framing framing = Framing.ofLinkType(frame.linkType().value());
            if (framing == null) {
                skipped.merge(frame.linkType().toString(), 1, Integer::sum);
                continue;
            }
            byte[] original = frame.bytes();
            d.dissect(framing, PacketBuffer.wrap(original.clone()));
            if (d.layerCount() == 0) {
                continue;
            }
            frames++;
            for (Layer l : d.layers()) {
                layers.merge(l, 1, Integer::sum);
            }
            int end = Rebuild.payloadEnd(d);
            Rebuild rebuild = Rebuild.of(d);
            byte[] again = rebuild.over(rebuild.payload(d));
            String problem = rebuild.difference(original, end, again, d, badChecksums);
            if (problem == null) {
                identical++;
            } else {
                failures.add(frame.name() + " " + Arrays.toString(d.layers()) + ": " + problem);
            }
        }
        System.out.printf("stack round trip: %d frames rebuilt, %d byte-identical, bad checksums recomputed %s,"
                + " layers %s, link types not parsed %s%n", frames, identical, badChecksums, layers, skipped);
        assertThat(failures).isEmpty();
        assertThat(frames).isGreaterThan(4000);
        assertThat(layers.get(Layer.IPV4)).isGreaterThan(1000);
    }
}
