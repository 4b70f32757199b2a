package io.zerowire.examples.readme;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.options.OptionsIterator;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.ip.IpPacket;
import io.zerowire.protocols.tcp.TcpBuilder;
import io.zerowire.protocols.tcp.TcpLayout;
import io.zerowire.protocols.tcp.TcpOptions;
import io.zerowire.protocols.tcp.TcpOptionsBuilder;
import io.zerowire.protocols.tcp.TcpParser;
import io.zerowire.protocols.udp.UdpLayout;
import io.zerowire.protocols.udp.UdpParser;
import io.zerowire.serialize.PacketBuilder;
import io.zerowire.serialize.Serializer;
import io.zerowire.serialize.SizeLimitExceededException;

/**
 * README, "UDP and TCP": both parsed over either IP version, a SYN built. The snippet shows both
 * parsers on one {@code buffer} side by side; a real packet carries one of them, so this one is
 * compiled, not run.
 */
public final class UdpTcpSnippet {
    private UdpTcpSnippet() {}

    /**
     * Parses a UDP and a TCP header from the payload of {@code ip}, reads the MSS option, and builds
     * a SYN from {@code local} to {@code remote} inside {@code ipBuilder}.
     *
     * @return the packet built
     */
    public static PacketBuffer parseAndSyn(PacketBuffer buffer, IpPacket<?> ip, long iss, long tsval,
            Ipv4Address local, Ipv4Address remote, PacketBuilder ipBuilder)
            throws ParseException, SizeLimitExceededException {
        int mss = 536;
        UdpParser udp = new UdpParser();                         // one V4 and one V6 view inside
        UdpLayout<?> datagram = udp.wrap(buffer, ip);            // ip: IpPacket<?> of either version
        TcpLayout<?> segment = new TcpParser().wrap(buffer, ip);
        OptionsIterator options = segment.options();
        while (options.next()) {
            if (options.kind() == TcpOptions.MSS) { mss = TcpOptions.mss(options); }
        }
        TcpBuilder syn = new TcpBuilder().sourcePort(41608).destinationPort(80).sequenceNumber(iss).syn(true)
                .window(64240).options(new TcpOptionsBuilder().mss(1460).sackPermitted().timestamps(tsval, 0).nop().windowScale(7))
                .addresses(local, remote);                       // Ipv4Address or Ipv6Address: picks the version
        PacketBuffer packet = Serializer.of(new byte[0]).encapsulate(syn).encapsulate(ipBuilder).serialize();
        return packet;
    }
}
