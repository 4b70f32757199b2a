package io.zerowire.benchmarks.frames;

import java.util.Random;

/**
 * Ethernet / IPv4 / TCP frames as a capture would show them: random addresses, ports, sequence
 * numbers and flags, the TCP options real stacks send (MSS, SACK permitted, timestamps, window
 * scale, SACK blocks), payloads of 0 to 255 bytes, padding up to the 60-byte Ethernet minimum, and
 * correct IPv4 and TCP checksums, all written byte by byte.
 */
public final class TcpFrames {
    /** IPv4 header bytes (no options). */
    public static final int IP = 14;
    /** TCP header start. */
    public static final int TCP = IP + 20;

    /** Option blocks, each a multiple of 4 bytes: none, SYN-style, timestamps, MSS only, SACK blocks. */
    private static final int[][] OPTIONS = {
        {},
        {2, 4, 0x05, 0xB4, 4, 2, 8, 10, 0, 0, 0, 1, 0, 0, 0, 0, 1, 3, 3, 7},
        {1, 1, 8, 10, 0, 0, 0, 2, 0, 0, 0, 3},
        {2, 4, 0x05, 0x8C},
        {1, 1, 5, 18, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4},
    };

    /** Flag bytes seen in traffic: ACK, PSH|ACK, SYN, SYN|ACK, FIN|ACK, RST|ACK, ECE|CWR|ACK. */
    private static final int[] FLAGS = {0x10, 0x18, 0x02, 0x12, 0x11, 0x14, 0xD0};

    private TcpFrames() {}

    /** {@code count} frames from {@code seed}, with payloads of 0 to 255 bytes. */
    public static byte[][] generate(long seed, int count) {
        return generate(seed, count, 256);
    }

    /** {@code count} frames from {@code seed}, with payloads of 0 to {@code maxPayload - 1} bytes. */
    public static byte[][] generate(long seed, int count, int maxPayload) {
        Random random = new Random(seed);
        byte[][] frames = new byte[count][];
        for (int n = 0; n < count; n++) {
            frames[n] = frame(random, OPTIONS[n % OPTIONS.length], random.nextInt(maxPayload));
        }
        return frames;
    }

    /** One frame with the given TCP option bytes and payload length. */
    static byte[] frame(Random random, int[] options, int payload) {
        int tcpLength = 20 + options.length + payload;
        int ipLength = 20 + tcpLength;
        byte[] f = new byte[Math.max(60, 14 + ipLength)];
        Raw.u48(f, 0, 0x02_0000_0000_00L | random.nextLong() & 0xFF_FFFF_FFFFL);
        Raw.u48(f, 6, 0x02_0000_0000_00L | random.nextLong() & 0xFF_FFFF_FFFFL);
        Raw.u16(f, 12, 0x0800);
        f[IP] = 0x45;
        f[IP + 1] = (byte) random.nextInt(256);
        Raw.u16(f, IP + 2, ipLength);
        Raw.u16(f, IP + 4, random.nextInt(0x10000));
        Raw.u16(f, IP + 6, random.nextBoolean() ? 0x4000 : 0);
        f[IP + 8] = (byte) (2 + random.nextInt(254));
        f[IP + 9] = 6;
        Raw.u32(f, IP + 12, random.nextInt());
        Raw.u32(f, IP + 16, random.nextInt());
        Raw.u16(f, IP + 10, Raw.checksum(Raw.sum(f, IP, 20)));

        Raw.u16(f, TCP, 1 + random.nextInt(0xFFFF));
        Raw.u16(f, TCP + 2, 1 + random.nextInt(0xFFFF));
        Raw.u32(f, TCP + 4, random.nextInt());
        Raw.u32(f, TCP + 8, random.nextInt());
        f[TCP + 12] = (byte) ((20 + options.length) / 4 << 4);
        f[TCP + 13] = (byte) FLAGS[random.nextInt(FLAGS.length)];
        Raw.u16(f, TCP + 14, random.nextInt(0x10000));
        for (int i = 0; i < options.length; i++) {
            f[TCP + 20 + i] = (byte) options[i];
        }
        for (int i = TCP + 20 + options.length; i < 14 + ipLength; i++) {
            f[i] = (byte) random.nextInt(256);
        }
        long sum = Raw.sum(f, IP + 12, 8) + 6 + tcpLength + Raw.sum(f, TCP, tcpLength);
        Raw.u16(f, TCP + 16, Raw.checksum(sum));
        return f;
    }
}
