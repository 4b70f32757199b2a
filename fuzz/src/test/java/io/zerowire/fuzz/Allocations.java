package io.zerowire.fuzz;

import java.lang.management.ManagementFactory;

/**
 * Bytes the current thread allocates, from HotSpot's per-thread counter: how the fuzz targets prove
 * that no parser allocates in proportion to a length field the input controls. A length field can
 * claim 64 KiB in a 20-byte packet; a parse that allocated by it would blow far past
 * {@link #PER_PARSE_BOUND}, which sits well under any length a field can claim.
 */
final class Allocations {
    /**
     * What one parse of one input may allocate, whatever the input: 2 KiB. A parse of a
     * well-formed packet allocates nothing in the steady state, a rejected one its typed error (80
     * bytes: the detail is formatted only when read); Jazzer's hooks add about 1 KiB when an
     * exception is created. Any 16-bit length field can claim 64 KiB, thirty-two times the bound.
     */
    static final long PER_PARSE_BOUND = 2048;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    static {
        if (!THREADS.isThreadAllocatedMemorySupported() || !THREADS.isThreadAllocatedMemoryEnabled()) {
            throw new IllegalStateException("this JVM does not count allocated bytes per thread");
        }
    }

    private Allocations() {}

    /** The current thread's allocated bytes so far. */
    static long now() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    /** Something that parses and may throw anything; allocation is what is measured. */
    interface Parse {
        void run() throws Exception;
    }

    /**
     * Runs {@code parse} once to warm it up (the first run initializes whatever classes and caches
     * its path needs, once per JVM), then up to three more times, and fails if none of them stays
     * within {@link #PER_PARSE_BOUND}. An allocation the input causes happens on every run; what the
     * fuzzer's own instrumentation allocates now and then (growing its tables) does not, so the
     * smallest of the runs is what the parse costs.
     */
    static void bounded(String what, int inputLength, Parse parse) throws Exception {
        bounded(what, inputLength, parse, 0);
    }

    /**
     * As {@link #bounded(String, int, Parse)}, allowing {@code justified} bytes more: what the
     * input's own bytes can account for (a pcapng section's interface table, one entry per
     * interface block the input holds), never what a length field claims.
     */
    static void bounded(String what, int inputLength, Parse parse, long justified) throws Exception {
        long bound = PER_PARSE_BOUND + justified;
        parse.run();
        long least = Long.MAX_VALUE;
        for (int run = 0; run < 3 && least > bound; run++) {
            long before = now();
            parse.run();
            least = Math.min(least, now() - before);
        }
        if (least > bound) {
            throw new AssertionError(what + " allocated " + least + " bytes for a " + inputLength
                    + "-byte input, over the bound of " + bound);
        }
    }
}
