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
            byte[] again = rebuild.over(Arrays.copyOfRange(original, Rebuild.payloadStart(d), end));
            String problem = compare(original, end, again, rebuild, d, badChecksums);
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

    /** Null if {@code again} is the original up to {@code end}, allowing only named differences. */
    private static String compare(byte[] original, int end, byte[] again, Rebuild rebuild, Dissector d,
            Map<Layer, Integer> badChecksums) {
        int expectedLength = end;
        if (d.has(Layer.ETHERNET) && end < 60) {
            expectedLength = 60;   // the builder pads the body to 46 bytes
        }
        if (again.length != expectedLength) {
            return "rebuilt " + again.length + " bytes, expected " + expectedLength;
        }
        for (int i = end; i < again.length; i++) {
            if (again[i] != 0) {
                return "padding byte " + i + " is not zero";
            }
        }
        byte[] fixed = Arrays.copyOf(again, end);
        for (Rebuild.ChecksumField c : rebuild.checksums) {
            if (d.checksumBad(c.layer())
                    && (fixed[c.index()] != original[c.index()] || fixed[c.index() + 1] != original[c.index() + 1])) {
                fixed[c.index()] = original[c.index()];
                fixed[c.index() + 1] = original[c.index() + 1];
                badChecksums.merge(c.layer(), 1, Integer::sum);
            }
        }
        for (int i = 0; i < end; i++) {
            if (fixed[i] != original[i]) {
                return String.format("byte %d: original %02x, rebuilt %02x", i, original[i] & 0xFF, fixed[i] & 0xFF);
            }
        }
        return null;
    }
}
