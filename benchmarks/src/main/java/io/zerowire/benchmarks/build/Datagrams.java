package io.zerowire.benchmarks.build;

import java.util.Random;

/**
 * What scenario 3 sends: {@link #COUNT} Ethernet / IPv4 / UDP datagrams with random MAC and IP
 * addresses, ports and identification, the don't-fragment flag, TTL 64, and the same 32-byte
 * payload; checksums computed. 14 + 20 + 8 + 32 = 74 bytes, above the Ethernet minimum.
 */
public final class Datagrams {
    public static final int COUNT = 256;
    public static final int PAYLOAD = 32;
    public static final int FRAME = 14 + 20 + 8 + PAYLOAD;

    public final long[] destinationMac = new long[COUNT];
    public final long[] sourceMac = new long[COUNT];
    public final int[] sourceIp = new int[COUNT];
    public final int[] destinationIp = new int[COUNT];
    public final int[] sourcePort = new int[COUNT];
    public final int[] destinationPort = new int[COUNT];
    public final int[] identification = new int[COUNT];
    public final byte[] payload = new byte[PAYLOAD];

    public Datagrams(long seed) {
        Random random = new Random(seed);
        random.nextBytes(payload);
        for (int i = 0; i < COUNT; i++) {
            destinationMac[i] = 0x02_0000_0000_00L | random.nextLong() & 0xFF_FFFF_FFFFL;
            sourceMac[i] = 0x02_0000_0000_00L | random.nextLong() & 0xFF_FFFF_FFFFL;
            sourceIp[i] = random.nextInt();
            destinationIp[i] = random.nextInt();
            sourcePort[i] = 1 + random.nextInt(0xFFFF);
            destinationPort[i] = 1 + random.nextInt(0xFFFF);
            identification[i] = random.nextInt(0x10000);
        }
    }
}
