package io.zerowire.protocols.udp;

import io.zerowire.ip.Ip;
import io.zerowire.ip.IpAddress;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ip.IpPacket;

/**
 * Test-only {@link IpPacket}: the values the transport parsers need, given outright, until the
 * real {@code Ipv4Packet}/{@code Ipv6Packet} land.
 */
public record TestIpPacket<I extends Ip>(I version, IpAddress<I> source, IpAddress<I> destination,
        IpAddress<I> pseudoHeaderDestination, IpProtocol transportProtocol, int hopLimit, boolean isFragment,
        int headerLength, int payloadLength) implements IpPacket<I> {

    /** A packet from {@code source} to {@code destination} carrying {@code protocol}, not a fragment. */
    public static <I extends Ip> TestIpPacket<I> of(IpAddress<I> source, IpAddress<I> destination, IpProtocol protocol,
            int payloadLength) {
        return new TestIpPacket<>(source.version(), source, destination, destination, protocol, 64, false,
                source.version().addressBytes() == 4 ? 20 : 40, payloadLength);
    }

    /** The same packet carrying {@code protocol}. */
    public TestIpPacket<I> withProtocol(IpProtocol protocol) {
        return new TestIpPacket<>(version, source, destination, pseudoHeaderDestination, protocol, hopLimit,
                isFragment, headerLength, payloadLength);
    }

    /** The same packet marked as a fragment. */
    public TestIpPacket<I> asFragment() {
        return new TestIpPacket<>(version, source, destination, pseudoHeaderDestination, transportProtocol, hopLimit,
                true, headerLength, payloadLength);
    }
}
