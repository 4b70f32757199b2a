package io.zerowire.tap.testing;

import io.zerowire.ip.IpAddress;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.link.MacAddress;
import io.zerowire.protocols.arp.ArpBuilder;
import io.zerowire.protocols.arp.ArpOperation;
import io.zerowire.protocols.ethernet.EtherType;
import io.zerowire.protocols.icmp.IcmpMessageBuilder;
import io.zerowire.protocols.icmpv6.EchoBuilder;
import io.zerowire.protocols.icmpv6.Icmpv6HeaderBuilder;
import io.zerowire.protocols.icmpv6.Icmpv6Type;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.tcp.TcpBuilder;
import io.zerowire.protocols.testing.Frames;
import io.zerowire.protocols.udp.UdpBuilder;
import io.zerowire.serialize.Serializer;

/**
 * The requests a host answers (echo, UDP, a TCP SYN, ARP), in Ethernet, from any source address of
 * either version: what the tests of the address rules send from every address class.
 */
public final class Requests {
    private Requests() {}

    /** What is asked. */
    public enum Kind {
        ECHO, UDP_ECHO, UDP_OTHER_PORT, TCP_SYN_ECHO_PORT, TCP_SYN_OTHER_PORT
    }

    /** The UDP and TCP port that echoes in these tests. */
    public static final int ECHO_PORT = 7;
    /** A port nothing listens on. */
    public static final int CLOSED_PORT = 9;

    /** A request of {@code kind} from {@code source} to {@code destination}, of either version, with 32 bytes of data. */
    public static byte[] of(Kind kind, IpAddress<?> source, IpAddress<?> destination, MacAddress from, MacAddress to) {
        boolean v6 = source instanceof Ipv6Address;
        byte[] data = Frames.payload(32);
        Serializer transport;
        IpProtocol protocol;
        switch (kind) {
            case ECHO:
                protocol = v6 ? IpProtocol.IPV6_ICMP : IpProtocol.ICMP;
                transport = v6
                        ? Serializer.of(data).encapsulate(new EchoBuilder().identifier(1).sequenceNumber(1))
                                .encapsulate(new Icmpv6HeaderBuilder().type(Icmpv6Type.ECHO_REQUEST)
                                        .addresses((Ipv6Address) source, (Ipv6Address) destination))
                        : Serializer.of(data).encapsulate(IcmpMessageBuilder.echoRequest(1, 1));
                break;
            case UDP_ECHO:
            case UDP_OTHER_PORT:
                protocol = IpProtocol.UDP;
                UdpBuilder udp = new UdpBuilder().sourcePort(40000)
                        .destinationPort(kind == Kind.UDP_ECHO ? ECHO_PORT : CLOSED_PORT);
                transport = Serializer.of(data).encapsulate(v6
                        ? udp.addresses((Ipv6Address) source, (Ipv6Address) destination)
                        : udp.addresses((Ipv4Address) source, (Ipv4Address) destination));
                break;
            default:
                protocol = IpProtocol.TCP;
                TcpBuilder tcp = new TcpBuilder().sourcePort(50000)
                        .destinationPort(kind == Kind.TCP_SYN_ECHO_PORT ? ECHO_PORT : CLOSED_PORT)
                        .sequenceNumber(1000).syn(true).window(64240);
                transport = Serializer.of(new byte[0]).encapsulate(v6
                        ? tcp.addresses((Ipv6Address) source, (Ipv6Address) destination)
                        : tcp.addresses((Ipv4Address) source, (Ipv4Address) destination));
                break;
        }
        return v6
                ? Frames.ipv6(transport, protocol, (Ipv6Address) source, (Ipv6Address) destination, 64, from, to)
                : Frames.ipv4(transport, protocol, (Ipv4Address) source, (Ipv4Address) destination, 64, false, from, to);
    }

    /** An ARP request from {@code sender} ({@code senderIp}) for {@code target}, broadcast. */
    public static byte[] arpRequest(MacAddress sender, Ipv4Address senderIp, Ipv4Address target) {
        return Frames.ethernet(Serializer.of(new byte[0]).encapsulate(new ArpBuilder().operation(ArpOperation.REQUEST)
                .senderHardwareAddress(sender).senderProtocolAddress(senderIp).targetHardwareAddress(MacAddress.of(0))
                .targetProtocolAddress(target)), EtherType.ARP, sender, MacAddress.BROADCAST);
    }
}
