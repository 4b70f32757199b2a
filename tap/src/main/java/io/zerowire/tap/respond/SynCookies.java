package io.zerowire.tap.respond;

import io.zerowire.ip.IpAddress;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import java.util.random.RandomGenerator;

/**
 * SYN cookies (RFC 4987 section 3.6): initial sequence numbers that carry, authenticated, what a
 * connection needs to be created from the handshake's last ACK alone, so that a SYN can be answered
 * without keeping anything.
 *
 * <p>An ISN is 32 bits: the top 28 a keyed MAC (SipHash-2-4 with a 128-bit secret of the run) of
 * the peer's address and port, our port, the peer's ISN, a time counter and the low 4 bits; bit 3
 * says whether the SYN-ACK was {@linkplain #STATELESS stateless}; bits 0-2 index {@link #MSS} (the
 * MSS is the only option a cookie keeps). The counter ticks every {@value #PERIOD_SECONDS} s, as
 * Linux's does, and a cookie is accepted in its own period and the next: for 64 to 128 s. Our
 * address is not in the MAC: the responder has one per IP version, and the version is.
 *
 * <p>A blind attacker who forges an ACK has one chance in 2<sup>28</sup> per segment of guessing a
 * valid cookie for the 4-tuple and ISN it chose; a guess costs it a segment and us two hashes.
 * Computing and checking allocate nothing.
 */
final class SynCookies {
    /** Seconds per tick of the cookie counter. */
    static final int PERIOD_SECONDS = 64;
    /** The low bits of a cookie that are not MAC. */
    private static final int MAC_SHIFT = 4;
    /** The flag bit of a SYN-ACK for which nothing was kept: only its cookie can create the connection. */
    static final int STATELESS = 0x8;
    /** The low bits of a cookie that index {@link #MSS}. */
    static final int MSS_INDEX = 0x7;
    /**
     * The MSS values a cookie can carry, rising; a cookie carries the largest that does not exceed
     * the MSS the connection would have. 48 is the least a sender uses (Linux's tcp_min_snd_mss);
     * 536 and 1220 are the defaults of IPv4 and IPv6 (RFC 9293, RFC 8200); 1380, 1440 and 1460 are
     * the usual Ethernet and tunnel values; 4312 and 8960 jumbo frames.
     */
    static final int[] MSS = {48, 536, 1220, 1380, 1440, 1460, 4312, 8960};
    private static final long NANOS_PER_PERIOD = PERIOD_SECONDS * 1_000_000_000L;

    private final long k0;
    private final long k1;
    /** SipHash's state, in fields so that a hash allocates nothing (the class is not thread-safe). */
    private long v0;
    private long v1;
    private long v2;
    private long v3;

    /** Cookies keyed by two longs of {@code random} (a {@code SecureRandom} outside tests). */
    SynCookies(RandomGenerator random) {
        this.k0 = random.nextLong();
        this.k1 = random.nextLong();
    }

    /** The counter at {@code nanos} of the monotonic clock. */
    static long counter(long nanos) {
        return Math.floorDiv(nanos, NANOS_PER_PERIOD);
    }

    /** The index in {@link #MSS} of the largest value not above {@code mss} (0 below all). */
    static int mssIndex(int mss) {
        int index = 0;
        while (index + 1 < MSS.length && MSS[index + 1] <= mss) {
            index++;
        }
        return index;
    }

    /**
     * The ISN for a SYN with sequence number {@code irs} from {@code peer} port {@code peerPort} to
     * our {@code port}, in counter period {@code counter}; {@code low} is {@link #STATELESS} or 0,
     * plus an index in {@link #MSS}.
     */
    long cookie(IpAddress<?> peer, int peerPort, int port, long irs, long counter, int low) {
        return (mac(peer, peerPort, port, irs, counter, low) << MAC_SHIFT | low) & 0xFFFF_FFFFL;
    }

    /**
     * Checks the cookie {@code iss} (the ACK's acknowledgment number minus one) against the
     * handshake it claims ({@code irs}: the ACK's sequence number minus one) at counter {@code now}.
     *
     * @return the cookie's low 4 bits ({@link #STATELESS} flag, MSS index) if it is valid, else -1
     */
    int check(long iss, IpAddress<?> peer, int peerPort, int port, long irs, long now) {
        int low = (int) (iss & (STATELESS | MSS_INDEX));
        for (long counter = now; counter >= now - 1; counter--) {
            if (cookie(peer, peerPort, port, irs, counter, low) == iss) {
                return low;
            }
        }
        return -1;
    }

    private long mac(IpAddress<?> peer, int peerPort, int port, long irs, long counter, int low) {
        long high;
        long lowBits;
        long version;
        if (peer instanceof Ipv4Address v4) {
            high = 0;
            lowBits = v4.bits() & 0xFFFF_FFFFL;
            version = 4;
        } else {
            Ipv6Address v6 = (Ipv6Address) peer;
            high = v6.high();
            lowBits = v6.low();
            version = 6;
        }
        long ports = (long) peerPort << 48 | (long) port << 32 | irs;
        long rest = counter << 16 | version << 8 | low;
        return sipHash24(high, lowBits, ports, rest) >>> 36;
    }

    /**
     * SipHash-2-4 (Aumasson and Bernstein, 2012) under this key of a 32-byte message given as four
     * little-endian words.
     */
    long sipHash24(long m0, long m1, long m2, long m3) {
        v0 = k0 ^ 0x736f6d6570736575L;
        v1 = k1 ^ 0x646f72616e646f6dL;
        v2 = k0 ^ 0x6c7967656e657261L;
        v3 = k1 ^ 0x7465646279746573L;
        compress(m0);
        compress(m1);
        compress(m2);
        compress(m3);
        compress(32L << 56);   // the last word: the message length, no bytes left over
        v2 ^= 0xff;
        for (int r = 0; r < 4; r++) {
            round();
        }
        return v0 ^ v1 ^ v2 ^ v3;
    }

    private void compress(long m) {
        v3 ^= m;
        round();
        round();
        v0 ^= m;
    }

    private void round() {
        v0 += v1;
        v1 = Long.rotateLeft(v1, 13) ^ v0;
        v0 = Long.rotateLeft(v0, 32);
        v2 += v3;
        v3 = Long.rotateLeft(v3, 16) ^ v2;
        v0 += v3;
        v3 = Long.rotateLeft(v3, 21) ^ v0;
        v2 += v1;
        v1 = Long.rotateLeft(v1, 17) ^ v2;
        v2 = Long.rotateLeft(v2, 32);
    }
}
