package io.zerowire.protocols.icmpv6;

import io.zerowire.buffer.Bytes;
import io.zerowire.ip.IpAddress;
import io.zerowire.ip.Ipv6;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.pcap.LinkType;
import io.zerowire.protocols.ip.IpPacket;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.testing.Corpus;

/**
 * Test-only: from a captured frame of any link type to the ICMPv6 message inside, by hand. It
 * reads the link header, then IPv6 fixed headers and the simple extension headers (Hop-by-Hop,
 * Destination Options, Routing, with the routing header's final destination for the
 * pseudo-header), follows IPv6-in-IPv6 and the Ethernet frames of SRv6 (next header 143), and
 * stops at next header 58. The real IPv6 view is another module's job; this only gets the tests
 * to the bytes tshark dissects.
 */
final class Ipv6Walk {
    private Ipv6Walk() {}

    /** Where the ICMPv6 message of a frame is, and the IPv6 packet that carries it. */
    record Located(byte[] bytes, int ipOffset, int ipDepth, int offset, int length, int declaredLength,
            Ipv6Address source, Ipv6Address destination, Ipv6Address pseudoDestination, int hopLimit,
            int headerLength) implements IpPacket<Ipv6> {
        /** Whether the IPv6 payload length claims more bytes than the capture holds. */
        boolean truncated() {
            return declaredLength > length;
        }

        @Override
        public Ipv6 version() {
            return Ipv6.INSTANCE;
        }

        @Override
        public IpAddress<Ipv6> pseudoHeaderDestination() {
            return pseudoDestination;
        }

        @Override
        public IpProtocol transportProtocol() {
            return IpProtocol.IPV6_ICMP;
        }

        @Override
        public boolean isFragment() {
            return false;
        }

        @Override
        public int payloadLength() {
            return length;
        }
    }

    /** The ICMPv6 message of {@code frame}, or null if the walk does not reach one. */
    static Located locate(Corpus.Frame frame) {
        byte[] b = frame.bytes();
        int ip = ipStart(frame.linkType(), b);
        return ip < 0 ? null : ipv6(b, ip, b.length, 0);
    }

    private static int ipStart(LinkType link, byte[] b) {
        if (link.equals(LinkType.ETHERNET)) {
            return ethernet(b, 0, b.length);
        }
        if (link.equals(LinkType.RAW) || link.equals(LinkType.IPV6)) {
            return b.length > 0 && (b[0] >> 4 & 0xF) == 6 ? 0 : -1;
        }
        if (link.equals(LinkType.LINUX_SLL)) {
            return b.length >= 16 && Bytes.u16(b, 14) == 0x86DD ? 16 : -1;
        }
        if (link.equals(LinkType.LINUX_SLL2)) {
            return b.length >= 20 && Bytes.u16(b, 0) == 0x86DD ? 20 : -1;
        }
        if (link.equals(LinkType.NULL)) {
            if (b.length < 4) {
                return -1;
            }
            // The family is in the capturing host's byte order; AF_INET6 is 10, 24, 28 or 30 by OS.
            long little = Bytes.u32le(b, 0);
            long big = Bytes.u32(b, 0);
            return isInet6(little) || isInet6(big) ? 4 : -1;
        }
        return -1;
    }

    private static boolean isInet6(long family) {
        return family == 10 || family == 24 || family == 28 || family == 30;
    }

    /** Ethernet with 802.1Q / 802.1ad tags in {@code b[at, end)}: the index of an IPv6 header, or -1. */
    private static int ethernet(byte[] b, int at, int end) {
        int pos = at + 12;
        while (pos + 2 <= end) {
            int type = Bytes.u16(b, pos);
            if (type == 0x8100 || type == 0x88A8) {
                pos += 4;
                continue;
            }
            return type == 0x86DD ? pos + 2 : -1;
        }
        return -1;
    }

    private static Located ipv6(byte[] b, int ip, int end, int depth) {
        if (end - ip < 40 || (b[ip] >> 4 & 0xF) != 6 || depth > 4) {
            return null;
        }
        int payload = Bytes.u16(b, ip + 4);
        int next = b[ip + 6] & 0xFF;
        int hopLimit = b[ip + 7] & 0xFF;
        Ipv6Address source = Ipv6Address.read(b, ip + 8);
        Ipv6Address destination = Ipv6Address.read(b, ip + 24);
        Ipv6Address finalDestination = destination;
        int available = end - ip - 40;
        if (payload == 0 && next == 0) {
            payload = jumboLength(b, ip + 40, end);
        }
        int declared = payload;
        int stop = ip + 40 + Math.min(payload, available);
        int pos = ip + 40;
        while (next == 0 || next == 60 || next == 43) {
            if (stop - pos < 8) {
                return null;
            }
            int length = ((b[pos + 1] & 0xFF) + 1) * 8;
            if (length > stop - pos) {
                return null;
            }
            if (next == 43 && (b[pos + 3] & 0xFF) > 0) {
                finalDestination = routingFinalDestination(b, pos, length, finalDestination);
            }
            next = b[pos] & 0xFF;
            declared -= length;
            pos += length;
        }
        if (next == 58) {
            return new Located(b, ip, depth, pos, stop - pos, declared, source, destination, finalDestination,
                    hopLimit, pos - ip);
        }
        if (next == 41) {
            return ipv6(b, pos, stop, depth + 1);
        }
        if (next == 143) {
            int inner = ethernet(b, pos, stop);
            return inner < 0 ? null : ipv6(b, inner, stop, depth + 1);
        }
        return null;
    }

    /** The payload length of a Hop-by-Hop Jumbo Payload option (RFC 2675), or 0. */
    private static int jumboLength(byte[] b, int hbh, int end) {
        if (end - hbh < 2) {
            return 0;
        }
        int length = Math.min(((b[hbh + 1] & 0xFF) + 1) * 8, end - hbh);
        int pos = hbh + 2;
        while (pos < hbh + length) {
            int type = b[pos] & 0xFF;
            if (type == 0) {
                pos++;
                continue;
            }
            if (pos + 2 > hbh + length) {
                return 0;
            }
            int optionLength = b[pos + 1] & 0xFF;
            if (type == 0xC2 && optionLength == 4 && pos + 6 <= hbh + length) {
                long jumbo = Bytes.u32(b, pos + 2);
                return (int) Math.min(jumbo, Integer.MAX_VALUE);
            }
            pos += 2 + optionLength;
        }
        return 0;
    }

    /** The final destination of a routing header with segments left (RFC 8200 section 8.1). */
    private static Ipv6Address routingFinalDestination(byte[] b, int rh, int length, Ipv6Address current) {
        int type = b[rh + 2] & 0xFF;
        int addresses = (length - 8) / 16;
        if (addresses == 0) {
            return current;
        }
        switch (type) {
            case 0: // RFC 2460 source route: the last address
                return Ipv6Address.read(b, rh + 8 + 16 * (addresses - 1));
            case 2: // RFC 6275 type 2: the home address
            case 4: // RFC 8754 segment routing: segment list[0] is the final segment
                return Ipv6Address.read(b, rh + 8);
            default:
                return current;
        }
    }
}
