package io.zerowire.cli.stats;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * A progress bar on standard error for runs long enough to want one: it appears only when the
 * output is a terminal and only once a second has passed (a small file finishes before that and
 * never shows it), is redrawn at most ten times a second, and is erased at the end.
 *
 * <pre>
 * [##########..........]  48%  1,204,113 packets  31.2 MB/s
 * </pre>
 *
 * {@link #update} is cheap enough to call for every packet: it reads the clock only every 1024 calls.
 */
public final class ProgressBar {
    static final long SHOW_AFTER_NANOS = 1_000_000_000L;
    static final long REDRAW_NANOS = 100_000_000L;
    private static final int WIDTH = 30;
    private static final int CLOCK_EVERY = 1024;

    private final PrintStream err;
    private final boolean enabled;
    private final long total;
    private final LongSupplier clock;
    private final long start;
    private final StringBuilder line = new StringBuilder(80);
    private long calls;
    private long lastDraw = Long.MIN_VALUE;
    private boolean shown;

    /**
     * @param err where to draw
     * @param terminal whether the output is a terminal; if not, the bar never appears
     * @param total the size of the capture in bytes, for the fraction done
     * @param clock nanoseconds, {@code System::nanoTime} outside tests
     */
    public ProgressBar(PrintStream err, boolean terminal, long total, LongSupplier clock) {
        this.err = err;
        this.enabled = terminal && total > 0;
        this.total = total;
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    /** Reports that {@code done} bytes of the capture and {@code packets} packets have been read. */
    public void update(long done, long packets) {
        if (!enabled || ++calls % CLOCK_EVERY != 0) {
            return;
        }
        long now = clock.getAsLong();
        if (now - start < SHOW_AFTER_NANOS || (lastDraw != Long.MIN_VALUE && now - lastDraw < REDRAW_NANOS)) {
            return;
        }
        lastDraw = now;
        shown = true;
        draw(done, packets, now - start);
    }

    private void draw(long done, long packets, long elapsed) {
        int percent = (int) Math.min(100, done * 100 / total);
        int filled = percent * WIDTH / 100;
        line.setLength(0);
        line.append('\r').append('[');
        for (int i = 0; i < WIDTH; i++) {
            line.append(i < filled ? '#' : '.');
        }
        line.append("] ");
        if (percent < 100) {
            line.append(' ');
        }
        if (percent < 10) {
            line.append(' ');
        }
        line.append(percent).append("%  ").append(packets).append(" packets  ");
        long megabytesPerSecondTimes10 = done * 10 / Math.max(1, elapsed / 1000);   // bytes per microsecond = MB/s
        line.append(megabytesPerSecondTimes10 / 10).append('.').append(megabytesPerSecondTimes10 % 10).append(" MB/s");
        err.print(line);
        err.flush();
    }

    /** Whether the bar has been drawn. */
    public boolean shown() {
        return shown;
    }

    /** Erases the bar, if it was drawn, so that what follows starts on a clean line. */
    public void finish() {
        if (shown) {
            line.setLength(0);
            line.append('\r');
            for (int i = 0; i < WIDTH + 50; i++) {
                line.append(' ');
            }
            line.append('\r');
            err.print(line);
            err.flush();
        }
    }
}
