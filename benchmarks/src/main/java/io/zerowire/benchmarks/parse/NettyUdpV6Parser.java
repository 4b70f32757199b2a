package io.zerowire.benchmarks.parse;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/** {@link HandUdpV6Parser} written over Netty's {@code ByteBuf} (frames wrapped once, before timing). */
public final class NettyUdpV6Parser implements FrameParser<UdpFields> {
    private static final int MAX_HEADERS = 16;
    private static final int MAX_OPTIONS = 64;

    private final ByteBuf[] frames;

    public NettyUdpV6Parser(byte[][] frames) {
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
    public boolean parse(int index, boolean verify, UdpFields out) {
        return parse(frames[index], verify, out);
    }

    public ByteBuf frame(int index) {
        return frames[index];
    }

    public boolean parse(ByteBuf f, boolean verify, UdpFields out) {
        int length = f.readableBytes();
        if (length < 14 || f.getUnsignedShort(12) != 0x86DD) {
            return false;
        }
        int ip = 14;
        int payloadLength = f.getUnsignedShort(ip + 4);
        if (length - ip < 40 || (f.getByte(ip) & 0xF0) != 0x60 || payloadLength == 0 || payloadLength > length - ip - 40) {
            return false;
        }
        int end = ip + 40 + payloadLength;
        int next = f.getUnsignedByte(ip + 6);
        int at = ip + 40;
        int headers = 0;
        long fragmentId = -1;
        while (next == 0 || next == 43 || next == 44 || next == 60) {
            if (++headers > MAX_HEADERS || end - at < 8) {
                return false;
            }
            int headerLength;
            if (next == 44) {
                headerLength = 8;
                if ((f.getUnsignedShort(at + 2) & 0xFFF9) != 0) {
                    return false;
                }
                fragmentId = f.getUnsignedInt(at + 4);
            } else {
                headerLength = (f.getUnsignedByte(at + 1) + 1) * 8;
                if (headerLength > end - at
                        || next == 0 && headers != 1
                        || next == 43 && f.getByte(at + 3) != 0
                        || next != 43 && !optionsValid(f, at + 2, at + headerLength, next == 0)) {
                    return false;
                }
            }
            next = f.getUnsignedByte(at);
            at += headerLength;
        }
        if (next != 17 || end - at < 8) {
            return false;
        }
        int udp = at;
        int udpLength = f.getUnsignedShort(udp + 4);
        if (udpLength < 8 || udpLength > end - udp) {
            return false;
        }
        if (verify) {
            long pseudo = NettyTcpParser.sum(f, ip + 8, 32) + udpLength + 17;
            if (f.getUnsignedShort(udp + 6) == 0 || NettyTcpParser.fold(pseudo + NettyTcpParser.sum(f, udp, udpLength)) != 0xFFFF) {
                return false;
            }
        }
        out.destinationMac = f.getLong(0) >>> 16;
        out.sourceMac = f.getLong(4) & 0xFFFF_FFFF_FFFFL;
        out.sourceHigh = f.getLong(ip + 8);
        out.sourceLow = f.getLong(ip + 16);
        out.destinationHigh = f.getLong(ip + 24);
        out.destinationLow = f.getLong(ip + 32);
        out.hopLimit = f.getUnsignedByte(ip + 7);
        out.fragmentId = fragmentId;
        out.sourcePort = f.getUnsignedShort(udp);
        out.destinationPort = f.getUnsignedShort(udp + 2);
        out.length = udpLength;
        return true;
    }

    private static boolean optionsValid(ByteBuf a, int i, int end, boolean hopByHop) {
        int count = 0;
        while (i < end) {
            if (++count > MAX_OPTIONS) {
                return false;
            }
            int type = a.getUnsignedByte(i);
            if (type == 0) {
                i++;
                continue;
            }
            if (end - i < 2) {
                return false;
            }
            int len = a.getUnsignedByte(i + 1);
            if (len > end - i - 2) {
                return false;
            }
            if (type == 5 && hopByHop) {
                if (len != 2) {
                    return false;
                }
            } else if (type != 1 && (type & 0xC0) != 0) {
                return false;
            }
            i += 2 + len;
        }
        return true;
    }
}
