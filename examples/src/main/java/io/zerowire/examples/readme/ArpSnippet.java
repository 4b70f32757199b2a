package io.zerowire.examples.readme;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.link.MacAddress;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.arp.Arp;
import io.zerowire.protocols.arp.ArpBuilder;
import io.zerowire.protocols.arp.ArpOperation;
import io.zerowire.protocols.arp.ArpPackets;
import io.zerowire.protocols.ethernet.EtherType;
import io.zerowire.protocols.ethernet.EthernetBuilder;
import io.zerowire.serialize.BufferProvider;
import io.zerowire.serialize.SizeLimitExceededException;

/** README, "ARP": a request answered in the array it arrived in. */
public final class ArpSnippet {
    private ArpSnippet() {}

    /**
     * Answers the ARP request in {@code buffer}, whose Ethernet header was parsed already.
     *
     * @return the reply frame, written into the received array
     */
    public static PacketBuffer reply(PacketBuffer buffer, Arp arpView, MacAddress myMac, Ipv4Address me)
            throws ParseException, SizeLimitExceededException {
        Arp arp = ArpPackets.wrap(arpView, buffer);             // after Ethernet said EtherType.ARP
        PacketBuffer reply = buffer
                .encapsulate(new ArpBuilder().operation(ArpOperation.REPLY)
                        .senderHardwareAddress(myMac).senderProtocolAddress(me)
                        .targetHardwareAddress(arp.senderHardwareAddress())
                        .targetProtocolAddress(arp.senderProtocolAddress()))
                .encapsulate(new EthernetBuilder().destination(arp.senderHardwareAddress()).source(myMac).etherType(EtherType.ARP))
                .serialize(BufferProvider.reuse());                 // into the received array
        return reply;
    }
}
