package io.zerowire.tap.respond;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.protocols.testing.Frames;
import io.zerowire.ip.IpAddress;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.link.MacAddress;
import io.zerowire.options.OptionsIterator;
import io.zerowire.protocols.framing.Framing;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.stack.Dissector;
import io.zerowire.protocols.tcp.TcpBuilder;
import io.zerowire.protocols.tcp.TcpLayout;
import io.zerowire.protocols.tcp.TcpOptions;
import io.zerowire.protocols.tcp.TcpOptionsBuilder;
import io.zerowire.serialize.Serializer;
import java.lang.management.ManagementFactory;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The TCP echo's handshakes under attack, on a clock the test moves: a SYN flood, SYN cookies,
 * the half-open timeout and flags no TCP sends together. Each segment is built and dissected as the
 * responder would receive it, and each answer is serialized and dissected back.
 */
class TcpEchoTest {
    private static final MacAddress US_MAC = MacAddress.parse("02:00:5e:10:00:02");
    private static final MacAddress PEER_MAC = MacAddress.parse("02:00:5e:10:00:01");
    private static final Ipv4Address US = Ipv4Address.parse("10.0.0.2");
    private static final Ipv4Address CLIENT = Ipv4Address.parse("10.0.0.1");
    private static final Ipv6Address US_V6 = Ipv6Address.parse("fd00::2");
    private static final Ipv6Address CLIENT_V6 = Ipv6Address.parse("fd00::1");
    private static final int PORT = 7;
    private static final int LINK_MSS = 1460;
    private static final long SECOND = 1_000_000_000L;

    private final long[] clock = {5 * SECOND};
    private final TcpEcho echo = newEcho();
    private final TcpBuilder reply = new TcpBuilder();
    private final Dissector in = new Dissector();
    private final Dissector out = new Dissector();
    private TcpEcho.Action action;

    private TcpEcho newEcho() {
        return new TcpEcho(PORT, () -> clock[0], new Random(42));
    }

    /**
     * Hands {@code echo} the segment {@code tcp} describes, from {@code peer} port {@code peerPort};
     * returns the answer, dissected, or null if there was none ({@link #action} says which it was).
     */
    private TcpLayout<?> send(IpAddress<?> peer, int peerPort, byte[] data, UnaryOperator<TcpBuilder> tcp) {
        TcpBuilder segment = tcp.apply(new TcpBuilder().sourcePort(peerPort).destinationPort(PORT).window(64240));
        in.dissect(Framing.ETHERNET, PacketBuffer.wrap(frame(Serializer.of(data), segment, peer, false)));
        assertThat(in.error()).isNull();
        action = echo.segment(in.tcp().layout(), in.ip().source(), in.buffer().bodyLength(), LINK_MSS, reply);
        if (action == TcpEcho.Action.NONE) {
            return null;
        }
        out.dissect(Framing.ETHERNET, PacketBuffer.wrap(frame(Serializer.of(new byte[0]), reply, peer, true)));
        assertThat(out.error()).isNull();
        return out.tcp().layout();
    }

    private static byte[] frame(Serializer body, TcpBuilder tcp, IpAddress<?> peer, boolean fromUs) {
        if (peer instanceof Ipv6Address v6) {
            Serializer s = body.encapsulate(fromUs ? tcp.addresses(US_V6, v6) : tcp.addresses(v6, US_V6));
            return fromUs ? Frames.ipv6(s, IpProtocol.TCP, US_V6, v6, 64, US_MAC, PEER_MAC)
                    : Frames.ipv6(s, IpProtocol.TCP, v6, US_V6, 64, PEER_MAC, US_MAC);
        }
        Ipv4Address v4 = (Ipv4Address) peer;
        Serializer s = body.encapsulate(fromUs ? tcp.addresses(US, v4) : tcp.addresses(v4, US));
        return fromUs ? Frames.ipv4(s, IpProtocol.TCP, US, v4, 64, true, US_MAC, PEER_MAC)
                : Frames.ipv4(s, IpProtocol.TCP, v4, US, 64, true, PEER_MAC, US_MAC);
    }

    /** A SYN with the options Linux sends. */
    private TcpLayout<?> syn(IpAddress<?> peer, int peerPort, long seq) {
        return send(peer, peerPort, new byte[0], t -> t.sequenceNumber(seq).syn(true).options(new TcpOptionsBuilder()
                .mss(1460).sackPermitted().timestamps(1000, 0).nop().windowScale(7)));
    }

    private TcpLayout<?> ack(IpAddress<?> peer, int peerPort, long seq, long ack, byte[] data) {
        return send(peer, peerPort, data, t -> t.sequenceNumber(seq).acknowledgmentNumber(ack).ack(true)
                .psh(data.length > 0).window(502));
    }

    /** {@code count} SYNs from as many sources that never answer (10.1.0.0/16, each from port 1024 up). */
    private void flood(int count) {
        for (int i = 0; i < count; i++) {
            TcpLayout<?> answer = syn(Ipv4Address.of(0x0A01_0000 | i % 65_000), 1024 + i / 65_000, i * 7919L);
            assertThat(answer).as("the answer to SYN %d", i).isNotNull();
            assertThat(answer.syn() && answer.ack()).as("SYN %d got a SYN-ACK", i).isTrue();
        }
    }

    private static boolean hasOption(TcpLayout<?> segment, int kind) {
        OptionsIterator options = segment.options();
        return options.find(kind);
    }

    /**
     * Completes the handshake our ISN {@code iss} answers and checks that the connection echoes;
     * {@code created} says whether the last ACK creates the connection (a cookie) or finds it.
     */
    private void completeAndEcho(IpAddress<?> peer, int peerPort, long irs, long iss, boolean created) {
        int before = echo.connections();
        long seq = TcpEcho.plus(irs, 1);
        long ack = TcpEcho.plus(iss, 1);
        assertThat(ack(peer, peerPort, seq, ack, new byte[0])).as("the handshake's last ACK").isNull();
        assertThat(echo.connections()).isEqualTo(before + (created ? 1 : 0));
        byte[] data = Frames.payload(100);
        TcpLayout<?> echoed = ack(peer, peerPort, seq, ack, data);
        assertThat(action).isEqualTo(TcpEcho.Action.ECHO);
        assertThat(echoed.sequenceNumber()).isEqualTo(ack);
        assertThat(echoed.acknowledgmentNumber()).isEqualTo(TcpEcho.plus(irs, 101));
        assertThat(hasOption(echoed, TcpOptions.TIMESTAMPS)).as("timestamps on the echo").isEqualTo(!created);
    }

    /** A SYN-ACK that is a cookie: only an MSS, nothing kept. */
    private void assertCookie(TcpLayout<?> synAck, int mss) {
        assertThat(synAck.syn() && synAck.ack() && !synAck.rst()).as("a SYN-ACK").isTrue();
        OptionsIterator options = synAck.options();
        assertThat(options.find(TcpOptions.MSS)).isTrue();
        assertThat(TcpOptions.mss(options)).isEqualTo(mss);
        for (int kind : new int[] {TcpOptions.WINDOW_SCALE, TcpOptions.SACK_PERMITTED, TcpOptions.TIMESTAMPS}) {
            assertThat(hasOption(synAck, kind)).as("option %d on a cookie SYN-ACK", kind).isFalse();
        }
        assertThat(synAck.sequenceNumber() & SynCookies.STATELESS).as("the stateless flag").isNotZero();
    }

    @Test
    void aFloodOf10000HalfOpenSynsNeverLocksOutARealClient() {
        flood(10_000);
        assertThat(echo.connections()).as("half-open connections kept").isEqualTo(TcpEcho.MAX_HALF_OPEN);
        assertThat(echo.halfOpen()).isEqualTo(TcpEcho.MAX_HALF_OPEN);
        assertThat(echo.counters().synCookies()).isEqualTo(10_000 - TcpEcho.MAX_HALF_OPEN);
        TcpLayout<?> synAck = syn(CLIENT, 40_000, 1234);
        assertCookie(synAck, 1460);
        completeAndEcho(CLIENT, 40_000, 1234, synAck.sequenceNumber(), true);
        assertThat(echo.counters().cookieConnections()).isEqualTo(1);
        assertThat(echo.halfOpen()).as("the flood's entries, no more").isEqualTo(TcpEcho.MAX_HALF_OPEN);
    }

    @Test
    void aCookieIsCheckedAgainstTheWholeHandshake() {
        flood(TcpEcho.MAX_HALF_OPEN);
        long irs = 0xFFFF_FFF0L;   // the ACK's sequence number wraps
        TcpLayout<?> synAck = syn(CLIENT_V6, 40_000, irs);
        assertCookie(synAck, 1460);
        long iss = synAck.sequenceNumber();
        long seq = TcpEcho.plus(irs, 1);
        long ack = TcpEcho.plus(iss, 1);
        int kept = echo.connections();
        record Forgery(String what, IpAddress<?> peer, int port, long seq, long ack) {}
        for (Forgery forgery : new Forgery[] {
            new Forgery("another acknowledgment number", CLIENT_V6, 40_000, seq, TcpEcho.plus(ack, 1)),
            new Forgery("another flag and MSS index", CLIENT_V6, 40_000, seq, ack ^ 0xF),
            new Forgery("another sequence number", CLIENT_V6, 40_000, TcpEcho.plus(seq, 1), ack),
            new Forgery("another port", CLIENT_V6, 40_001, seq, ack),
            new Forgery("another address", Ipv6Address.parse("fd00::3"), 40_000, seq, ack)}) {
            TcpLayout<?> answer = ack(forgery.peer(), forgery.port(), forgery.seq(), forgery.ack(), new byte[0]);
            assertThat(answer.rst()).as(forgery.what()).isTrue();
            assertThat(echo.connections()).as(forgery.what()).isEqualTo(kept);
        }
        assertThat(echo.counters().rejectedCookies()).isEqualTo(5);

        clock[0] += 2 * SynCookies.PERIOD_SECONDS * SECOND;   // two counter ticks later: expired
        assertThat(ack(CLIENT_V6, 40_000, seq, ack, new byte[0]).rst()).as("an expired cookie").isTrue();
        assertThat(echo.connections()).isEqualTo(kept);

        clock[0] -= SynCookies.PERIOD_SECONDS * SECOND;   // one tick after it was sent: still valid
        completeAndEcho(CLIENT_V6, 40_000, irs, iss, true);
    }

    @Test
    void forgedAcksCreateNothing() {
        Random random = new Random(3);
        for (int i = 0; i < 10_000; i++) {
            TcpLayout<?> answer = ack(Ipv4Address.of(0x0A01_0000 | random.nextInt(65_536)), 1024 + random.nextInt(60_000),
                    random.nextInt() & 0xFFFF_FFFFL, random.nextInt() & 0xFFFF_FFFFL, new byte[0]);
            assertThat(answer.rst()).isTrue();
        }
        assertThat(echo.connections()).isZero();
        assertThat(echo.counters().rejectedCookies()).isEqualTo(10_000);
    }

    @Test
    void aHalfOpenConnectionIsForgottenAfterAFewSecondsAnEstablishedOneIsNot() {
        completeAndEcho(CLIENT, 40_000, 1234, syn(CLIENT, 40_000, 1234).sequenceNumber(), false);
        TcpLayout<?> kept = syn(CLIENT, 40_001, 555);
        long keptIss = kept.sequenceNumber();
        assertThat(hasOption(kept, TcpOptions.WINDOW_SCALE)).as("a half-open connection kept answers every option")
                .isTrue();
        flood(TcpEcho.MAX_HALF_OPEN - 1);
        assertThat(echo.halfOpen()).isEqualTo(TcpEcho.MAX_HALF_OPEN);
        assertCookie(syn(CLIENT, 40_002, 777), 1460);

        clock[0] += TcpEcho.SYN_RECEIVED_NANOS;
        assertCookie(syn(CLIENT, 40_003, 777), 1460);   // not yet: a timeout, not a race
        clock[0] += SECOND;
        TcpLayout<?> again = syn(CLIENT, 40_004, 888);
        assertThat(hasOption(again, TcpOptions.WINDOW_SCALE)).as("room again: a connection kept").isTrue();
        assertThat(echo.counters().expiredHalfOpen()).isEqualTo(TcpEcho.MAX_HALF_OPEN);
        assertThat(echo.connections()).as("the established connection and the new one").isEqualTo(2);
        assertThat(echo.halfOpen()).isEqualTo(1);

        // The last ACK of a handshake whose half-open connection expired: options were agreed that
        // nothing remembers, so its cookie does not count.
        TcpLayout<?> late = ack(CLIENT, 40_001, 556, TcpEcho.plus(keptIss, 1), new byte[0]);
        assertThat(late.rst()).isTrue();
        assertThat(echo.counters().rejectedCookies()).isEqualTo(1);
        assertThat(echo.connections()).isEqualTo(2);

        clock[0] += TcpEcho.IDLE_NANOS;   // idle established connections go when the table needs room
        flood(TcpEcho.MAX_HALF_OPEN);
        assertThat(echo.connections()).isEqualTo(TcpEcho.MAX_HALF_OPEN);
    }

    @Test
    void synWithFinIsDroppedAndCounted() {
        assertThat(send(CLIENT, 40_000, new byte[0], t -> t.sequenceNumber(1).syn(true).fin(true))).isNull();
        assertThat(echo.connections()).isZero();
        assertThat(echo.counters().badFlags()).isEqualTo(1);
        assertThat(echo.counters().synAcks()).isZero();
    }

    @Test
    void synWithRstIsDroppedAndLeavesAnEstablishedConnectionAlone() {
        completeAndEcho(CLIENT, 40_000, 1234, syn(CLIENT, 40_000, 1234).sequenceNumber(), false);
        assertThat(send(CLIENT, 40_000, new byte[0], t -> t.sequenceNumber(1235 + 100).syn(true).rst(true))).isNull();
        assertThat(echo.connections()).as("the connection, untouched").isEqualTo(1);
        assertThat(send(CLIENT, 40_001, new byte[0], t -> t.sequenceNumber(1).syn(true).rst(true))).isNull();
        assertThat(echo.counters().badFlags()).isEqualTo(2);
        // A plain reset in the window still closes it.
        assertThat(send(CLIENT, 40_000, new byte[0], t -> t.sequenceNumber(1235 + 100).rst(true))).isNull();
        assertThat(echo.connections()).isZero();
    }

    @Test
    void synCookiesAreSipHash24() {
        long[] key = {0x0706050403020100L, 0x0f0e0d0c0b0a0908L};
        int[] next = {0};
        SynCookies keyed = new SynCookies(() -> key[next[0]++]);
        // The reference vector for the 32-byte message 00 01 .. 1f under the key 00 01 .. 0f.
        assertThat(keyed.sipHash24(0x0706050403020100L, 0x0f0e0d0c0b0a0908L, 0x1716151413121110L,
                0x1f1e1d1c1b1a1918L)).isEqualTo(0x7127512f72f27cceL);
    }

    @Test
    void aStatelessSynAllocatesNoConnection() {
        flood(TcpEcho.MAX_HALF_OPEN);
        TcpBuilder segment = new TcpBuilder().sourcePort(40_000).destinationPort(PORT).sequenceNumber(1).syn(true)
                .window(64240).options(new TcpOptionsBuilder().mss(1460).sackPermitted().timestamps(1, 0).nop()
                        .windowScale(7));
        in.dissect(Framing.ETHERNET, PacketBuffer.wrap(frame(Serializer.of(new byte[0]), segment, CLIENT, false)));
        TcpLayout<?> layout = in.tcp().layout();
        IpAddress<?> source = in.ip().source();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int perRound = 10_000;
        long least = Long.MAX_VALUE;
        for (int round = 0; round < 6; round++) {   // the first rounds warm up
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < perRound; i++) {
                echo.segment(layout, source, 0, LINK_MSS, reply);
            }
            least = Math.min(least, (threads.getCurrentThreadAllocatedBytes() - before) / perRound);
        }
        assertThat(echo.counters().synCookies()).isEqualTo(6L * perRound);
        // A connection kept (its entry, its map node: over 100 bytes) would show in every round;
        // the lookup key may not be scalar-replaced.
        assertThat(least).as("bytes allocated per SYN answered with a cookie").isLessThan(64);
        System.out.println("tcp echo: " + least + " bytes allocated per SYN answered with a cookie");
    }
}
