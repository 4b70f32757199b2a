package io.zerowire.tap.respond;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the responder's TCP echo did with handshakes: how many SYNs it answered and how many of those
 * with a SYN cookie (the table of half-open connections was full), how many connections a cookie
 * created, and what it dropped. A SYN flood shows here. Safe to read from any thread.
 */
public final class TcpCounters {
    private final AtomicLong synAcks = new AtomicLong();
    private final AtomicLong synCookies = new AtomicLong();
    private final AtomicLong cookieConnections = new AtomicLong();
    private final AtomicLong rejectedCookies = new AtomicLong();
    private final AtomicLong expiredHalfOpen = new AtomicLong();
    private final AtomicLong badFlags = new AtomicLong();

    TcpCounters() {}

    void countSynAck(boolean cookie) {
        synAcks.incrementAndGet();
        if (cookie) {
            synCookies.incrementAndGet();
        }
    }

    void countCookieConnection() {
        cookieConnections.incrementAndGet();
    }

    void countRejectedCookie() {
        rejectedCookies.incrementAndGet();
    }

    void countExpiredHalfOpen() {
        expiredHalfOpen.incrementAndGet();
    }

    void countBadFlags() {
        badFlags.incrementAndGet();
    }

    /** SYNs answered with a SYN-ACK, kept in the table or not (retransmitted SYNs too). */
    public long synAcks() {
        return synAcks.get();
    }

    /** Of the {@link #synAcks}, those sent without keeping anything: the SYN cookies. */
    public long synCookies() {
        return synCookies.get();
    }

    /** Connections created from a valid cookie in the handshake's last ACK. */
    public long cookieConnections() {
        return cookieConnections.get();
    }

    /** ACKs for no connection whose acknowledgment number was not a valid cookie: reset, nothing kept. */
    public long rejectedCookies() {
        return rejectedCookies.get();
    }

    /** Half-open connections forgotten because the handshake's last ACK did not come in time. */
    public long expiredHalfOpen() {
        return expiredHalfOpen.get();
    }

    /** Segments dropped for flags no TCP sends together: SYN with FIN, SYN with RST. */
    public long badFlags() {
        return badFlags.get();
    }

    /** {@code "syn-acks 3 (cookies 1), cookie connections 1, rejected cookies 0, expired half-open 0, bad flags 0"}. */
    @Override
    public String toString() {
        return "syn-acks " + synAcks() + " (cookies " + synCookies() + "), cookie connections " + cookieConnections()
                + ", rejected cookies " + rejectedCookies() + ", expired half-open " + expiredHalfOpen()
                + ", bad flags " + badFlags();
    }
}
