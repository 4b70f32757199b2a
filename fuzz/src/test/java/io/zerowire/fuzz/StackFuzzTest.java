package io.zerowire.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.zerowire.protocols.arp.ArpPackets;
import io.zerowire.protocols.ethernet.Ethernet;
import io.zerowire.protocols.ethernet.EthernetFrames;
import io.zerowire.protocols.framing.Framing;
import io.zerowire.protocols.ipv4.Ipv4;
import io.zerowire.protocols.ipv4.Ipv4Packet;
import io.zerowire.protocols.ipv6.Ipv6Packet;

/**
 * Whole frames and packets, from the link or network layer down through every layer the dissector
 * reaches ({@link FrameProperties}), and the module's own entry points for them
 * ({@link EntryPoints}). Each input is the frame or packet itself.
 */
class StackFuzzTest {
    /** An Ethernet header, to put an ARP input behind. */
    private static final byte[] ARP_ETHERNET_HEADER = {
        -1, -1, -1, -1, -1, -1, 2, 0, 0, 0, 0, 1, 0x08, 0x06};

    private final FrameProperties properties = new FrameProperties();

    /** Ethernet II, its VLAN tags, then ARP, IPv4 or IPv6 and everything above them. */
    @FuzzTest
    void ethernet(byte[] frame) throws Exception {
        properties.check(Framing.ETHERNET, frame);
        EntryPoints.attempt("EthernetFrames.wrap(CHECK)", frame,
                b -> EthernetFrames.wrap(new Ethernet(), b, EthernetFrames.MinimumLength.CHECK));
    }

    /** An IPv4 packet (options, fragments) and what it carries. */
    @FuzzTest
    void ipv4(byte[] packet) throws Exception {
        properties.check(Framing.RAW_IPV4, packet);
        EntryPoints.attempt("Ipv4Packet.parse", packet, Ipv4Packet::parse);
        EntryPoints.attempt("Ipv4Packet.parseUnverified", packet, Ipv4Packet::parseUnverified);
        EntryPoints.attempt("Ipv4Packet.wrapQuoted", packet, b -> new Ipv4Packet().wrapQuoted(b));
        EntryPoints.attempt("Ipv4.parseQuoted", packet, Ipv4::parseQuoted);
    }

    /** An IPv6 packet, its extension header chain and what it carries. */
    @FuzzTest
    void ipv6(byte[] packet) throws Exception {
        properties.check(Framing.RAW_IPV6, packet);
        EntryPoints.attempt("Ipv6Packet.parse", packet, Ipv6Packet::parse);
        EntryPoints.attempt("Ipv6Packet.parseQuoted", packet, Ipv6Packet::parseQuoted);
    }

    /** An ARP packet (the input) behind an Ethernet header, and on its own. */
    @FuzzTest
    void arp(byte[] packet) throws Exception {
        byte[] frame = new byte[ARP_ETHERNET_HEADER.length + packet.length];
        System.arraycopy(ARP_ETHERNET_HEADER, 0, frame, 0, ARP_ETHERNET_HEADER.length);
        System.arraycopy(packet, 0, frame, ARP_ETHERNET_HEADER.length, packet.length);
        properties.check(Framing.ETHERNET, frame);
        EntryPoints.attempt("ArpPackets.parse", packet, ArpPackets::parse);
    }
}
