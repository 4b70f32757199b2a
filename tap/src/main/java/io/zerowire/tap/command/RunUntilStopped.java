package io.zerowire.tap.command;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How a command that serves until stopped waits: until Ctrl-C (SIGINT or SIGTERM, through a shutdown
 * hook) or, with {@code --duration}, until the time is up. Either way the command then stops its
 * loops and prints its counters; the hook waits (briefly) for that, so the summary is not lost
 * when the JVM exits.
 */
public final class RunUntilStopped {
    private static final long SUMMARY_WAIT_MILLIS = 3_000;

    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onShutdown, "zerowire-shutdown");

    /** Waits for Ctrl-C, or at most {@code seconds} when positive. */
    public void await(double seconds) throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (seconds > 0) {
                stop.await((long) (seconds * 1_000_000_000L), TimeUnit.NANOSECONDS);
            } else {
                stop.await();
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down: the hook is running, nothing to remove.
            }
        }
    }

    /** Tells a shutdown hook in progress that the command has stopped and printed what it had to. */
    public void finished() {
        done.countDown();
    }

    private void onShutdown() {
        stop.countDown();
        try {
            done.await(SUMMARY_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
