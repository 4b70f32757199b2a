package io.zerowire.benchmarks.build;

import io.zerowire.buffer.PacketBuffer;
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
 * buffer. Addresses go in as the numbers the hand-written writer reads, through the raw-bits setters.
 */
public final class ZerowireUdpWriter {
    private final Datagrams d;
    private final UdpV4Builder udp = new UdpV4Builder();
    private final Ipv4Builder ip = new Ipv4Builder().ttl(64).dontFragment(true).protocol(IpProtocol.UDP);
    private final EthernetBuilder ethernet = new EthernetBuilder().etherType(EtherType.IPV4);
    private final Serializer frame;
    private final HeapBufferProvider scratch = BufferProvider.into(PacketBuffer.wrap(new byte[2048]));

    public ZerowireUdpWriter(Datagrams datagrams) {
        this.d = datagrams;
        frame = Serializer.of(d.payload).encapsulate(udp).encapsulate(ip).encapsulate(ethernet);
    }

    /** Sets the fields from the same numbers the hand-written writer reads: the builders' raw-bits setters. */
    private Serializer set(int i) {
        udp.sourcePort(d.sourcePort[i]).destinationPort(d.destinationPort[i]).addresses(d.sourceIp[i], d.destinationIp[i]);
        ip.identification(d.identification[i]).sourceBits(d.sourceIp[i]).destinationBits(d.destinationIp[i]);
        ethernet.sourceBits(d.sourceMac[i]).destinationBits(d.destinationMac[i]);
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
