package io.zerowire.protocols.udp;

import io.zerowire.buffer.Bytes;
import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv6;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.parse.ParseException;
import io.zerowire.pcap.LinkType;
import io.zerowire.protocols.ethernet.EtherType;
import io.zerowire.protocols.ethernet.Ethernet;
import io.zerowire.protocols.ethernet.EthernetFrames;
import io.zerowire.protocols.ethernet.VlanTag;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ipv4.Ipv4;
import io.zerowire.protocols.ipv4.Ipv4Layout;
import io.zerowire.protocols.testing.Corpus;

/**
 * Test-only: finds the outer IP packet of a captured frame, whatever its link type, and parses its
 * header just far enough for the transport layer, giving a {@link TestIpPacket}. IPv4 goes through
 * the generated {@link Ipv4} view; IPv6 is read by hand here (fixed header, then Hop-by-Hop,
 * Routing, Fragment, Destination Options and AH headers skipped by their lengths, the final
 * destination of a routing header kept for the pseudo-header) until the real IPv6 packet parser
 * lands. Not a general parser: it only has to be right about the captures.
 */
public final class IpFrames {
    private static final LinkType PPP = LinkType.of(9);

    private IpFrames() {}

    /**
     * The outer IP packet of a frame. When {@link #ip} is not null, {@link #buffer}'s body is the IP
     * payload (after every extension header); {@link #truncated} says the capture cut it short (the
     * IP length claims more than was captured: the body is then what was captured).
     */
    public record Located(PacketBuffer buffer, TestIpPacket<?> ip, int ipOffset, boolean truncated, String problem) {
        static Located problem(String problem) {
            return new Located(null, null, -1, false, problem);
        }
    }

    /** Locates the IP packet of a copy of {@code frame}'s bytes; never throws on hostile bytes. */
    public static Located locate(Corpus.Frame frame) {
        return locate(frame.linkType(), frame.bytes().clone());
    }

    /** Locates the IP packet in {@code bytes} (used in place) of link type {@code link}. */
    public static Located locate(LinkType link, byte[] bytes) {
        PacketBuffer buffer = PacketBuffer.wrap(bytes);
        int version;
        try {
            version = skipLinkHeader(link, buffer);
        } catch (ParseException e) {
            return Located.problem("link layer: " + e.getMessage());
        }
        if (version == 4) {
            return ipv4(buffer);
        }
        if (version == 6) {
            return ipv6(buffer);
        }
        return Located.problem("not IP over " + link);
    }

    /** Consumes the link-layer header; returns the IP version it announces, or 0. */
    private static int skipLinkHeader(LinkType link, PacketBuffer buffer) throws ParseException {
        byte[] a = buffer.array();
        if (link.equals(LinkType.ETHERNET)) {
            Ethernet eth = EthernetFrames.parse(buffer);
            EtherType type = eth.etherType();
            VlanTag tag = new VlanTag();
            while (type.isTag()) {
                type = EthernetFrames.wrapTag(tag, buffer).etherType();
            }
            if (type.value() == 0x8847 || type.value() == 0x8848) {
                // MPLS: labels up to the bottom of the stack, then the payload's own version nibble.
                int at;
                do {
                    at = buffer.takeFront(4);
                } while ((a[at + 2] & 1) == 0);
                return buffer.remaining() > 0 ? buffer.peekU8(0) >> 4 : 0;
            }
            return versionOfEtherType(type.value());
        }
        if (link.equals(LinkType.RAW)) {
            return buffer.remaining() > 0 ? buffer.peekU8(0) >> 4 : 0;
        }
        if (link.equals(LinkType.IPV4)) {
            return 4;
        }
        if (link.equals(LinkType.IPV6)) {
            return 6;
        }
        if (link.equals(LinkType.LINUX_SLL)) {
            int at = buffer.takeFront(16);
            return versionOfEtherType(Bytes.u16(a, at + 14));
        }
        if (link.equals(LinkType.LINUX_SLL2)) {
            int at = buffer.takeFront(20);
            return versionOfEtherType(Bytes.u16(a, at));
        }
        if (link.equals(LinkType.NULL)) {
            // The address family in the capturing host's byte order: a small number either way.
            int at = buffer.takeFront(4);
            int family = a[at] != 0 ? a[at] & 0xFF : a[at + 3] & 0xFF;
            return family == 2 ? 4 : family == 10 || family == 24 || family == 28 || family == 30 ? 6 : 0;
        }
        if (link.equals(PPP)) {
            // RFC 1662 framing: optional address/control 0xFF 0x03, then the 16-bit protocol.
            if (buffer.remaining() >= 2 && buffer.peekU8(0) == 0xFF && buffer.peekU8(1) == 0x03) {
                buffer.takeFront(2);
            }
            int at = buffer.takeFront(2);
            int protocol = Bytes.u16(a, at);
            return protocol == 0x0021 ? 4 : protocol == 0x0057 ? 6 : 0;
        }
        return 0;
    }

    private static int versionOfEtherType(int type) {
        return type == 0x0800 ? 4 : type == 0x86DD ? 6 : 0;
    }

    private static Located ipv4(PacketBuffer buffer) {
        int ipOffset = buffer.bodyStart();
        Ipv4 ip = new Ipv4();
        boolean truncated = false;
        try {
            ip.wrapUnverified(buffer);
        } catch (ParseException e) {
            if (!e.field().equals("totalLength")) {
                return Located.problem("ipv4: " + e.getMessage());
            }
            try {
                ip.wrapQuoted(buffer); // a capture cut short by its snap length
                truncated = true;
            } catch (ParseException again) {
                return Located.problem("ipv4: " + e.getMessage());
            }
        }
        TestIpPacket<?> packet = new TestIpPacket<>(ip.source().version(), ip.source(), ip.destination(),
                ip.destination(), ip.protocol(), ip.ttl(), Ipv4Layout.isFragment(ip), ip.headerLength(),
                buffer.remaining());
        return new Located(buffer, packet, ipOffset, truncated, null);
    }

    private static Located ipv6(PacketBuffer buffer) {
        byte[] a = buffer.array();
        int start = buffer.bodyStart();
        int available = buffer.remaining();
        if (available < 40) {
            return Located.problem("ipv6: shorter than 40 bytes");
        }
        if ((a[start] >> 4 & 0xF) != 6) {
            return Located.problem("ipv6: version " + (a[start] >> 4 & 0xF));
        }
        int payloadLength = Bytes.u16(a, start + 4);
        int next = a[start + 6] & 0xFF;
        int hopLimit = a[start + 7] & 0xFF;
        Ipv6Address source = Ipv6Address.read(a, start + 8);
        Ipv6Address destination = Ipv6Address.read(a, start + 24);
        boolean truncated = false;
        if (payloadLength == 0 && next == 0) {
            payloadLength = available - 40; // a jumbogram (RFC 2675): the length is in a hop-by-hop option
        } else if (payloadLength > available - 40) {
            truncated = true;
            payloadLength = available - 40;
        }
        try {
            buffer.takeFront(40);
            buffer.takeBack(buffer.remaining() - payloadLength);
            Ipv6Address finalDestination = destination;
            boolean fragment = false;
            int headers = 0;
            while (next == 0 || next == 43 || next == 44 || next == 60 || next == 51) {
                if (++headers > 8 || buffer.remaining() < 8) {
                    return Located.problem("ipv6: extension headers past the payload");
                }
                int p = buffer.bodyStart();
                int length = next == 44 ? 8 : next == 51 ? ((a[p + 1] & 0xFF) + 2) * 4 : ((a[p + 1] & 0xFF) + 1) * 8;
                if (length > buffer.remaining()) {
                    return Located.problem("ipv6: extension header " + next + " runs past the payload");
                }
                if (next == 43 && (a[p + 3] & 0xFF) > 0) {
                    // RFC 8200 section 8.1: the pseudo-header holds the final destination.
                    int type = a[p + 2] & 0xFF;
                    int addresses = (a[p + 1] & 0xFF) / 2;
                    if (type == 4 && addresses > 0) {
                        finalDestination = Ipv6Address.read(a, p + 8); // RFC 8754: Segment List[0]
                    } else if ((type == 0 || type == 2) && addresses > 0) {
                        finalDestination = Ipv6Address.read(a, p + 8 + 16 * (addresses - 1));
                    }
                }
                if (next == 44) {
                    fragment = (Bytes.u16(a, p + 2) >> 3) != 0 || (a[p + 3] & 1) != 0;
                }
                next = a[p] & 0xFF;
                buffer.takeFront(length);
            }
            TestIpPacket<?> packet = new TestIpPacket<>(Ipv6.INSTANCE, source, destination, finalDestination,
                    IpProtocol.of(next), hopLimit, fragment, buffer.bodyStart() - start, buffer.remaining());
            return new Located(buffer, packet, start, truncated, null);
        } catch (ParseException e) {
            return Located.problem("ipv6: " + e.getMessage());
        }
    }
}
