package io.zerowire.tap.reply;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.tap.link.FrameSink;
import io.zerowire.link.MacAddress;
import io.zerowire.protocols.ethernet.EtherType;
import io.zerowire.protocols.ethernet.EthernetBuilder;
import io.zerowire.serialize.BufferProvider;
import io.zerowire.serialize.HeapBufferProvider;
import io.zerowire.serialize.Serializer;
import io.zerowire.serialize.SizeLimitExceededException;
import java.io.IOException;
import java.util.Objects;

/**
 * Puts the Ethernet header on a packet the program wrote, serializes it, preferably into the array
 * the triggering frame was received in, sends it and counts it.
 *
 * <p>The buffer provider is {@link BufferProvider#into(PacketBuffer)} over the receive buffer: a
 * serializer whose innermost part is the received buffer's body (an echo, a quote) is reused in
 * place, or moved within the same array when its prefix is too short; one whose innermost part is
 * a builder's bytes (an NDP option list) is written into the receive array too, as scratch. Only a
 * reply larger than the whole receive array would allocate, which {@link #allocations()} counts.
 *
 * <p>Every IP datagram it sends fits the link's MTU: this program does not fragment what it
 * originates, so a reply that would exceed the MTU (an echo of a jumbo request on a link configured
 * smaller, say) is not sent, and is counted in {@link #oversized()}. (Linux would fragment such a
 * reply; RFC 4443 section 4.2 forbids truncating an echo's data, so dropping it is what is left.)
 *
 * <p>One sender per receive loop: it is not thread-safe.
 */
public final class ReplySender {
    private final FrameSink sink;
    private final MacAddress mac;
    private final ReplyCounters counters;
    private final EthernetBuilder ethernet = new EthernetBuilder();
    private final DatagramLimit mtu;
    private HeapBufferProvider provider;
    private PacketBuffer providerTarget;
    private long earlierAllocations;
    private long oversized;
    private int identification;

    /**
     * Sends through {@code sink} as {@code mac}, counting into {@code counters}, datagrams of at most
     * {@code mtu} bytes.
     */
    public ReplySender(FrameSink sink, MacAddress mac, ReplyCounters counters, int mtu) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.mac = Objects.requireNonNull(mac, "mac");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.mtu = new DatagramLimit(mtu);
    }

    /** The MAC address replies come from. */
    public MacAddress mac() {
        return mac;
    }

    /** The counters replies are counted in. */
    public ReplyCounters counters() {
        return counters;
    }

    /**
     * Serializes {@code packet} (an IP datagram or an ARP packet) in an Ethernet frame from this
     * sender's MAC to {@code destination} and sends it.
     *
     * @param received the buffer the triggering frame was received in (the serializer usually wraps
     *     its body); the reply is counted as reusing it when it goes out of the same array
     * @return false if the reply could not fit the constraints of its layers or the link's MTU (it is
     *     then counted in {@link #oversized()}, not sent)
     */
    public boolean send(ReplyKind kind, Serializer packet, EtherType type, MacAddress destination, PacketBuffer received)
            throws IOException {
        byte[] receiveArray = received.array();
        ethernet.source(mac).destination(destination).etherType(type);
        PacketBuffer frame;
        try {
            frame = packet.encapsulate(mtu).encapsulate(ethernet).serialize(provider(received));
        } catch (SizeLimitExceededException e) {
            oversized++;
            return false;
        }
        counters.count(kind, frame.array() == receiveArray);
        sink.send(frame);
        return true;
    }

    /** The next IPv4 identification for a datagram this program originates. */
    public int nextIpv4Identification() {
        identification = (identification + 1) & 0xFFFF;
        return identification;
    }

    /** Arrays allocated because a reply did not fit the receive array (expected: none). */
    public long allocations() {
        return earlierAllocations + (provider == null ? 0 : provider.allocations());
    }

    /** Replies dropped because they could not fit their layers' constraints or the link's MTU. */
    public long oversized() {
        return oversized;
    }

    private HeapBufferProvider provider(PacketBuffer received) {
        // A receive loop hands over the same PacketBuffer object for every frame, so in practice
        // one provider serves the whole run.
        if (received != providerTarget) {
            earlierAllocations = allocations();
            provider = BufferProvider.into(received);
            providerTarget = received;
        }
        return provider;
    }
}
