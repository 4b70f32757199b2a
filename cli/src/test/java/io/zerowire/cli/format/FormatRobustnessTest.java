package io.zerowire.cli.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zerowire.buffer.PacketBuffer;
import io.zerowire.protocols.framing.Framing;
import io.zerowire.protocols.stack.Dissector;
import io.zerowire.protocols.testing.Corpus;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whatever a frame holds, the formatters only read what the dissector validated: every frame of the
 * shared captures (the fuzzer-found ones included) and eight random mutations of each are written
 * as a summary line, a tree and JSON without any exception, and the JSON always parses.
 */
class FormatRobustnessTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyFrameAndMutationFormatsInEveryForm() throws Exception {
        Dissector d = new Dissector();
        FrameFields fields = new FrameFields();
        JsonSink json = new JsonSink();
        TreeSink tree = new TreeSink();
        StringBuilder text = new StringBuilder();
        Random random = new Random(0xC11);
        int formatted = 0;
        for (Corpus.Frame frame : Corpus.allFrames()) {
            Framing framing = Framing.ofLinkType(frame.linkType().value());
            if (framing == null) {
                continue;
            }
            for (int m = 0; m <= 8; m++) {
                byte[] bytes = m == 0 ? frame.bytes().clone() : mutate(frame.bytes(), random);
                String what = frame.name() + (m == 0 ? "" : " mutant " + m);
                try {
                    d.dissect(framing, PacketBuffer.wrap(bytes));
                    text.setLength(0);
                    SummaryLine.write(text, d, frame.number(), 0, 0, bytes.length);
                    text.setLength(0);
                    fields.write(d, tree.begin(text, 1));
                    text.setLength(0);
                    json.begin(text);
                    fields.write(d, json);
                    json.end();
                    JSON.readTree(text.toString());
                } catch (RuntimeException e) {
                    fail(what + ": " + e, e);
                }
                formatted++;
            }
        }
        System.out.printf("formatted %d frames and mutants in every form%n", formatted);
        assertThat(formatted).isGreaterThan(35_000);
    }

    private static byte[] mutate(byte[] frame, Random random) {
        byte[] mutant;
        if (random.nextBoolean() && frame.length > 0) {
            mutant = Arrays.copyOf(frame, random.nextInt(frame.length));
        } else {
            mutant = frame.clone();
            for (int i = 0; i < 1 + random.nextInt(4) && mutant.length > 0; i++) {
                mutant[random.nextInt(mutant.length)] = (byte) random.nextInt(256);
            }
        }
        return mutant;
    }
}
