package io.zerowire.protocols.udp;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ip;
import io.zerowire.ip.IpAddress;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.serialize.PacketBuilder;
import io.zerowire.serialize.PacketConstraints;
import io.zerowire.serialize.SerializeTarget;
import java.util.Objects;

/**
 * Builds a UDP header over either IP version, with one code path: the pseudo-header addresses
 * given to {@link #addresses} choose between a {@link UdpV4Builder} and a {@link UdpV6Builder}
 * held inside, and every field is set on both. {@code length} and the checksum are derived when
 * serializing (a computed zero goes out as {@code 0xFFFF}, RFC 768); {@link #length(int)} and
 * {@link #checksum(int)} override them, for deliberately invalid datagrams (or an IPv4 datagram
 * without a checksum: {@code checksum(0)}).
 *
 * <pre>{@code
 * UdpBuilder udp = new UdpBuilder().sourcePort(53).destinationPort(clientPort)
 *         .addresses(ip.destination(), ip.source());          // IpAddress<I> of either version
 * PacketBuffer reply = Serializer.of(answer).encapsulate(udp).encapsulate(ipBuilder).serialize();
 * }</pre>
 *
 * <p>A builder can be reused and serialized many times without allocating; it is not thread-safe.
 */
public final class UdpBuilder implements PacketBuilder {
    private final UdpV4Builder v4 = new UdpV4Builder();
    private final UdpV6Builder v6 = new UdpV6Builder();
    /** The builder chosen by the addresses' version; null until {@link #addresses} is called. */
    private PacketBuilder selected;

    /** A builder with every field zero and no addresses yet. */
    public UdpBuilder() {}

    /** Sets the source port, 16 bits. */
    public UdpBuilder sourcePort(int port) {
        v4.sourcePort(port);
        v6.sourcePort(port);
        return this;
    }

    /** Sets the destination port, 16 bits. */
    public UdpBuilder destinationPort(int port) {
        v4.destinationPort(port);
        v6.destinationPort(port);
        return this;
    }

    /** Overrides the derived {@code length}, for deliberately invalid datagrams. */
    public UdpBuilder length(int length) {
        v4.length(length);
        v6.length(length);
        return this;
    }

    /** Overrides the computed checksum: 0 over IPv4 sends none; anything else builds an invalid datagram. */
    public UdpBuilder checksum(int checksum) {
        v4.checksum(checksum);
        v6.checksum(checksum);
        return this;
    }

    /**
     * Sets the addresses of the pseudo-header (those of the enclosing IP header, or for IPv6 with a
     * routing header, the final destination), and with them the IP version; required before
     * serializing.
     */
    public <I extends Ip> UdpBuilder addresses(IpAddress<I> source, IpAddress<I> destination) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        // The one per-version step; both addresses share I, so both casts hold.
        if (source instanceof Ipv4Address s) {
            v4.addresses(s, (Ipv4Address) destination);
            selected = v4;
        } else {
            v6.addresses((Ipv6Address) source, (Ipv6Address) destination);
            selected = v6;
        }
        return this;
    }

    private PacketBuilder selected() {
        if (selected == null) {
            throw new IllegalStateException("the udp checksum covers a pseudo-header: call addresses(source, destination) first");
        }
        return selected;
    }

    @Override
    public PacketConstraints constraints() {
        return selected().constraints();
    }

    @Override
    public void serialize(SerializeTarget target, PacketBuffer body) {
        selected().serialize(target, body);
    }
}
