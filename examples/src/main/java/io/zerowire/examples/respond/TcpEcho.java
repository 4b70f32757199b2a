package io.zerowire.examples.respond;

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
    /** Connections kept at most; a SYN beyond them is reset. */
    static final int MAX_CONNECTIONS = 1024;
    /** A connection without a segment for this long is forgotten. */
    static final long IDLE_NANOS = 120_000_000_000L;

    private enum State { SYN_RECEIVED, ESTABLISHED, LAST_ACK }

    private record Key(IpAddress<?> peer, int peerPort) {}

    private static final class Connection {
        State state = State.SYN_RECEIVED;
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
    private long issState;
    private long resets;

    /**
     * @param port the echo port
     * @param nanoClock monotonic nanoseconds ({@code System::nanoTime}): timestamps and idle expiry
     * @param issSeed seeds the initial sequence numbers
     */
    TcpEcho(int port, LongSupplier nanoClock, long issSeed) {
        this.port = port;
        this.nanoClock = nanoClock;
        this.issState = issSeed;
    }

    int port() {
        return port;
    }

    /** Connections open now. */
    int connections() {
        return connections.size();
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
        Key key = new Key(peer, segment.sourcePort());
        Connection c = segment.destinationPort() == port ? connections.get(key) : null;
        if (segment.rst()) {
            if (c != null && inWindow(c, segment.sequenceNumber())) {
                connections.remove(key);
            }
            return Action.NONE;   // RFC 9293 section 3.10.7: a reset is never answered
        }
        if (c == null) {
            if (segment.syn() && !segment.ack() && segment.destinationPort() == port) {
                return accept(segment, key, linkMss, now, reply);
            }
            return reset(segment, dataLength, reply);
        }
        c.lastActivity = now;
        if (segment.syn() && !segment.ack()) {
            if (segment.sequenceNumber() == c.irs) {
                return synAck(c, reply);   // our SYN-ACK was lost: the same again
            }
            connections.remove(key);
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
            connections.remove(key);   // our FIN is acknowledged: done
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

    private Action accept(TcpLayout<?> syn, Key key, int linkMss, long now, TcpBuilder reply) {
        if (connections.size() >= MAX_CONNECTIONS) {
            forgetIdle(now);
            if (connections.size() >= MAX_CONNECTIONS) {
                return reset(syn, 0, reply);
            }
        }
        Connection c = new Connection();
        c.irs = syn.sequenceNumber();
        c.iss = nextIss();
        c.rcvNxt = plus(c.irs, 1);
        c.sndUna = c.iss;
        c.sndNxt = plus(c.iss, 1);
        c.mss = linkMss;
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
        connections.put(key, c);
        return synAck(c, reply);
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

    private void forgetIdle(long now) {
        for (Iterator<Connection> it = connections.values().iterator(); it.hasNext(); ) {
            if (now - it.next().lastActivity > IDLE_NANOS) {
                it.remove();
            }
        }
    }

    private static boolean inWindow(Connection c, long seq) {
        return !after(c.rcvNxt, seq) && after(plus(c.rcvNxt, RECEIVE_WINDOW), seq);
    }

    /** A millisecond clock for TSval (RFC 7323 section 5.4 asks for 1 ms to 1 s per tick). */
    private long ourTimestamp() {
        return (nanoClock.getAsLong() / 1_000_000L) & 0xFFFF_FFFFL;
    }

    private long nextIss() {
        // A 64-bit LCG (Knuth's MMIX constants); the high 32 bits are the sequence number.
        issState = issState * 6364136223846793005L + 1442695040888963407L;
        return issState >>> 32;
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
