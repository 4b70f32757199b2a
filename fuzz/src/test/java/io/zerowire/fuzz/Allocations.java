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
     * bytes: the detail is formatted only when read). Any 16-bit length field can claim 64 KiB,
     * thirty-two times the bound.
     *
     * <p>Under {@code fuzz/fuzz} (system property {@code zerowire.fuzzing}) the bound is 8 KiB:
     * Jazzer's instrumentation and hooks allocate on their own, about 1 KiB for every exception
     * created, and a rejected frame may create up to three (a view's error, turned into the layer's
     * or a parameter problem), so a frame with a constant cost measured up to ~3 KiB there. A 64 KiB
     * claim is still eight times over.
     */
    static final long PER_PARSE_BOUND = Boolean.getBoolean("zerowire.fuzzing") ? 8192 : 2048;

    /** Runs of the parse per warm-up round, and rounds, before an over-the-bound parse is a finding. */
    private static final int WARM_UP_RUNS = 2_000;

    private static final int WARM_UP_ROUNDS = 10;

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

    private static long measure(Parse parse) throws Exception {
        long before = now();
        parse.run();
        return now() - before;
    }

    /** Something that parses and may throw anything; allocation is what is measured. */
    interface Parse {
        void run() throws Exception;
    }

    /**
     * Runs {@code parse} once to warm it up (the first run initializes whatever classes and caches
     * its path needs, once per JVM), then up to three more times, and, while none of them stays
     * within {@link #PER_PARSE_BOUND}, in rounds of {@value #WARM_UP_RUNS} runs that let the JIT
     * compile the path; it fails if no measured run stays within the bound. An allocation the input causes happens on every run; what the
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
            least = Math.min(least, measure(parse));
        }
        // Early in a fuzzing run the parsers still run in the interpreter, where nothing is
        // scalar-replaced: temporaries the compiled code never allocates show up here. Before calling
        // that a finding, let the JIT compile the path (C2 compiles after ~10,000 invocations) and
        // measure again: an allocation sized by the input survives compilation, those do not.
        for (int round = 0; round < WARM_UP_ROUNDS && least > bound; round++) {
            for (int i = 0; i < WARM_UP_RUNS; i++) {
                parse.run();
            }
            least = Math.min(least, measure(parse));
        }
        if (least > bound) {
            throw new AssertionError(what + " allocated " + least + " bytes for a " + inputLength
                    + "-byte input, over the bound of " + bound);
        }
    }
}
