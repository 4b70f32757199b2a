package io.zerowire.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.framing.Framing;
import io.zerowire.protocols.icmp.IcmpPacket;
import io.zerowire.protocols.icmpv6.Icmpv6Packet;
import io.zerowire.protocols.igmp.IgmpPacket;
import io.zerowire.protocols.ip.IpProtocol;

/**
 * ICMPv4, IGMP and ICMPv6 (NDP, MLD) messages, under an IP header written by the builders and
 * through the whole stack, and through their own verifying entry points.
 */
class ControlFuzzTest {
    private static final Ipv4Address HOST = Ipv4Address.of(192, 0, 2, 1);
    private static final Ipv4Address PEER = Ipv4Address.of(198, 51, 100, 7);

    private final FrameProperties properties = new FrameProperties();

    /** Input: the ICMP message. Errors quote a datagram, which is parsed too. */
    @FuzzTest
    void icmp(byte[] message) throws Exception {
        properties.check(Framing.RAW_IPV4, Inputs.underIpv4(HOST, PEER, IpProtocol.ICMP, message));
        EntryPoints.attempt("IcmpPacket.parse", message, IcmpPacket::parse);
    }

    /** Input: the IGMP message (v1, v2 or v3 by its length, RFC 3376 section 7.1). */
    @FuzzTest
    void igmp(byte[] message) throws Exception {
        properties.check(Framing.RAW_IPV4,
                Inputs.underIpv4(HOST, Ipv4Address.of(224, 0, 0, 22), IpProtocol.IGMP, message));
        EntryPoints.attempt("IgmpPacket.parse", message, IgmpPacket::parse);
    }

    /**
     * Input: the source and destination addresses (16 + 16 bytes), the hop limit (1 byte), then the
     * ICMPv6 message. NDP and MLD messages are also held to their RFCs' checks on the hop limit and
     * the source ({@code checkNdp}, {@code checkMld}), which may only fail with the typed error.
     */
    @FuzzTest
    void icmpv6(byte[] input) throws Exception {
        Ipv6Address source = Inputs.ipv6(input, 0);
        Ipv6Address destination = Inputs.ipv6(input, 16);
        int hopLimit = Inputs.take(input, 32, 1)[0] & 0xFF;
        byte[] message = Inputs.rest(input, 33);
        properties.check(Framing.RAW_IPV6, Inputs.underIpv6(source, destination, hopLimit, IpProtocol.IPV6_ICMP, message));
        EntryPoints.attempt("Icmpv6Packet.parse", message, b -> {
            Icmpv6Packet icmp = Icmpv6Packet.parse(b, source, destination);
            try {   // after a successful parse: the checks judge, they do not move the buffer
                if (icmp.message().isNdp()) {
                    icmp.checkNdp(hopLimit);
                }
                if (icmp.message().isMld()) {
                    icmp.checkMld(hopLimit);
                }
            } catch (ParseException e) {
                return e.getMessage();
            }
            return icmp;
        });
    }
}
