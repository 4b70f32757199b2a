package io.zerowire.protocols.icmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.zerowire.protocols.testing.Corpus;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every frame of every capture (fuzzer-found {@code *oobr*}, {@code *asan*} and
 * {@code *heapoverflow*} ones included), whatever its link type: every IP payload the walk
 * reaches, whatever its protocol, and the raw frame from each of its first 64 byte offsets, tried
 * as an ICMP message. Each attempt parses (and then every accessor, the quoted datagram and
 * {@code undoParse} work) or throws a {@code ParseException} that leaves the buffer as it was;
 * nothing else escapes and nothing is written.
 */
class IcmpRobustnessTest {
    @Test
    void everyFrameParsesOrGivesAParseException() throws Exception {
        List<Corpus.Frame> frames = Corpus.allFrames();
        int attempts = 0;
        int parsed = 0;
        for (Corpus.Frame frame : frames) {
            try {
                for (IpFrames.Datagram d : IpFrames.walk(frame).datagrams()) {
                    attempts++;
                    parsed += Robustness.attemptIcmp(d.payload().toByteArray()) ? 1 : 0;
                }
                byte[] bytes = frame.bytes();
                for (int start = 0; start < Math.min(bytes.length, 64); start++) {
                    attempts++;
                    parsed += Robustness.attemptIcmp(Arrays.copyOfRange(bytes, start, bytes.length)) ? 1 : 0;
                }
            } catch (RuntimeException | AssertionError e) {
                fail(frame.name() + ": " + e, e);
            }
        }
        System.out.printf("icmp robustness: %d frames, %d attempts, %d parsed%n", frames.size(), attempts, parsed);
        assertThat(frames.size()).isGreaterThan(1000);
        assertThat(parsed).isPositive();
    }
}
