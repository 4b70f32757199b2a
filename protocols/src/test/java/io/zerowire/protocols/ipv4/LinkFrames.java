package io.zerowire.protocols.ipv4;

import io.zerowire.buffer.Bytes;
import io.zerowire.buffer.PacketBuffer;
import io.zerowire.parse.ParseException;
import io.zerowire.pcap.LinkType;
import io.zerowire.protocols.ethernet.EtherType;
import io.zerowire.protocols.ethernet.Ethernet;
import io.zerowire.protocols.ethernet.EthernetFrames;
import io.zerowire.protocols.ethernet.VlanTag;
import io.zerowire.protocols.testing.Corpus;

/**
 * Where the IPv4 packet of a captured frame starts, for each link type the captures use: Ethernet
 * (with any number of VLAN tags), raw IP (LINKTYPE_RAW, by the version nibble; LINKTYPE_IPV4),
 * Linux cooked v1 (16 bytes, protocol at 14) and v2 (20 bytes, protocol at 0), and BSD null
 * loopback (a 4-byte address family in the capturing host's byte order, AF_INET = 2).
 */
final class LinkFrames {
    /** Bytes of a LINUX_SLL header; its protocol type is the last 2. */
    static final int SLL_LENGTH = 16;
    /** Bytes of a LINUX_SLL2 header; its protocol type is the first 2. */
    static final int SLL2_LENGTH = 20;
    /** Bytes of a NULL header. */
    static final int NULL_LENGTH = 4;
    private static final int AF_INET = 2;

    private LinkFrames() {}

    /** The array index of the frame's IPv4 packet, or -1 if the link layer does not carry IPv4 (or is cut short). */
    static int ipv4Offset(Corpus.Frame frame) {
        return ipv4Offset(frame.linkType(), frame.bytes());
    }

    static int ipv4Offset(LinkType link, byte[] b) {
        if (link.equals(LinkType.ETHERNET)) {
            return ethernetPayload(b);
        }
        if (link.equals(LinkType.IPV4)) {
            return 0;
        }
        if (link.equals(LinkType.RAW)) {
            return b.length > 0 && (b[0] & 0xF0) == 0x40 ? 0 : -1;
        }
        if (link.equals(LinkType.LINUX_SLL)) {
            return b.length >= SLL_LENGTH && Bytes.u16(b, SLL_LENGTH - 2) == EtherType.IPV4.value() ? SLL_LENGTH : -1;
        }
        if (link.equals(LinkType.LINUX_SLL2)) {
            return b.length >= SLL2_LENGTH && Bytes.u16(b, 0) == EtherType.IPV4.value() ? SLL2_LENGTH : -1;
        }
        if (link.equals(LinkType.NULL)) {
            if (b.length < NULL_LENGTH) {
                return -1;
            }
            int family = Bytes.i32(b, 0);
            return family == AF_INET || Integer.reverseBytes(family) == AF_INET ? NULL_LENGTH : -1;
        }
        return -1;
    }

    private static int ethernetPayload(byte[] b) {
        PacketBuffer buffer = PacketBuffer.wrap(b.clone());
        try {
            EtherType type = EthernetFrames.wrap(new Ethernet(), buffer, EthernetFrames.MinimumLength.IGNORE).etherType();
            VlanTag tag = new VlanTag();
            while (type.isTag()) {
                type = EthernetFrames.wrapTag(tag, buffer).etherType();
            }
            return type.equals(EtherType.IPV4) ? buffer.bodyStart() : -1;
        } catch (ParseException e) {
            return -1;
        }
    }
}
