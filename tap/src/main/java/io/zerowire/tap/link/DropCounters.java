package io.zerowire.tap.link;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Why received frames got no further, counted: a checksum that did not verify, bytes that did not
 * parse, a martian source or destination address (by {@link AddressClass}), or nothing to do (not
 * addressed to us, traffic that calls for no answer). The kernel drops such frames silently too;
 * these counters are how a run tells. Safe to read from any thread.
 */
public final class DropCounters {
    private final AtomicLong badChecksums = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong ignored = new AtomicLong();
    private static final AddressClass[] CLASSES = AddressClass.values();
    private final AtomicLongArray martianSources = new AtomicLongArray(CLASSES.length);
    private final AtomicLongArray martianDestinations = new AtomicLongArray(CLASSES.length);

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

    /** Counts a datagram (or ARP message) dropped for a source address of class {@code from}, not unicast. */
    public void martianSource(AddressClass from) {
        martianSources.incrementAndGet(from.ordinal());
    }

    /** Counts a datagram a router will not forward for a destination address of class {@code to}. */
    public void martianDestination(AddressClass to) {
        martianDestinations.incrementAndGet(to.ordinal());
    }

    /** Frames dropped for a source address of class {@code from}. */
    public long martianSources(AddressClass from) {
        return martianSources.get(from.ordinal());
    }

    /** Frames dropped for a martian source address, of every class. */
    public long martianSources() {
        return sum(martianSources);
    }

    /** Datagrams not forwarded for a destination address of class {@code to}. */
    public long martianDestinations(AddressClass to) {
        return martianDestinations.get(to.ordinal());
    }

    /** Datagrams not forwarded for a martian destination address, of every class. */
    public long martianDestinations() {
        return sum(martianDestinations);
    }

    private static long sum(AtomicLongArray byClass) {
        long sum = 0;
        for (int i = 0; i < byClass.length(); i++) {
            sum += byClass.get(i);
        }
        return sum;
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

    /**
     * {@code "bad checksum 0, malformed 0, ignored 7, martian source 3 (multicast 2, loopback 1), martian
     * destination 0"}; the classes never counted are left out.
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder().append("bad checksum ").append(badChecksums()).append(", malformed ")
                .append(malformedFrames()).append(", ignored ").append(ignoredFrames());
        byClass(text.append(", martian source "), martianSources);
        byClass(text.append(", martian destination "), martianDestinations);
        return text.toString();
    }

    private static void byClass(StringBuilder text, AtomicLongArray counts) {
        text.append(sum(counts));
        String separator = " (";
        for (AddressClass c : CLASSES) {
            long n = counts.get(c.ordinal());
            if (n > 0) {
                text.append(separator).append(c.label()).append(' ').append(n);
                separator = ", ";
            }
        }
        if (!separator.equals(" (")) {
            text.append(')');
        }
    }
}
