package io.zerowire.protocols.igmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.zerowire.protocols.icmp.IpFrames;
import io.zerowire.protocols.testing.Corpus;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every frame of every capture (fuzzer-found ones included), whatever its link type: every IP
 * payload the walk reaches, whatever its protocol, and the raw frame from each of its first 64
 * byte offsets, tried as an IGMP message with the default and with small bounds. Each attempt
 * parses (and then every accessor and the group record iterator work) or throws a
 * {@code ParseException} that leaves the buffer as it was; nothing else escapes.
 */
class IgmpRobustnessTest {
    @Test
    void everyFrameParsesOrGivesAParseException() throws Exception {
        List<Corpus.Frame> frames = Corpus.allFrames();
        int attempts = 0;
        int parsed = 0;
        for (Corpus.Frame frame : frames) {
            try {
                for (IpFrames.Datagram d : IpFrames.walk(frame).datagrams()) {
                    attempts++;
                    parsed += IgmpRobustness.attempt(d.payload().toByteArray()) ? 1 : 0;
                }
                byte[] bytes = frame.bytes();
                for (int start = 0; start < Math.min(bytes.length, 64); start++) {
                    attempts++;
                    parsed += IgmpRobustness.attempt(Arrays.copyOfRange(bytes, start, bytes.length)) ? 1 : 0;
                }
            } catch (RuntimeException | AssertionError e) {
                fail(frame.name() + ": " + e, e);
            }
        }
        System.out.printf("igmp robustness: %d frames, %d attempts, %d parsed%n", frames.size(), attempts, parsed);
        assertThat(frames.size()).isGreaterThan(1000);
        assertThat(parsed).isPositive();
    }
}
