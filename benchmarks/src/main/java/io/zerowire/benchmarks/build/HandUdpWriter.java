package io.zerowire.benchmarks.build;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** The practical limit: the datagram written by hand into {@code byte[]} with {@code VarHandle} writes. */
public final class HandUdpWriter {
    private static final VarHandle U16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final Datagrams d;

    public HandUdpWriter(Datagrams datagrams) {
        this.d = datagrams;
    }

    public byte[] fresh(int i) {
        byte[] out = new byte[Datagrams.FRAME];
        write(out, i);
        return out;
    }

    /** Writes datagram {@code i} at the start of {@code f}; returns its length. */
    public int write(byte[] f, int i) {
        U16.set(f, 0, (short) (d.destinationMac[i] >>> 32));
        I32.set(f, 2, (int) d.destinationMac[i]);
        U16.set(f, 6, (short) (d.sourceMac[i] >>> 32));
        I32.set(f, 8, (int) d.sourceMac[i]);
        U16.set(f, 12, (short) 0x0800);
        int ip = 14;
        int source = d.sourceIp[i];
        int destination = d.destinationIp[i];
        I32.set(f, ip, 0x4500_0000 | 20 + 8 + Datagrams.PAYLOAD);
        I32.set(f, ip + 4, d.identification[i] << 16 | 0x4000);
        I32.set(f, ip + 8, 64 << 24 | 17 << 16);
        I32.set(f, ip + 12, source);
        I32.set(f, ip + 16, destination);
        U16.set(f, ip + 10, (short) checksum(sum(f, ip, 20)));
        int udp = ip + 20;
        int length = 8 + Datagrams.PAYLOAD;
        I32.set(f, udp, d.sourcePort[i] << 16 | d.destinationPort[i]);
        I32.set(f, udp + 4, length << 16);
        System.arraycopy(d.payload, 0, f, udp + 8, Datagrams.PAYLOAD);
        long pseudo = (source >>> 16) + (source & 0xFFFF) + (destination >>> 16) + (destination & 0xFFFF) + 17 + length;
        int c = checksum(pseudo + sum(f, udp, length));
        U16.set(f, udp + 6, (short) (c == 0 ? 0xFFFF : c));
        return Datagrams.FRAME;
    }

    static long sum(byte[] a, int offset, int length) {
        long sum = 0;
        int i = offset;
        int end = offset + length;
        for (; i + 8 <= end; i += 8) {
            long v = (long) I64.get(a, i);
            sum += (v >>> 32) + (v & 0xFFFF_FFFFL);
        }
        for (; i + 2 <= end; i += 2) {
            sum += (short) U16.get(a, i) & 0xFFFF;
        }
        if (i < end) {
            sum += (a[i] & 0xFF) << 8;
        }
        return sum;
    }

    static int checksum(long sum) {
        sum = (sum & 0xFFFF_FFFFL) + (sum >>> 32);
        sum = (sum & 0xFFFF) + (sum >>> 16);
        sum = (sum & 0xFFFF) + (sum >>> 16);
        return (int) ~((sum & 0xFFFF) + (sum >>> 16)) & 0xFFFF;
    }
}
