package io.zerowire.benchmarks.build;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.link.MacAddress;
import io.zerowire.protocols.ethernet.EtherType;
import io.zerowire.protocols.ethernet.EthernetBuilder;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ipv4.Ipv4Builder;
import io.zerowire.protocols.udp.UdpV4Builder;
import io.zerowire.serialize.BufferProvider;
import io.zerowire.serialize.HeapBufferProvider;
import io.zerowire.serialize.SizeLimitExceededException;
import io.zerowire.serialize.Serializer;

/**
 * Zerowire's generated builders, nested once ({@code payload in UDP in IPv4 in Ethernet}) and reused:
 * each datagram sets their fields and serializes, into a new exact-size array or into one scratch
 * buffer. The addresses are made as objects before timing, as a sender keeps its peers'.
 */
public final class ZerowireUdpWriter {
    private final Ipv4Address[] sources = new Ipv4Address[Datagrams.COUNT];
    private final Ipv4Address[] destinations = new Ipv4Address[Datagrams.COUNT];
    private final MacAddress[] sourceMacs = new MacAddress[Datagrams.COUNT];
    private final MacAddress[] destinationMacs = new MacAddress[Datagrams.COUNT];
    private final Datagrams d;
    private final UdpV4Builder udp = new UdpV4Builder();
    private final Ipv4Builder ip = new Ipv4Builder().ttl(64).dontFragment(true).protocol(IpProtocol.UDP);
    private final EthernetBuilder ethernet = new EthernetBuilder().etherType(EtherType.IPV4);
    private final Serializer frame;
    private final HeapBufferProvider scratch = BufferProvider.into(PacketBuffer.wrap(new byte[2048]));

    public ZerowireUdpWriter(Datagrams datagrams) {
        this.d = datagrams;
        for (int i = 0; i < Datagrams.COUNT; i++) {
            sources[i] = Ipv4Address.of(d.sourceIp[i]);
            destinations[i] = Ipv4Address.of(d.destinationIp[i]);
            sourceMacs[i] = MacAddress.of(d.sourceMac[i]);
            destinationMacs[i] = MacAddress.of(d.destinationMac[i]);
        }
        frame = Serializer.of(d.payload).encapsulate(udp).encapsulate(ip).encapsulate(ethernet);
    }

    private Serializer set(int i) {
        udp.sourcePort(d.sourcePort[i]).destinationPort(d.destinationPort[i]).addresses(sources[i], destinations[i]);
        ip.identification(d.identification[i]).source(sources[i]).destination(destinations[i]);
        ethernet.source(sourceMacs[i]).destination(destinationMacs[i]);
        return frame;
    }

    public byte[] fresh(int i) throws SizeLimitExceededException {
        return set(i).serialize().array();
    }

    public PacketBuffer reused(int i) throws SizeLimitExceededException {
        PacketBuffer out = set(i).serialize(scratch);
        if (scratch.allocations() != 0) {
            throw new IllegalStateException("the scratch buffer was not used");
        }
        return out;
    }
}
