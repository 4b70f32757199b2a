package io.zerowire.tap.device;

import io.zerowire.buffer.PacketBuffer;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One thread that receives the frames of one {@link TapDevice} into one buffer, reused for every
 * frame, and hands each to a {@link FrameHandler}. It polls with a short timeout, so that
 * {@link #close()} stops it within that time without interrupting a system call.
 *
 * <pre>{@code
 * try (TapDevice tap = TapDevice.open("zw0");
 *      ReceiveLoop loop = ReceiveLoop.start(tap, frame -> System.out.println(frame.bodyLength()))) {
 *     Thread.sleep(10_000);
 * }
 * }</pre>
 *
 * <p>A handler that throws does not end the loop: the failure is counted and kept
 * ({@link #handlerErrors()}, {@link #lastHandlerError()}). A failing receive does end it
 * ({@link #failure()}): the device is gone.
 */
public final class ReceiveLoop implements AutoCloseable {
    /** How long one poll waits: the bound on how long {@link #close()} takes. */
    public static final int POLL_MILLIS = 50;
    /** How long {@link #close()} waits for the thread before giving up on it. */
    private static final long JOIN_MILLIS = 5_000;

    private final TapDevice tap;
    private final FrameHandler handler;
    private final Thread thread;
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong handlerErrors = new AtomicLong();
    private volatile boolean running = true;
    private volatile Exception lastHandlerError;
    private volatile TapException failure;

    private ReceiveLoop(TapDevice tap, FrameHandler handler) {
        this.tap = Objects.requireNonNull(tap, "tap");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.thread = new Thread(this::run, "zerowire-rx-" + tap.name());
        this.thread.setDaemon(true);
    }

    /** Starts receiving from {@code tap} on a new thread. */
    public static ReceiveLoop start(TapDevice tap, FrameHandler handler) {
        ReceiveLoop loop = new ReceiveLoop(tap, handler);
        loop.thread.start();
        return loop;
    }

    private void run() {
        byte[] array = new byte[TapDevice.MAX_FRAME_LENGTH];
        PacketBuffer frame = PacketBuffer.wrap(array);
        while (running) {
            int length;
            try {
                length = tap.receive(array, POLL_MILLIS);
            } catch (TapException e) {
                if (running) {
                    failure = e;
                }
                return;
            }
            if (length == 0) {
                continue;
            }
            frames.incrementAndGet();
            frame.reset().resetBody(0, length);
            try {
                handler.onFrame(frame);
            } catch (IOException | RuntimeException e) {
                handlerErrors.incrementAndGet();
                lastHandlerError = e;
            }
        }
    }

    /** Frames received so far. */
    public long frames() {
        return frames.get();
    }

    /** Frames whose handler threw. */
    public long handlerErrors() {
        return handlerErrors.get();
    }

    /** The last exception a handler threw, or null. */
    public Exception lastHandlerError() {
        return lastHandlerError;
    }

    /** Why the loop ended on its own (the device failed), or null while it runs or after a clean stop. */
    public TapException failure() {
        return failure;
    }

    /** Whether the receiving thread is still running. */
    public boolean isRunning() {
        return thread.isAlive();
    }

    /** Stops the thread (within one poll) and waits for it; the device stays open. */
    @Override
    public void close() {
        running = false;
        if (Thread.currentThread() == thread) {
            return;
        }
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
