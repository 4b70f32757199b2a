package io.zerowire.examples.link;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Why received frames got no further, counted: a checksum that did not verify, bytes that did not
 * parse, or nothing to do (not addressed to us, traffic that calls for no answer). The kernel drops
 * such frames silently too; these counters are how a run tells. Safe to read from any thread.
 */
public final class DropCounters {
    private final AtomicLong badChecksums = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong ignored = new AtomicLong();

    /** Counts a frame with a checksum that did not verify. */
    public void badChecksum() {
        badChecksums.incrementAndGet();
    }

    /** Counts a frame that did not parse. */
    public void malformed() {
        malformed.incrementAndGet();
    }

    /** Counts a frame that called for nothing. */
    public void ignored() {
        ignored.incrementAndGet();
    }

    /** Frames dropped because a checksum (IPv4, ICMP, ICMPv6, UDP, TCP) did not verify. */
    public long badChecksums() {
        return badChecksums.get();
    }

    /** Frames dropped because they did not parse. */
    public long malformedFrames() {
        return malformed.get();
    }

    /** Frames that called for nothing: not for us, or traffic that needs no answer (multicast listener reports, ...). */
    public long ignoredFrames() {
        return ignored.get();
    }

    /** {@code "bad checksum 0, malformed 0, ignored 7"}. */
    @Override
    public String toString() {
        return "bad checksum " + badChecksums() + ", malformed " + malformedFrames() + ", ignored " + ignoredFrames();
    }
}
