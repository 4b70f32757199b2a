package io.zerowire.benchmarks.frames;

import java.util.Random;

/**
 * Ethernet / IPv6 / Hop-by-Hop Options / Fragment / UDP frames: random addresses in
 * 2001:db8::/32, flow labels, hop limits and ports; a Hop-by-Hop header of 8 or 16 bytes (PadN,
 * or a Router Alert and two Pad1); an atomic Fragment header (offset 0, M clear, RFC 6946: a whole
 * datagram that carries a fragment identification); a UDP payload of 0 to 255 bytes with its
 * checksum over the IPv6 pseudo-header.
 */
public final class UdpV6Frames {
    public static final int IP = 14;

    private UdpV6Frames() {}

    /** {@code count} frames from {@code seed}. */
    public static byte[][] generate(long seed, int count) {
        Random random = new Random(seed);
        byte[][] frames = new byte[count][];
        for (int n = 0; n < count; n++) {
            frames[n] = frame(random, n % 3, random.nextInt(256));
        }
        return frames;
    }

    private static byte[] frame(Random random, int hopByHopKind, int payload) {
        int hopByHop = hopByHopKind == 2 ? 16 : 8;
        int udp = IP + 40 + hopByHop + 8;
        int udpLength = 8 + payload;
        int payloadLength = hopByHop + 8 + udpLength;
        byte[] f = new byte[Math.max(60, IP + 40 + payloadLength)];
        Raw.u48(f, 0, 0x3333_0000_0000L | random.nextLong() & 0xFFFF_FFFFL);
        Raw.u48(f, 6, 0x02_0000_0000_00L | random.nextLong() & 0xFF_FFFF_FFFFL);
        Raw.u16(f, 12, 0x86DD);
        Raw.u32(f, IP, 0x6000_0000L | random.nextInt(0x1000_0000));
        Raw.u16(f, IP + 4, payloadLength);
        f[IP + 6] = 0;                                   // Hop-by-Hop Options next
        f[IP + 7] = (byte) (2 + random.nextInt(254));
        for (int a = IP + 8; a < IP + 40; a += 16) {
            Raw.u32(f, a, 0x2001_0DB8L);
            for (int i = a + 4; i < a + 16; i++) {
                f[i] = (byte) random.nextInt(256);
            }
        }
        int h = IP + 40;
        f[h] = 44;                                       // Fragment next
        f[h + 1] = (byte) (hopByHop / 8 - 1);
        if (hopByHopKind == 1) {
            f[h + 2] = 5;                                // Router Alert, value 0 (MLD)
            f[h + 3] = 2;
            // Two Pad1 rather than the PadN of length 0 Linux sends: pcap4j 1.8.2 misreads that one.
            f[h + 6] = 0;
            f[h + 7] = 0;
        } else {
            f[h + 2] = 1;                                // PadN up to the end
            f[h + 3] = (byte) (hopByHop - 4);
        }
        int fragment = h + hopByHop;
        f[fragment] = 17;                                // UDP next
        Raw.u32(f, fragment + 4, random.nextInt());      // identification; offset 0, M clear
        Raw.u16(f, udp, 1 + random.nextInt(0xFFFF));
        Raw.u16(f, udp + 2, 1 + random.nextInt(0xFFFF));
        Raw.u16(f, udp + 4, udpLength);
        for (int i = udp + 8; i < udp + udpLength; i++) {
            f[i] = (byte) random.nextInt(256);
        }
        long sum = Raw.sum(f, IP + 8, 32) + udpLength + 17 + Raw.sum(f, udp, udpLength);
        int checksum = Raw.checksum(sum);
        Raw.u16(f, udp + 6, checksum == 0 ? 0xFFFF : checksum);
        return f;
    }
}
