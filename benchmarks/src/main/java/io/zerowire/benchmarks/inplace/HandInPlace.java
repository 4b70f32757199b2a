package io.zerowire.benchmarks.inplace;

import io.zerowire.benchmarks.parse.HandTcpParser;
import io.zerowire.benchmarks.parse.TcpFields;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The practical limit for scenarios 4 and 5, by hand over {@code byte[]}: the checks of
 * {@link HandTcpParser}, then the answer or the forwarding edits written with {@code VarHandle}.
 */
public final class HandInPlace {
    private static final VarHandle U16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final HandTcpParser parser = new HandTcpParser(new byte[0][]);
    private final TcpFields in = new TcpFields();

    /**
     * Answers the TCP segment in {@code f[0, length)} with an ACK written over it; returns the
     * answer's length (60: 54 bytes of headers and zeroed padding), or -1 if the frame is rejected.
     */
    public int answer(byte[] f, int length) {
        if (!parser.parse(f, length, true, in)) {
            return -1;
        }
        int ihl = (f[14] & 0xF) * 4;
        int tcp = 14 + ihl;
        int data = (u16(f, 16) - ihl) - ((f[tcp + 12] & 0xF0) >>> 2);
        long ack = in.sequence + data & 0xFFFF_FFFFL;
        // The answer's Ethernet and IP addresses are the received ones swapped.
        U16.set(f, 0, (short) (in.sourceMac >>> 32));
        I32.set(f, 2, (int) in.sourceMac);
        U16.set(f, 6, (short) (in.destinationMac >>> 32));
        I32.set(f, 8, (int) in.destinationMac);
        int ip = 14;
        I32.set(f, ip, 0x4500_0000 | 40);
        I32.set(f, ip + 4, 0);
        I32.set(f, ip + 8, 64 << 24 | 6 << 16);
        I32.set(f, ip + 12, in.destinationIp);
        I32.set(f, ip + 16, in.sourceIp);
        U16.set(f, ip + 10, (short) checksum(sum(f, ip, 20)));
        int t = ip + 20;
        I32.set(f, t, in.destinationPort << 16 | in.sourcePort);
        I32.set(f, t + 4, (int) in.acknowledgment);
        I32.set(f, t + 8, (int) ack);
        I32.set(f, t + 12, 0x5010_0000 | in.window);
        I32.set(f, t + 16, 0);
        long pseudo = (in.sourceIp >>> 16) + (in.sourceIp & 0xFFFF) + (in.destinationIp >>> 16)
                + (in.destinationIp & 0xFFFF) + 6 + 20;
        U16.set(f, t + 16, (short) checksum(pseudo + sum(f, t, 20)));
        I32.set(f, 54, 0);                       // padding to the 60-byte minimum
        U16.set(f, 58, (short) 0);
        return 60;
    }

    /**
     * Forwards the IPv4 packet in {@code f[0, length)}: header validated with its checksum, TTL
     * decremented with an RFC 1624 update, MAC addresses rewritten; returns false if rejected or
     * the TTL ran out.
     */
    public boolean forward(byte[] f, int length, long router, long nextHop) {
        if (length < 34 || u16(f, 12) != 0x0800) {
            return false;
        }
        int first = f[14] & 0xFF;
        int ihl = (first & 0xF) * 4;
        int total = u16(f, 16);
        int available = length - 14;
        if (first >>> 4 != 4 || ihl < 20 || ihl > available || total == 0 || total < ihl || total > available
                || ihl > 20 && !HandTcpParser.optionsValid(f, 34, 14 + ihl)
                || checksumOf(f, 14, ihl) != 0xFFFF) {
            return false;
        }
        int ttl = f[22] & 0xFF;
        if (ttl <= 1) {
            return false;
        }
        int before = u16(f, 22);
        int after = before - 0x100;
        f[22] = (byte) (ttl - 1);
        // RFC 1624, eqn. 3: HC' = ~(~HC + ~m + m')
        int sum = (~u16(f, 24) & 0xFFFF) + (~before & 0xFFFF) + after;
        sum = (sum & 0xFFFF) + (sum >>> 16);
        sum = (sum & 0xFFFF) + (sum >>> 16);
        U16.set(f, 24, (short) ~sum);
        U16.set(f, 0, (short) (nextHop >>> 32));
        I32.set(f, 2, (int) nextHop);
        U16.set(f, 6, (short) (router >>> 32));
        I32.set(f, 8, (int) router);
        return true;
    }

    private static int checksumOf(byte[] a, int offset, int length) {
        return ~checksum(sum(a, offset, length)) & 0xFFFF;
    }

    private static int u16(byte[] f, int i) {
        return (short) U16.get(f, i) & 0xFFFF;
    }

    private static long sum(byte[] a, int offset, int length) {
        long sum = 0;
        int i = offset;
        int end = offset + length;
        for (; i + 8 <= end; i += 8) {
            long v = (long) I64.get(a, i);
            sum += (v >>> 32) + (v & 0xFFFF_FFFFL);
        }
        for (; i + 2 <= end; i += 2) {
            sum += u16(a, i);
        }
        return sum;
    }

    private static int checksum(long sum) {
        sum = (sum & 0xFFFF_FFFFL) + (sum >>> 32);
        sum = (sum & 0xFFFF) + (sum >>> 16);
        sum = (sum & 0xFFFF) + (sum >>> 16);
        return (int) ~((sum & 0xFFFF) + (sum >>> 16)) & 0xFFFF;
    }
}
