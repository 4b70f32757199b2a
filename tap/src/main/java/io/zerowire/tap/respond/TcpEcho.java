package io.zerowire.tap.respond;

import io.zerowire.ip.IpAddress;
import io.zerowire.options.OptionsIterator;
import io.zerowire.protocols.tcp.TcpBuilder;
import io.zerowire.protocols.tcp.TcpLayout;
import io.zerowire.protocols.tcp.TcpOptions;
import io.zerowire.protocols.tcp.TcpOptionsBuilder;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * A minimal TCP (RFC 9293) that echoes what it receives on one port and resets everything else.
 * It decides the answer to each segment and fills a {@link TcpBuilder}; the caller serializes it
 * around the received segment's data (an echo) or around nothing.
 *
 * <p><b>No buffers.</b> Data is echoed the moment it arrives, in the segment that acknowledges it,
 * so the connection holds no data at all: the n-th byte of the echo stream carries sequence number
 * {@code iss + 1 + n}, mirroring the peer's {@code irs + 1 + n}. A retransmitted segment is therefore
 * echoed again with the same sequence numbers (which is how a lost echo is recovered: its ACK was
 * lost with it, so the peer retransmits). Flow control mirrors the peer's: the window we announce
 * is the room left in the peer's window for our echo, so the peer sends only what can be echoed at
 * once; a segment that would still overrun it is dropped unacknowledged, for the peer to send again
 * later. A segment beyond a gap gets a duplicate ACK. Our FIN goes out with the ACK of the peer's FIN, and the connection is forgotten
 * when that FIN is acknowledged (or after {@link #IDLE_NANOS} without a segment).
 *
 * <p><b>SYN floods.</b> A SYN is kept as a half-open connection only while fewer than
 * {@link #MAX_HALF_OPEN} are (and the table has room); a half-open connection is forgotten after
 * {@link #SYN_RECEIVED_NANOS} without a segment. Beyond that a SYN gets a SYN cookie (RFC 4987
 * section 3.6, {@link SynCookies}): a SYN-ACK for which nothing is kept, whose sequence number lets
 * the handshake's last ACK create the connection. Every ISN is a cookie, kept or not, so that it is
 * unpredictable off the path (RFC 6528) and one scheme serves both cases; only a cookie flagged
 * stateless can create a connection from nothing, so that an ACK that comes after its half-open
 * connection timed out, when options were agreed that nothing remembers, is reset as before. So a
 * flood of any size holds at most {@link #MAX_HALF_OPEN} entries for a few seconds, and a real
 * client always gets through while the table has room for established connections. A connection
 * made from a cookie has only its MSS, rounded down to one of {@link SynCookies#MSS}: the cookie
 * SYN-ACK offers no window scale, SACK or timestamps (as Linux does when the peer sends no
 * timestamps), so the peer's window is at most 64 KiB for the life of the connection.
 *
 * <p><b>Options.</b> The SYN-ACK carries an MSS (the link's, no larger than the peer's, so that an
 * echo never exceeds what the peer accepts), and answers each option the peer offered: window scale
 * (ours is {@value #WINDOW_SHIFT}), SACK-permitted (we never send SACK blocks, which RFC 2018 allows),
 * and timestamps (RFC 7323: our clock in TSval, the peer's latest TSval echoed in TSecr on every
 * segment).
 */
final class TcpEcho {
    /** What the caller sends. */
    enum Action {
        /** Nothing. */
        NONE,
        /** The builder's segment, without data. */
        SEGMENT,
        /** The builder's segment carrying the received segment's data: the echo. */
        ECHO,
        /** The builder's reset, without data. */
        RESET
    }

    /** The window scale shift we announce. */
    static final int WINDOW_SHIFT = 7;
    /** The largest receive window we announce; usually less, see {@link #announce}. */
    static final int RECEIVE_WINDOW = 256 * 1024;
    /** Connections kept at most, half-open or not; the last ACK of a handshake beyond them is reset. */
    static final int MAX_CONNECTIONS = 1024;
    /** Half-open connections (SYN received) kept at most; a SYN beyond them gets a SYN cookie. */
    static final int MAX_HALF_OPEN = 256;
    /** A connection without a segment for this long is forgotten. */
    static final long IDLE_NANOS = 120_000_000_000L;
    /**
     * A half-open connection without a segment for this long is forgotten: we do not retransmit our
     * SYN-ACK, and the peer's SYN retransmission (1 s, then 2 s, in Linux) gets one again.
     */
    static final long SYN_RECEIVED_NANOS = 5_000_000_000L;
    /** Expired connections are looked for when the table is full, at most this often. */
    static final long SWEEP_NANOS = 1_000_000_000L;

    private enum State { SYN_RECEIVED, ESTABLISHED, LAST_ACK }

    private record Key(IpAddress<?> peer, int peerPort) {}

    private static final class Connection {
        State state;
        long irs;
        long iss;
        long rcvNxt;
        long sndUna;
        long sndNxt;
        long sndWindow;
        int sndShift;
        int rcvShift;
        boolean sackPermitted;
        boolean timestamps;
        long tsRecent;
        int mss;
        long lastActivity;
        /** The right edge of the window we announced last: it never moves left (RFC 9293 section 3.8.6). */
        long rcvEdge;
    }

    private final int port;
    private final LongSupplier nanoClock;
    private final Map<Key, Connection> connections = new HashMap<>();
    private final TcpOptionsBuilder options = new TcpOptionsBuilder();
    private final SynCookies cookies;
    private final TcpCounters counters = new TcpCounters();
    /** What a SYN answered with a cookie is parsed into: nothing of it is kept. */
    private final Connection stateless = new Connection();
    private int halfOpen;
    private long lastSweep;
    private long resets;

    /**
     * @param port the echo port
     * @param nanoClock monotonic nanoseconds ({@code System::nanoTime}): timestamps, expiry, the cookie counter
     * @param secret keys the SYN cookies, which are the initial sequence numbers ({@code SecureRandom})
     */
    TcpEcho(int port, LongSupplier nanoClock, RandomGenerator secret) {
        this.port = port;
        this.nanoClock = nanoClock;
        this.cookies = new SynCookies(secret);
        this.lastSweep = nanoClock.getAsLong() - SWEEP_NANOS;
    }

    int port() {
        return port;
    }

    /** Connections open now. */
    int connections() {
        return connections.size();
    }

    /** Half-open connections kept now. */
    int halfOpen() {
        return halfOpen;
    }

    /** What happened to handshakes. */
    TcpCounters counters() {
        return counters;
    }

    /**
     * Decides the answer to {@code segment}, received from {@code peer} for {@code local}, carrying
     * {@code dataLength} bytes of data, and fills {@code reply} (ports, numbers, flags, window,
     * options; the caller sets the addresses).
     *
     * @param linkMss the largest segment the link takes (its MTU minus the IP and TCP headers)
     */
    Action segment(TcpLayout<?> segment, IpAddress<?> peer, int dataLength, int linkMss, TcpBuilder reply) {
        long now = nanoClock.getAsLong();
        reply.sourcePort(segment.destinationPort()).destinationPort(segment.sourcePort());
        if (segment.syn() && (segment.fin() || segment.rst())) {
            // No TCP sends these: a SYN opens, FIN and RST close. They probe or evade (SYN+FIN gets
            // past filters that look for a SYN alone), and answering either would leak what we are;
            // Linux drops both.
            counters.countBadFlags();
            return Action.NONE;
        }
        Key key = new Key(peer, segment.sourcePort());
        Connection c = segment.destinationPort() == port ? connections.get(key) : null;
        if (segment.rst()) {
            if (c != null && inWindow(c, segment.sequenceNumber())) {
                forget(key, c);
            }
            return Action.NONE;   // RFC 9293 section 3.10.7: a reset is never answered
        }
        if (c == null) {
            boolean ours = segment.destinationPort() == port;
            if (ours && segment.syn() && !segment.ack()) {
                return accept(segment, key, linkMss, now, reply);
            }
            c = ours && segment.ack() && !segment.syn() ? fromCookie(segment, key, linkMss, now) : null;
            if (c == null) {
                return reset(segment, dataLength, reply);
            }
        }
        c.lastActivity = now;
        if (segment.syn() && !segment.ack()) {
            if (segment.sequenceNumber() == c.irs) {
                return synAck(c, reply);   // our SYN-ACK was lost: the same again
            }
            forget(key, c);
            return accept(segment, key, linkMss, now, reply);
        }
        if (!segment.ack()) {
            return Action.NONE;   // RFC 9293 section 3.10.7.4: a segment without ACK is dropped
        }
        long ack = segment.acknowledgmentNumber();
        if (c.state == State.SYN_RECEIVED) {
            if (ack != plus(c.iss, 1)) {
                return reset(segment, dataLength, reply);
            }
            c.state = State.ESTABLISHED;
            halfOpen--;
        }
        if (after(ack, c.sndUna) && !after(ack, c.sndNxt)) {
            c.sndUna = ack;
        }
        c.sndWindow = (long) segment.window() << c.sndShift;
        long seq = segment.sequenceNumber();
        long tsval = c.timestamps ? peerTimestamp(segment) : -1;
        if (tsval >= 0 && !after(seq, c.rcvNxt)) {
            c.tsRecent = tsval;   // RFC 7323 section 4.3
        }
        if (c.state == State.LAST_ACK && ack == c.sndNxt) {
            forget(key, c);   // our FIN is acknowledged: done
            if (dataLength == 0 && !segment.fin()) {
                return Action.NONE;
            }
        }
        boolean fin = segment.fin();
        if (dataLength == 0 && !fin) {
            // A pure acknowledgment. If it opens room for the echo after we announced less than a
            // segment, say so: the peer waits for that window update before it sends more.
            if (c.state == State.ESTABLISHED && minus(c.rcvEdge, c.rcvNxt) < c.mss && echoRoom(c) >= c.mss) {
                fill(c, reply, c.sndNxt, c.rcvNxt, false, false);
                return Action.SEGMENT;
            }
            return Action.NONE;
        }
        if (after(seq, c.rcvNxt)) {
            // A gap before this segment: ask again for what is missing.
            fill(c, reply, c.sndNxt, c.rcvNxt, false, false);
            return Action.SEGMENT;
        }
        // The echo of this segment's bytes carries the mirrored sequence numbers (see the class comment).
        long echoSeq = plus(c.iss, 1 + minus(seq, plus(c.irs, 1)));
        if (dataLength > 0 && after(plus(echoSeq, dataLength), plus(c.sndUna, c.sndWindow))) {
            return Action.NONE;   // the peer's window cannot take the echo now; it will retransmit
        }
        long end = plus(seq, dataLength + (fin ? 1 : 0));
        if (after(end, c.rcvNxt)) {
            c.rcvNxt = end;
        }
        long echoEnd = plus(echoSeq, dataLength + (fin ? 1 : 0));
        if (after(echoEnd, c.sndNxt)) {
            c.sndNxt = echoEnd;
        }
        if (fin) {
            c.state = State.LAST_ACK;
        }
        fill(c, reply, echoSeq, c.rcvNxt, dataLength > 0, fin);
        return dataLength > 0 ? Action.ECHO : Action.SEGMENT;
    }

    /** Answers a SYN for no connection: kept as a half-open connection if there is room, else with a cookie. */
    private Action accept(TcpLayout<?> syn, Key key, int linkMss, long now, TcpBuilder reply) {
        boolean keep = halfOpen < MAX_HALF_OPEN && connections.size() < MAX_CONNECTIONS
                || sweep(now) && halfOpen < MAX_HALF_OPEN && connections.size() < MAX_CONNECTIONS;
        Connection c = parseSyn(syn, keep ? new Connection() : stateless, linkMss, now);
        int mssIndex = SynCookies.mssIndex(c.mss);
        if (keep) {
            c.iss = cookies.cookie(key.peer(), key.peerPort(), port, c.irs, SynCookies.counter(now), mssIndex);
            connections.put(key, c);
            halfOpen++;
        } else {
            // Only what the cookie carries: an MSS it can encode, no other option.
            c.iss = cookies.cookie(key.peer(), key.peerPort(), port, c.irs, SynCookies.counter(now),
                    SynCookies.STATELESS | mssIndex);
            c.mss = SynCookies.MSS[mssIndex];
            c.sndShift = 0;
            c.rcvShift = 0;
            c.sackPermitted = false;
            c.timestamps = false;
        }
        c.sndUna = c.iss;
        c.sndNxt = plus(c.iss, 1);
        counters.countSynAck(!keep);
        return synAck(c, reply);
    }

    /** {@code c}, every field set from {@code syn} and the options it offers. */
    private static Connection parseSyn(TcpLayout<?> syn, Connection c, int linkMss, long now) {
        c.state = State.SYN_RECEIVED;
        c.irs = syn.sequenceNumber();
        c.rcvNxt = plus(c.irs, 1);
        c.mss = linkMss;
        c.sndShift = 0;
        c.rcvShift = 0;
        c.sackPermitted = false;
        c.timestamps = false;
        c.tsRecent = 0;
        c.rcvEdge = 0;
        c.lastActivity = now;
        OptionsIterator offered = syn.options();
        while (offered.next()) {
            switch (offered.kind()) {
                case TcpOptions.MSS -> {
                    int mss = TcpOptions.mss(offered);
                    if (mss > 0) {
                        c.mss = Math.min(c.mss, mss);
                    }
                }
                case TcpOptions.WINDOW_SCALE -> {
                    int shift = TcpOptions.windowScale(offered);
                    if (shift >= 0) {
                        c.sndShift = Math.min(shift, TcpOptions.MAX_WINDOW_SCALE);
                        c.rcvShift = WINDOW_SHIFT;
                    }
                }
                case TcpOptions.SACK_PERMITTED -> c.sackPermitted = TcpOptions.isSackPermitted(offered);
                case TcpOptions.TIMESTAMPS -> {
                    long tsval = TcpOptions.timestampValue(offered);
                    if (tsval >= 0) {
                        c.timestamps = true;
                        c.tsRecent = tsval;
                    }
                }
                default -> { }
            }
        }
        // RFC 9293 section 3.8.6.2.1: the window of a SYN is never scaled; later ones are.
        c.sndWindow = syn.window();
        return c;
    }

    /**
     * The connection the handshake's last ACK creates when its acknowledgment number is a valid
     * stateless cookie for it; null (the caller resets) for a forged or stale one, or when the table
     * is full of connections.
     */
    private Connection fromCookie(TcpLayout<?> ack, Key key, int linkMss, long now) {
        long iss = minus(ack.acknowledgmentNumber(), 1);
        long irs = minus(ack.sequenceNumber(), 1);
        int low = cookies.check(iss, key.peer(), key.peerPort(), port, irs, SynCookies.counter(now));
        if (low < 0 || (low & SynCookies.STATELESS) == 0) {
            counters.countRejectedCookie();
            return null;
        }
        if (connections.size() >= MAX_CONNECTIONS && !(sweep(now) && connections.size() < MAX_CONNECTIONS)) {
            return null;
        }
        Connection c = new Connection();
        c.state = State.ESTABLISHED;
        c.irs = irs;
        c.iss = iss;
        c.rcvNxt = plus(irs, 1);
        c.sndUna = plus(iss, 1);
        c.sndNxt = plus(iss, 1);
        c.mss = Math.min(linkMss, SynCookies.MSS[low & SynCookies.MSS_INDEX]);
        c.rcvEdge = c.rcvNxt;
        c.lastActivity = now;
        connections.put(key, c);
        counters.countCookieConnection();
        return c;
    }

    private Action synAck(Connection c, TcpBuilder reply) {
        // The order Linux uses: MSS, SACK-permitted, timestamps, NOP, window scale (20 bytes).
        options.clear().mss(c.mss);
        if (c.sackPermitted && c.timestamps) {
            options.sackPermitted().timestamps(ourTimestamp(), c.tsRecent);
        } else if (c.timestamps) {
            options.nop().nop().timestamps(ourTimestamp(), c.tsRecent);
        } else if (c.sackPermitted) {
            options.nop().nop().sackPermitted();
        }
        if (c.rcvShift > 0) {
            options.nop().windowScale(c.rcvShift);
        }
        reply.sequenceNumber(c.iss)
                .acknowledgmentNumber(c.rcvNxt).syn(true).ack(true).fin(false).rst(false).psh(false)
                .window(announce(c, 0)).options(options);
        return Action.SEGMENT;
    }

    private void fill(Connection c, TcpBuilder reply, long seq, long ack, boolean push, boolean fin) {
        options.clear();
        if (c.timestamps) {
            options.nop().nop().timestamps(ourTimestamp(), c.tsRecent);
        }
        reply.sequenceNumber(seq).acknowledgmentNumber(ack).syn(false).ack(true).fin(fin).rst(false).psh(push)
                .window(announce(c, c.rcvShift)).options(options);
    }

    /**
     * The window to announce, as the field carries it ({@code shift} 0 in a SYN-ACK). We hold no
     * data, so we invite only what we can echo at once: the room left in the peer's own window for
     * our echo, at most {@link #RECEIVE_WINDOW}. The right edge never moves left, even when the
     * peer's window shrinks (a segment past the room is then dropped, and sent again later).
     */
    private int announce(Connection c, int shift) {
        long room = Math.min(echoRoom(c), RECEIVE_WINDOW);
        long keep = after(c.rcvEdge, c.rcvNxt) ? minus(c.rcvEdge, c.rcvNxt) : 0;
        long window = Math.min(Math.max(room, keep), (long) 0xFFFF << shift);
        long field = window >> shift;
        c.rcvEdge = plus(c.rcvNxt, field << shift);
        return (int) field;
    }

    /** Bytes of echo the peer's window takes now. */
    private static long echoRoom(Connection c) {
        long room = (int) (plus(c.sndUna, c.sndWindow) - c.sndNxt);
        return Math.max(0, room);
    }

    /**
     * The reset RFC 9293 section 3.10.7.1 sends for a segment that belongs to no connection: from
     * its acknowledgment number if it has one, else sequence 0 acknowledging all of it.
     */
    private Action reset(TcpLayout<?> segment, int dataLength, TcpBuilder reply) {
        options.clear();
        reply.syn(false).fin(false).psh(false).rst(true).window(0).options(options);
        if (segment.ack()) {
            reply.sequenceNumber(segment.acknowledgmentNumber()).acknowledgmentNumber(0).ack(false);
        } else {
            long length = dataLength + (segment.syn() ? 1 : 0) + (segment.fin() ? 1 : 0);
            reply.sequenceNumber(0).acknowledgmentNumber(plus(segment.sequenceNumber(), length)).ack(true);
        }
        resets++;
        return Action.RESET;
    }

    /** Resets sent. */
    long resets() {
        return resets;
    }

    private long peerTimestamp(TcpLayout<?> segment) {
        OptionsIterator it = segment.options();
        return it.find(TcpOptions.TIMESTAMPS) ? TcpOptions.timestampValue(it) : -1;
    }

    /**
     * Forgets the connections that expired: half-open ones after {@link #SYN_RECEIVED_NANOS}, the
     * others after {@link #IDLE_NANOS}. Called when the table is full, at most every
     * {@link #SWEEP_NANOS}, so that a flood costs a pass over the table once a second, not per SYN.
     *
     * @return whether it looked
     */
    private boolean sweep(long now) {
        if (now - lastSweep < SWEEP_NANOS) {
            return false;
        }
        lastSweep = now;
        for (Iterator<Connection> it = connections.values().iterator(); it.hasNext(); ) {
            Connection c = it.next();
            boolean halfOpenConnection = c.state == State.SYN_RECEIVED;
            if (now - c.lastActivity > (halfOpenConnection ? SYN_RECEIVED_NANOS : IDLE_NANOS)) {
                it.remove();
                if (halfOpenConnection) {
                    halfOpen--;
                    counters.countExpiredHalfOpen();
                }
            }
        }
        return true;
    }

    private void forget(Key key, Connection c) {
        connections.remove(key);
        if (c.state == State.SYN_RECEIVED) {
            halfOpen--;
        }
    }

    private static boolean inWindow(Connection c, long seq) {
        return !after(c.rcvNxt, seq) && after(plus(c.rcvNxt, RECEIVE_WINDOW), seq);
    }

    /** A millisecond clock for TSval (RFC 7323 section 5.4 asks for 1 ms to 1 s per tick). */
    private long ourTimestamp() {
        return (nanoClock.getAsLong() / 1_000_000L) & 0xFFFF_FFFFL;
    }

    /** Whether {@code a} comes after {@code b} in 32-bit sequence space. */
    static boolean after(long a, long b) {
        return (int) (a - b) > 0;
    }

    static long plus(long a, long n) {
        return (a + n) & 0xFFFF_FFFFL;
    }

    static long minus(long a, long b) {
        return (a - b) & 0xFFFF_FFFFL;
    }
}
