package io.zerowire.benchmarks.parse;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * A hand-written parser over Netty's {@code ByteBuf}, as a Netty pipeline would hold the frame:
 * each frame is wrapped once, before timing, and read with absolute gets. Same checks as
 * {@link HandTcpParser}.
 */
public final class NettyTcpParser implements FrameParser<TcpFields> {
    private static final int MAX_OPTIONS = 64;
    private final ByteBuf[] frames;

    public NettyTcpParser(byte[][] frames) {
        this.frames = new ByteBuf[frames.length];
        for (int i = 0; i < frames.length; i++) {
            this.frames[i] = Unpooled.wrappedBuffer(frames[i]);
        }
    }

    @Override
    public String name() {
        return "netty";
    }

    @Override
    public boolean parse(int index, boolean verify, TcpFields out) {
        return parse(frames[index], verify, out);
    }

    public ByteBuf frame(int index) {
        return frames[index];
    }

    public boolean parse(ByteBuf f, boolean verify, TcpFields out) {
        int length = f.readableBytes();
        if (length < 14 || f.getUnsignedShort(12) != 0x0800) {
            return false;
        }
        int ip = 14;
        int available = length - ip;
        if (available < 20) {
            return false;
        }
        int first = f.getUnsignedByte(ip);
        int ihl = (first & 0xF) * 4;
        int total = f.getUnsignedShort(ip + 2);
        if (first >>> 4 != 4 || ihl < 20 || ihl > available || total == 0 || total < ihl || total > available
                || ihl > 20 && !optionsValid(f, ip + 20, ip + ihl)
                || verify && fold(sum(f, ip, ihl)) != 0xFFFF
                || (f.getUnsignedShort(ip + 6) & 0x3FFF) != 0 || f.getByte(ip + 9) != 6) {
            return false;
        }
        int tcp = ip + ihl;
        int segment = total - ihl;
        if (segment < 20) {
            return false;
        }
        int dataOffset = (f.getByte(tcp + 12) & 0xF0) >>> 2;
        if (dataOffset < 20 || dataOffset > segment
                || dataOffset > 20 && !optionsValid(f, tcp + 20, tcp + dataOffset)) {
            return false;
        }
        int source = f.getInt(ip + 12);
        int destination = f.getInt(ip + 16);
        if (verify) {
            long pseudo = (source >>> 16) + (source & 0xFFFF) + (destination >>> 16) + (destination & 0xFFFF) + 6 + segment;
            if (fold(pseudo + sum(f, tcp, segment)) != 0xFFFF) {
                return false;
            }
        }
        out.destinationMac = f.getLong(0) >>> 16;
        out.sourceMac = f.getLong(4) & 0xFFFF_FFFF_FFFFL;
        out.sourceIp = source;
        out.destinationIp = destination;
        out.sourcePort = f.getUnsignedShort(tcp);
        out.destinationPort = f.getUnsignedShort(tcp + 2);
        out.sequence = f.getUnsignedInt(tcp + 4);
        out.acknowledgment = f.getUnsignedInt(tcp + 8);
        out.flags = f.getUnsignedByte(tcp + 13);
        out.window = f.getUnsignedShort(tcp + 14);
        return true;
    }

    public static boolean optionsValid(ByteBuf a, int i, int end) {
        int count = 0;
        while (i < end) {
            int kind = a.getUnsignedByte(i);
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
            int len = a.getUnsignedByte(i + 1);
            if (len < 2 || len > end - i) {
                return false;
            }
            i += len;
        }
        return true;
    }

    public static long sum(ByteBuf a, int offset, int length) {
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
        if (i < end) {
            sum += a.getUnsignedByte(i) << 8;
        }
        return sum;
    }

    public static int fold(long sum) {
        return HandTcpParser.fold(sum);
    }
}
