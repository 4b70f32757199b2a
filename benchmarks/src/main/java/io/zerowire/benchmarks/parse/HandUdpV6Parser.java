package io.zerowire.benchmarks.parse;

import static io.zerowire.benchmarks.parse.HandTcpParser.I64;
import static io.zerowire.benchmarks.parse.HandTcpParser.fold;
import static io.zerowire.benchmarks.parse.HandTcpParser.sum;
import static io.zerowire.benchmarks.parse.HandTcpParser.u16;

/**
 * The practical limit for Ethernet / IPv6 / extension headers / UDP: by hand over {@code byte[]}
 * with {@code VarHandle} reads, making the destination's checks of RFC 8200 that Zerowire makes on
 * this chain: payload length, Hop-by-Hop first only, each header inside the payload, options
 * walked (Pad1, PadN, Router Alert of length 2; an unknown option acts by its two high bits), at
 * most 16 headers and 64 options, atomic fragments go on and real ones stop, UDP length inside the
 * payload, the checksum (never 0 over IPv6) when asked. Jumbograms and Routing headers with
 * segments left are rejected rather than followed: none of the frames holds one.
 */
public final class HandUdpV6Parser implements FrameParser<UdpFields> {
    private static final int MAX_HEADERS = 16;
    private static final int MAX_OPTIONS = 64;

    private final byte[][] frames;

    public HandUdpV6Parser(byte[][] frames) {
        this.frames = frames;
    }

    @Override
    public String name() {
        return "hand";
    }

    @Override
    public boolean parse(int index, boolean verify, UdpFields out) {
        return parse(frames[index], verify, out);
    }

    public boolean parse(byte[] f, boolean verify, UdpFields out) {
        int length = f.length;
        if (length < 14 || u16(f, 12) != 0x86DD) {
            return false;
        }
        int ip = 14;
        int payloadLength = u16(f, ip + 4);
        if (length - ip < 40 || (f[ip] & 0xF0) != 0x60 || payloadLength == 0 || payloadLength > length - ip - 40) {
            return false;
        }
        int end = ip + 40 + payloadLength;
        int next = f[ip + 6] & 0xFF;
        int at = ip + 40;
        int headers = 0;
        long fragmentId = -1;
        while (true) {
            if (next != 0 && next != 43 && next != 44 && next != 60) {
                break;
            }
            if (++headers > MAX_HEADERS || end - at < 8) {
                return false;
            }
            int headerLength;
            if (next == 44) {
                headerLength = 8;
                if ((u16(f, at + 2) & 0xFFF9) != 0) {
                    return false;                       // a real fragment: no whole datagram
                }
                fragmentId = (int) HandTcpParser.I32.get(f, at + 4) & 0xFFFF_FFFFL;
            } else {
                headerLength = ((f[at + 1] & 0xFF) + 1) * 8;
                if (headerLength > end - at
                        || next == 0 && headers != 1
                        || next == 43 && f[at + 3] != 0
                        || next != 43 && !optionsValid(f, at + 2, at + headerLength, next == 0)) {
                    return false;
                }
            }
            next = f[at] & 0xFF;
            at += headerLength;
        }
        if (next != 17 || end - at < 8) {
            return false;
        }
        int udp = at;
        int udpLength = u16(f, udp + 4);
        if (udpLength < 8 || udpLength > end - udp) {
            return false;
        }
        if (verify) {
            long pseudo = sum(f, ip + 8, 32) + udpLength + 17;
            if (u16(f, udp + 6) == 0 || fold(pseudo + sum(f, udp, udpLength)) != 0xFFFF) {
                return false;
            }
        }
        out.destinationMac = (long) I64.get(f, 0) >>> 16;
        out.sourceMac = (long) I64.get(f, 4) & 0xFFFF_FFFF_FFFFL;
        out.sourceHigh = (long) I64.get(f, ip + 8);
        out.sourceLow = (long) I64.get(f, ip + 16);
        out.destinationHigh = (long) I64.get(f, ip + 24);
        out.destinationLow = (long) I64.get(f, ip + 32);
        out.hopLimit = f[ip + 7] & 0xFF;
        out.fragmentId = fragmentId;
        out.sourcePort = u16(f, udp);
        out.destinationPort = u16(f, udp + 2);
        out.length = udpLength;
        return true;
    }

    /** Hop-by-Hop and Destination options: Pad1, PadN, Router Alert (Hop-by-Hop, length 2); others by their high bits. */
    private static boolean optionsValid(byte[] a, int i, int end, boolean hopByHop) {
        int count = 0;
        while (i < end) {
            if (++count > MAX_OPTIONS) {
                return false;
            }
            int type = a[i] & 0xFF;
            if (type == 0) {
                i++;
                continue;
            }
            if (end - i < 2) {
                return false;
            }
            int len = a[i + 1] & 0xFF;
            if (len > end - i - 2) {
                return false;
            }
            if (type == 5 && hopByHop) {
                if (len != 2) {
                    return false;
                }
            } else if (type != 1 && (type & 0xC0) != 0) {
                return false;                          // discard (and maybe report) the packet
            }
            i += 2 + len;
        }
        return true;
    }
}
