package io.zerowire.protocols;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.options.OptionsIterator;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.arp.Arp;
import io.zerowire.protocols.arp.ArpPackets;
import io.zerowire.protocols.ethernet.EtherType;
import io.zerowire.protocols.ethernet.Ethernet;
import io.zerowire.protocols.ethernet.EthernetFrames;
import io.zerowire.protocols.ethernet.VlanTag;
import io.zerowire.protocols.ipv4.Ipv4;
import io.zerowire.protocols.ipv4.Ipv4Options;
import io.zerowire.protocols.ipv4.Ipv4Packet;
import java.util.ArrayList;
import java.util.List;

/** A frame parsed as deep as this module goes: Ethernet, its tags, then ARP or IPv4. */
final class Dissection {
    final byte[] bytes;
    Ethernet ethernet;
    final List<VlanTag> tags = new ArrayList<>();
    EtherType payloadType;
    /** Array index of the ARP or IPv4 header (after the tags). */
    int payloadOffset = -1;
    Arp arp;
    /** The IPv4 packet and its header view ({@code packet.header()}). */
    Ipv4Packet packet;
    Ipv4 ip;
    ParseException error;

    private Dissection(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Parses a copy of {@code frame}; IPv4 with {@link Ipv4Packet}, without verifying the checksum (see {@code checksumValid()}). */
    static Dissection of(byte[] frame) {
        Dissection d = new Dissection(frame.clone());
        PacketBuffer buffer = PacketBuffer.wrap(d.bytes);
        try {
            d.ethernet = EthernetFrames.parse(buffer);
            EtherType type = d.ethernet.etherType();
            while (type.isTag()) {
                VlanTag tag = EthernetFrames.wrapTag(new VlanTag(), buffer);
                d.tags.add(tag);
                type = tag.etherType();
            }
            d.payloadType = type;
            d.payloadOffset = buffer.bodyStart();
            if (type.equals(EtherType.ARP)) {
                d.arp = ArpPackets.parse(buffer);
            } else if (type.equals(EtherType.IPV4)) {
                d.packet = Ipv4Packet.parseUnverified(buffer);
                d.ip = d.packet.header();
            }
        } catch (ParseException e) {
            d.error = e;
        }
        return d;
    }

    /** Reads every accessor and every typed option reader: what a consumer may do after a successful parse. */
    String touchEverything() {
        StringBuilder text = new StringBuilder();
        if (ethernet != null) {
            text.append(ethernet);
        }
        for (VlanTag tag : tags) {
            text.append(tag);
        }
        if (arp != null) {
            text.append(arp);
        }
        if (ip != null) {
            text.append(ip).append(ip.checksumValid()).append(packet.pseudoHeaderDestination())
                    .append(packet.isFragment()).append(packet.payloadLength());
            OptionsIterator options = ip.options();
            while (options.next()) {
                text.append(Ipv4Options.routerAlert(options));
                for (int i = 0; i < Ipv4Options.routeSlots(options); i++) {
                    text.append(Ipv4Options.routeAddressBits(options, i));
                }
                text.append(Ipv4Options.routeRecorded(options)).append(Ipv4Options.routePointer(options));
                for (int i = 0; i < Ipv4Options.timestampSlots(options); i++) {
                    text.append(Ipv4Options.timestamp(options, i));
                    if (Ipv4Options.timestampEntryLength(options) == 8) {
                        text.append(Ipv4Options.timestampAddressBits(options, i));
                    }
                }
                text.append(Ipv4Options.timestampRecorded(options)).append(Ipv4Options.timestampOverflow(options));
                text.append(Ipv4Options.securityLevel(options)).append(Ipv4Options.securityCompartments(options))
                        .append(Ipv4Options.securityHandlingRestrictions(options))
                        .append(Ipv4Options.securityTransmissionControlCode(options))
                        .append(Ipv4Options.basicSecurityClassification(options))
                        .append(Ipv4Options.basicSecurityFlagsLength(options)).append(Ipv4Options.streamId(options))
                        .append(Ipv4Options.hasHopsLeft(options));
            }
        }
        return text.toString();
    }
}
