package io.zerowire.protocols.icmpv6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.zerowire.protocols.testing.Corpus;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every frame of every capture (the fuzzer-found {@code *oobr*}, {@code *asan*} and
 * {@code *heapoverflow*} ones included) through {@link Icmpv6Packet}: the ICMPv6 message the walk
 * finds, with its real addresses, and the raw frame itself read as ICMPv6 from each of its first 64
 * byte offsets, with and without checksum verification. Each either parses, and every accessor then
 * works, or throws a {@code ParseException} that leaves the buffer as it was.
 */
class Icmpv6RobustnessTest {
    @Test
    void everyFrameParsesOrGivesAParseException() throws Exception {
        List<Corpus.Frame> frames = Corpus.allFrames();
        int located = 0;
        int parsed = 0;
        int attempts = 0;
        int rawParsed = 0;
        for (Corpus.Frame frame : frames) {
            try {
                Ipv6Walk.Located at = Ipv6Walk.locate(frame);
                if (at != null) {
                    located++;
                    if (RobustnessCheck.attempt(at.bytes(), at.offset(), at.length(), at.source(),
                            at.pseudoDestination(), false)) {
                        parsed++;
                    }
                    RobustnessCheck.attempt(at.bytes(), at.offset(), at.length(), at.source(), at.pseudoDestination(),
                            true);
                }
                byte[] b = frame.bytes();
                for (int offset = 0; offset < Math.min(64, b.length); offset++) {
                    attempts++;
                    if (RobustnessCheck.attempt(b, offset, b.length - offset, RobustnessCheck.SOURCE,
                            RobustnessCheck.DESTINATION, false)) {
                        rawParsed++;
                    }
                }
            } catch (RuntimeException | AssertionError e) {
                fail(frame.name() + ": " + e, e);
            }
        }
        System.out.printf("icmpv6 robustness: %d frames, %d ICMPv6 messages located (%d parsed), %d raw attempts "
                + "(%d parsed)%n", frames.size(), located, parsed, attempts, rawParsed);
        assertThat(parsed).isGreaterThanOrEqualTo(85);
        assertThat(attempts - rawParsed).isPositive();
    }
}
