package io.zerowire.protocols.ipv6;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.ethernet.EtherType;
import io.zerowire.protocols.ethernet.Ethernet;
import io.zerowire.protocols.ethernet.EthernetFrames;
import io.zerowire.protocols.ethernet.VlanTag;
import io.zerowire.protocols.framing.Framing;
import io.zerowire.protocols.framing.LinuxSll;
import io.zerowire.protocols.framing.LinuxSll2;
import io.zerowire.protocols.framing.Loopback;
import io.zerowire.protocols.ipv4.Ipv4;
import io.zerowire.protocols.testing.Corpus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The IPv6 packets of the shared captures: for each frame, where its first IPv6 header starts,
 * reached through the frame's link type (Ethernet with VLAN tags, raw IP, Linux cooked v1/v2, BSD
 * loopback) and, for 6in4 (IPv4 protocol 41), through the outer IPv4 header.
 */
final class Ipv6Frames {
    /** A frame that reaches an IPv6 header at {@code offset} (array index into {@code frame.bytes()}). */
    record Located(Corpus.Frame frame, int offset, boolean tunnelled) {
        /** Bytes from the IPv6 header to the end of the frame. */
        int available() {
            return frame.bytes().length - offset;
        }

        /** A fresh copy of the frame, and a buffer whose body starts at the IPv6 header. */
        PacketBuffer buffer() {
            byte[] copy = frame.bytes().clone();
            return PacketBuffer.wrap(copy, 0, copy.length).shrinkFront(offset);
        }
    }

    private static List<Located> cached;

    private Ipv6Frames() {}

    /** Every frame of every capture whose link layer leads to an IPv6 header. */
    static synchronized List<Located> all() throws IOException {
        if (cached == null) {
            List<Located> result = new ArrayList<>();
            for (Corpus.Frame frame : Corpus.allFrames()) {
                Located located = locate(frame);
                if (located != null) {
                    result.add(located);
                }
            }
            cached = List.copyOf(result);
        }
        return cached;
    }

    /** Where the frame's IPv6 header starts, or null if its link layer does not lead to one. */
    static Located locate(Corpus.Frame frame) {
        Framing framing = Framing.ofLinkType(frame.linkType().value());
        if (framing == null) {
            return null;
        }
        PacketBuffer buffer = PacketBuffer.wrap(frame.bytes().clone());
        try {
            EtherType type;
            switch (framing) {
                case ETHERNET: {
                    Ethernet ethernet = EthernetFrames.parse(buffer);
                    type = ethernet.etherType();
                    VlanTag tag = new VlanTag();
                    while (type.isTag()) {
                        type = EthernetFrames.wrapTag(tag, buffer).etherType();
                    }
                    break;
                }
                case RAW_IP:
                    type = framing.rawIpType(buffer);
                    break;
                case RAW_IPV4:
                    type = EtherType.IPV4;
                    break;
                case RAW_IPV6:
                    // LINKTYPE_IPV6 (229) says IPv6 whatever the version nibble: the IPv6 parse judges it.
                    type = EtherType.IPV6;
                    break;
                case LINUX_SLL:
                    type = LinuxSll.parse(buffer).protocol();
                    break;
                case LINUX_SLL2:
                    type = LinuxSll2.parse(buffer).protocol();
                    break;
                default:
                    type = Framing.loopbackType(Loopback.parse(buffer).family(), buffer.position());
                    break;
            }
            if (type.equals(EtherType.IPV6)) {
                return new Located(frame, buffer.bodyStart(), false);
            }
            if (type.equals(EtherType.IPV4)) {
                Ipv4 ip = Ipv4.parseUnverified(buffer);
                if (ip.protocolValue() == 41 && ip.fragmentOffset() == 0) {
                    return new Located(frame, buffer.bodyStart(), true);
                }
            }
            return null;
        } catch (ParseException e) {
            return null;
        }
    }
}
