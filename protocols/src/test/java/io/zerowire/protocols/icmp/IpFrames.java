package io.zerowire.protocols.icmp;

import io.zerowire.buffer.Bytes;
import io.zerowire.buffer.PacketBuffer;
import io.zerowire.parse.ParseException;
import io.zerowire.pcap.LinkType;
import io.zerowire.protocols.ethernet.EtherType;
import io.zerowire.protocols.ethernet.Ethernet;
import io.zerowire.protocols.ethernet.EthernetFrames;
import io.zerowire.protocols.ethernet.VlanTag;
import io.zerowire.protocols.ipv4.Ipv4;
import io.zerowire.protocols.testing.Corpus;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-side way down to the IPv4 datagrams of a captured frame, whatever its link type, and
 * through the tunnels the shared captures hold (VXLAN, GRE with or without Cisco metadata), so
 * that the ICMP and IGMP tests see every message tshark sees. Link headers other than Ethernet are
 * skipped by their documented offsets (a shared framing stack will replace this helper).
 *
 * <p>An IPv4 header whose total length claims more than the frame holds (a capture cut by its
 * snap length, or a fuzzer's packet) is read with {@link Ipv4#parseQuoted}, as tshark does: the
 * payload is then what the frame holds, and the datagram is marked {@code truncated}.
 */
public final class IpFrames {
    private static final int LINKTYPE_PPP = 9;
    private static final int LINKTYPE_FRELAY = 107;
    private static final int LINKTYPE_LOOP = 108;
    private static final int LINKTYPE_PPP_HDLC = 50;
    private static final int LINKTYPE_IPNET = 226;
    private static final int VXLAN_PORT = 4789;

    private IpFrames() {}

    /**
     * One IPv4 datagram of a frame.
     *
     * @param ip the parsed header (checksum not verified)
     * @param occurrence how many IPv4 headers tshark lists before this one (0 for the outermost)
     * @param truncated whether the total length claims more than the frame holds
     */
    public record Datagram(byte[] array, Ipv4 ip, int occurrence, boolean truncated) {
        /** A new buffer over the IP payload (the same array), for the ICMP or IGMP parser. */
        public PacketBuffer payload() {
            PacketBuffer buffer = PacketBuffer.wrap(array, ip.offset(), ip.headerLength() + ip.bodyLength());
            return buffer.shrinkFront(ip.headerLength());
        }

        /** Whether the datagram is a fragment (its payload is not a whole message). */
        public boolean fragment() {
            return ip.moreFragments() || ip.fragmentOffset() != 0;
        }
    }

    /** What the walk found: the datagrams, outer first, and why it stopped early (null if it did not). */
    public record Walk(List<Datagram> datagrams, String stoppedBy) {}

    /** Every IPv4 datagram of {@code frame}, outer first, over a copy of its bytes. */
    public static Walk walk(Corpus.Frame frame) {
        byte[] bytes = frame.bytes().clone();
        List<Datagram> found = new ArrayList<>();
        String stopped;
        try {
            stopped = link(frame.linkType(), bytes, found);
        } catch (ParseException e) {
            stopped = e.getMessage();
        }
        return new Walk(List.copyOf(found), stopped);
    }

    private static String link(LinkType type, byte[] b, List<Datagram> found) throws ParseException {
        int n = b.length;
        switch (type.value()) {
            case 1:
                return ethernet(b, 0, n, found);
            case 0:
                if (n >= 4 && (Bytes.u32(b, 0) == 2 || Bytes.u32(b, 0) == 0x0200_0000L)) {
                    return ipv4(b, 4, n, found);
                }
                return "loopback family is not IPv4";
            case LINKTYPE_LOOP:
                return n >= 4 && Bytes.u32(b, 0) == 2 ? ipv4(b, 4, n, found) : "loopback family is not IPv4";
            case 101:
            case 228:
                return n >= 1 && (b[0] & 0xF0) == 0x40 ? ipv4(b, 0, n, found) : "not IPv4";
            case 113:
                return n >= 16 && Bytes.u16(b, 14) == 0x0800 ? ipv4(b, 16, n, found) : "SLL protocol is not IPv4";
            case 276:
                return n >= 20 && Bytes.u16(b, 0) == 0x0800 ? ipv4(b, 20, n, found) : "SLL2 protocol is not IPv4";
            case LINKTYPE_PPP:
            case LINKTYPE_PPP_HDLC: {
                int at = n >= 2 && (b[0] & 0xFF) == 0xFF && b[1] == 0x03 ? 2 : 0;
                if (at < n && (b[at] & 1) == 1) {
                    return (b[at] & 0xFF) == 0x21 ? ipv4(b, at + 1, n, found) : "PPP protocol is not IPv4";
                }
                return at + 2 <= n && Bytes.u16(b, at) == 0x0021 ? ipv4(b, at + 2, n, found) : "PPP protocol is not IPv4";
            }
            case LINKTYPE_FRELAY:
                // Q.922 address (2 bytes), UI control 0x03, NLPID 0xcc (IPv4): RFC 2427.
                return n >= 4 && b[2] == 0x03 && (b[3] & 0xFF) == 0xCC ? ipv4(b, 4, n, found) : "frame relay NLPID is not IPv4";
            case LINKTYPE_IPNET:
                // Solaris ipnet: a 24-byte header whose second byte is the address family (2: IPv4).
                return n >= 24 && b[1] == 2 ? ipv4(b, 24, n, found) : "ipnet family is not IPv4";
            default:
                return "link type " + type + " is not walked";
        }
    }

    private static String ethernet(byte[] b, int start, int end, List<Datagram> found) throws ParseException {
        PacketBuffer buffer = PacketBuffer.wrap(b, start, end - start);
        Ethernet eth = EthernetFrames.parse(buffer);
        EtherType type = eth.etherType();
        while (type.isTag()) {
            type = EthernetFrames.wrapTag(new VlanTag(), buffer).etherType();
        }
        if (!type.equals(EtherType.IPV4)) {
            return "EtherType " + type;
        }
        return ipv4(b, buffer.bodyStart(), buffer.bodyEnd(), found);
    }

    private static String ipv4(byte[] b, int start, int end, List<Datagram> found) throws ParseException {
        PacketBuffer buffer = PacketBuffer.wrap(b, start, end - start);
        Ipv4 ip;
        boolean truncated = false;
        try {
            ip = Ipv4.parseUnverified(buffer);
        } catch (ParseException e) {
            if (!e.field().equals("totalLength") || end - start < 4 || Bytes.u16(b, start + 2) < end - start) {
                throw e;
            }
            ip = Ipv4.parseQuoted(buffer);
            truncated = true;
        }
        Datagram datagram = new Datagram(b, ip, found.size(), truncated);
        found.add(datagram);
        if (datagram.fragment()) {
            return null;
        }
        int payload = ip.bodyOffset();
        int payloadEnd = payload + ip.bodyLength();
        int protocol = ip.protocolValue();
        if (protocol == 17 && payloadEnd - payload >= 8 + 8 && Bytes.u16(b, payload + 2) == VXLAN_PORT) {
            return ethernet(b, payload + 16, payloadEnd, found);
        }
        if (protocol == 47 && payloadEnd - payload >= 4) {
            return gre(b, payload, payloadEnd, found);
        }
        return null;
    }

    /** RFC 2784/2890 GRE; Cisco metadata (0x8909) is 8 bytes whose first two are the inner EtherType. */
    private static String gre(byte[] b, int start, int end, List<Datagram> found) throws ParseException {
        int flags = Bytes.u16(b, start);
        int at = start + 4 + ((flags & 0x8000) != 0 ? 4 : 0) + ((flags & 0x2000) != 0 ? 4 : 0)
                + ((flags & 0x1000) != 0 ? 4 : 0);
        int protocol = Bytes.u16(b, start + 2);
        if (protocol == 0x8909 && at + 8 <= end) {
            protocol = Bytes.u16(b, at);
            at += 8;
        }
        if (at > end) {
            return "GRE header runs past the end";
        }
        if (protocol == 0x0800) {
            return ipv4(b, at, end, found);
        }
        if (protocol == 0x6558) {
            return ethernet(b, at, end, found);
        }
        return "GRE protocol " + protocol;
    }
}
