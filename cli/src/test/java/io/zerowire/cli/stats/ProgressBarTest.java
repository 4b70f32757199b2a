package io.zerowire.cli.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The progress bar: only on a terminal, only after a second, at most ten times a second, erased at the end. */
class ProgressBarTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private long now;

    private ProgressBar bar(boolean terminal) {
        return new ProgressBar(err, terminal, 1_000_000, () -> now);
    }

    /** Calls update often enough for the bar to look at the clock. */
    private void feed(ProgressBar bar, long done) {
        for (int i = 0; i < 1024; i++) {
            bar.update(done, 42);
        }
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void neverWhenTheOutputIsNotATerminal() {
        ProgressBar bar = bar(false);
        now = 5_000_000_000L;
        feed(bar, 500_000);
        bar.finish();
        assertThat(bar.shown()).isFalse();
        assertThat(printed()).isEmpty();
    }

    @Test
    void notForARunShorterThanASecond() {
        ProgressBar bar = bar(true);
        now = 999_999_999L;
        feed(bar, 900_000);
        bar.finish();
        assertThat(printed()).isEmpty();
    }

    @Test
    void drawnAfterASecondAtMostTenTimesASecondThenErased() {
        ProgressBar bar = bar(true);
        now = 1_000_000_000L;
        feed(bar, 250_000);
        assertThat(printed()).startsWith("\r[").contains("]  25%  42 packets  0.2 MB/s");
        int length = printed().length();
        now += 50_000_000L;   // 50 ms later: not redrawn
        feed(bar, 300_000);
        assertThat(printed()).hasSize(length);
        now += 50_000_000L;   // 100 ms after the first draw
        feed(bar, 500_000);
        assertThat(printed().substring(length)).contains("50%");
        bar.finish();
        assertThat(printed()).endsWith("\r").matches("(?s).*\r +\r");
    }
}
