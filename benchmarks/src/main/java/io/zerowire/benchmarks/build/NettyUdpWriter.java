package io.zerowire.benchmarks.build;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/** The datagram written by hand into a Netty {@code ByteBuf}: a new heap buffer, or one reused after {@code clear()}. */
public final class NettyUdpWriter {
    private final Datagrams d;
    private final ByteBuf reused = Unpooled.buffer(2048);

    public NettyUdpWriter(Datagrams datagrams) {
        this.d = datagrams;
    }

    public ByteBuf fresh(int i) {
        return write(Unpooled.buffer(Datagrams.FRAME, Datagrams.FRAME), i);
    }

    public ByteBuf reused(int i) {
        return write(reused.clear(), i);
    }

    private ByteBuf write(ByteBuf f, int i) {
        int source = d.sourceIp[i];
        int destination = d.destinationIp[i];
        int length = 8 + Datagrams.PAYLOAD;
        int start = f.writerIndex();
        f.writeShort((int) (d.destinationMac[i] >>> 32)).writeInt((int) d.destinationMac[i])
                .writeShort((int) (d.sourceMac[i] >>> 32)).writeInt((int) d.sourceMac[i])
                .writeShort(0x0800);
        int ip = start + 14;
        f.writeInt(0x4500_0000 | 20 + length).writeInt(d.identification[i] << 16 | 0x4000)
                .writeInt(64 << 24 | 17 << 16).writeInt(source).writeInt(destination);
        f.setShort(ip + 10, checksum(sum(f, ip, 20)));
        int udp = ip + 20;
        f.writeInt(d.sourcePort[i] << 16 | d.destinationPort[i]).writeInt(length << 16).writeBytes(d.payload);
        long pseudo = (source >>> 16) + (source & 0xFFFF) + (destination >>> 16) + (destination & 0xFFFF) + 17 + length;
        int c = checksum(pseudo + sum(f, udp, length));
        f.setShort(udp + 6, c == 0 ? 0xFFFF : c);
        return f;
    }

    private static long sum(ByteBuf a, int offset, int length) {
        long sum = 0;
        int i = offset;
        int end = offset + length;
        for (; i + 8 <= end; i += 8) {
            long v = a.getLong(i);
            sum += (v >>> 32) + (v & 0xFFFF_FFFFL);
        }
        for (; i + 2 <= end; i += 2) {
            sum += a.getUnsignedShort(i);
        }
        return sum;
    }

    private static int checksum(long sum) {
        return HandUdpWriter.checksum(sum);
    }
}
