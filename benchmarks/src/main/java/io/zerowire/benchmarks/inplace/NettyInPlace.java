package io.zerowire.benchmarks.inplace;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.zerowire.benchmarks.parse.NettyTcpParser;
import io.zerowire.benchmarks.parse.TcpFields;

/** Scenarios 4 and 5 by hand over a Netty {@code ByteBuf} that wraps the received array. */
public final class NettyInPlace {
    private final NettyTcpParser parser = new NettyTcpParser(new byte[0][]);
    private final TcpFields in = new TcpFields();
    private final ByteBuf buffer;

    public NettyInPlace(byte[] work) {
        buffer = Unpooled.wrappedBuffer(work);
    }

    /** As {@link HandInPlace#answer}, on the work array given at construction. */
    public int answer(int length) {
        ByteBuf f = buffer.setIndex(0, length);
        if (!parser.parse(f, true, in)) {
            return -1;
        }
        int ihl = (f.getByte(14) & 0xF) * 4;
        int tcp = 14 + ihl;
        int data = f.getUnsignedShort(16) - ihl - ((f.getByte(tcp + 12) & 0xF0) >>> 2);
        long ack = in.sequence + data & 0xFFFF_FFFFL;
        f.setShort(0, (int) (in.sourceMac >>> 32)).setInt(2, (int) in.sourceMac)
                .setShort(6, (int) (in.destinationMac >>> 32)).setInt(8, (int) in.destinationMac);
        int ip = 14;
        f.setInt(ip, 0x4500_0000 | 40).setInt(ip + 4, 0).setInt(ip + 8, 64 << 24 | 6 << 16)
                .setInt(ip + 12, in.destinationIp).setInt(ip + 16, in.sourceIp);
        f.setShort(ip + 10, ~NettyTcpParser.fold(NettyTcpParser.sum(f, ip, 20)));
        int t = ip + 20;
        f.setInt(t, in.destinationPort << 16 | in.sourcePort).setInt(t + 4, (int) in.acknowledgment)
                .setInt(t + 8, (int) ack).setInt(t + 12, 0x5010_0000 | in.window).setInt(t + 16, 0);
        long pseudo = (in.sourceIp >>> 16) + (in.sourceIp & 0xFFFF) + (in.destinationIp >>> 16)
                + (in.destinationIp & 0xFFFF) + 6 + 20;
        f.setShort(t + 16, ~NettyTcpParser.fold(pseudo + NettyTcpParser.sum(f, t, 20)));
        f.setInt(54, 0).setShort(58, 0);
        return 60;
    }

    /** As {@link HandInPlace#forward}, on the work array given at construction. */
    public boolean forward(int length, long router, long nextHop) {
        ByteBuf f = buffer.setIndex(0, length);
        if (length < 34 || f.getUnsignedShort(12) != 0x0800) {
            return false;
        }
        int first = f.getUnsignedByte(14);
        int ihl = (first & 0xF) * 4;
        int total = f.getUnsignedShort(16);
        int available = length - 14;
        if (first >>> 4 != 4 || ihl < 20 || ihl > available || total == 0 || total < ihl || total > available
                || ihl > 20 && !NettyTcpParser.optionsValid(f, 34, 14 + ihl)
                || NettyTcpParser.fold(NettyTcpParser.sum(f, 14, ihl)) != 0xFFFF) {
            return false;
        }
        int ttl = f.getUnsignedByte(22);
        if (ttl <= 1) {
            return false;
        }
        int before = f.getUnsignedShort(22);
        int after = before - 0x100;
        f.setByte(22, ttl - 1);
        int sum = (~f.getUnsignedShort(24) & 0xFFFF) + (~before & 0xFFFF) + after;
        sum = (sum & 0xFFFF) + (sum >>> 16);
        sum = (sum & 0xFFFF) + (sum >>> 16);
        f.setShort(24, ~sum);
        f.setShort(0, (int) (nextHop >>> 32)).setInt(2, (int) nextHop)
                .setShort(6, (int) (router >>> 32)).setInt(8, (int) router);
        return true;
    }
}
