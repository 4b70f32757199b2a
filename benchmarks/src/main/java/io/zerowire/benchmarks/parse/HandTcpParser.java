package io.zerowire.benchmarks.parse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The practical limit: Ethernet / IPv4 / TCP parsed by hand over {@code byte[]} with
 * {@code VarHandle} reads, making the checks Zerowire makes (lengths, version, IHL, total length,
 * an IPv4 total length of 0, fragments, both option lists walked with the same rules and bound,
 * checksums when asked) and no more.
 */
public final class HandTcpParser implements FrameParser<TcpFields> {
    static final VarHandle U16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final int MAX_OPTIONS = 64;

    private final byte[][] frames;

    public HandTcpParser(byte[][] frames) {
        this.frames = frames;
    }

    @Override
    public String name() {
        return "hand";
    }

    @Override
    public boolean parse(int index, boolean verify, TcpFields out) {
        return parse(frames[index], verify, out);
    }

    /** Parses {@code f}; false where Zerowire throws. */
    public boolean parse(byte[] f, boolean verify, TcpFields out) {
        return parse(f, f.length, verify, out);
    }

    /** Parses the frame in {@code f[0, length)}. */
    public boolean parse(byte[] f, int length, boolean verify, TcpFields out) {
        if (length < 14 || u16(f, 12) != 0x0800) {
            return false;
        }
        int ip = 14;
        int available = length - ip;
        if (available < 20) {
            return false;
        }
        int first = f[ip] & 0xFF;
        int ihl = (first & 0xF) * 4;
        int total = u16(f, ip + 2);
        if (first >>> 4 != 4 || ihl < 20 || ihl > available || total == 0 || total < ihl || total > available
                || ihl > 20 && !optionsValid(f, ip + 20, ip + ihl)
                || verify && fold(sum(f, ip, ihl)) != 0xFFFF
                || (u16(f, ip + 6) & 0x3FFF) != 0 || f[ip + 9] != 6) {
            return false;
        }
        int tcp = ip + ihl;
        int segment = total - ihl;
        if (segment < 20) {
            return false;
        }
        int dataOffset = (f[tcp + 12] & 0xF0) >>> 2;
        if (dataOffset < 20 || dataOffset > segment
                || dataOffset > 20 && !optionsValid(f, tcp + 20, tcp + dataOffset)) {
            return false;
        }
        int source = (int) I32.get(f, ip + 12);
        int destination = (int) I32.get(f, ip + 16);
        if (verify) {
            long pseudo = (source >>> 16) + (source & 0xFFFF) + (destination >>> 16) + (destination & 0xFFFF) + 6 + segment;
            if (fold(pseudo + sum(f, tcp, segment)) != 0xFFFF) {
                return false;
            }
        }
        out.destinationMac = (long) I64.get(f, 0) >>> 16;
        out.sourceMac = (long) I64.get(f, 4) & 0xFFFF_FFFF_FFFFL;
        out.sourceIp = source;
        out.destinationIp = destination;
        out.sourcePort = u16(f, tcp);
        out.destinationPort = u16(f, tcp + 2);
        out.sequence = (int) I32.get(f, tcp + 4) & 0xFFFF_FFFFL;
        out.acknowledgment = (int) I32.get(f, tcp + 8) & 0xFFFF_FFFFL;
        out.flags = f[tcp + 13] & 0xFF;
        out.window = u16(f, tcp + 14);
        return true;
    }

    static int u16(byte[] f, int i) {
        return (short) U16.get(f, i) & 0xFFFF;
    }

    /** IPv4 and TCP option lists: EOL ends, NOP is one byte, others have a length of at least 2 inside the region. */
    public static boolean optionsValid(byte[] a, int i, int end) {
        int count = 0;
        while (i < end) {
            int kind = a[i] & 0xFF;
            if (kind == 0) {
                return true;
            }
            if (++count > MAX_OPTIONS) {
                return false;
            }
            if (kind == 1) {
                i++;
                continue;
            }
            if (i + 1 >= end) {
                return false;
            }
            int len = a[i + 1] & 0xFF;
            if (len < 2 || len > end - i) {
                return false;
            }
            i += len;
        }
        return true;
    }

    /** RFC 1071 sum, 8 bytes at a time, unfolded. */
    static long sum(byte[] a, int offset, int length) {
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
        if (i < end) {
            sum += (a[i] & 0xFF) << 8;
        }
        return sum;
    }

    public static int fold(long sum) {
        sum = (sum & 0xFFFF_FFFFL) + (sum >>> 32);
        sum = (sum & 0xFFFF) + (sum >>> 16);
        sum = (sum & 0xFFFF) + (sum >>> 16);
        return (int) ((sum & 0xFFFF) + (sum >>> 16));
    }
}
