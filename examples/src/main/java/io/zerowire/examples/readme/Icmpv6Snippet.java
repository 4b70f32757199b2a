package io.zerowire.examples.readme;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.link.MacAddress;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.icmpv6.Icmpv6HeaderBuilder;
import io.zerowire.protocols.icmpv6.Icmpv6Message;
import io.zerowire.protocols.icmpv6.Icmpv6Packet;
import io.zerowire.protocols.icmpv6.Icmpv6Type;
import io.zerowire.protocols.icmpv6.ndp.NdpOptions;
import io.zerowire.protocols.icmpv6.ndp.NdpOptionsBuilder;
import io.zerowire.protocols.icmpv6.ndp.NeighborSolicitationBuilder;
import io.zerowire.protocols.icmpv6.ndp.PrefixInformation;
import io.zerowire.protocols.ipv6.Ipv6Packet;
import io.zerowire.serialize.Serializer;
import io.zerowire.serialize.SizeLimitExceededException;

/** README, "ICMPv6, NDP, MLD": a router advertisement's prefixes read, a neighbor solicitation built. */
public final class Icmpv6Snippet {
    private Icmpv6Snippet() {}

    /**
     * Parses the ICMPv6 message in {@code buffer} (the payload of {@code ipv6}) and walks a router
     * advertisement's options; then builds a neighbor solicitation for {@code target}.
     *
     * @return the ICMPv6 message built, to put in an IPv6 packet to the solicited-node address
     */
    public static PacketBuffer readAndSolicit(PacketBuffer buffer, Ipv6Packet ipv6, MacAddress myMac,
            Ipv6Address myLinkLocal, Ipv6Address target) throws ParseException, SizeLimitExceededException {
        Icmpv6Packet icmp = new Icmpv6Packet().wrap(buffer, ipv6);   // pseudo-header from the IPv6 packet
        if (icmp.message() == Icmpv6Message.ROUTER_ADVERTISEMENT) {
            icmp.checkNdp(ipv6.hopLimit());                      // RFC 4861 6.1.2
            NdpOptions options = icmp.ndpOptions();
            while (options.next()) {
                PrefixInformation prefix = options.prefixInformation();   // null for other options
            }
        }
        PacketBuffer ns = Serializer.of(new NdpOptionsBuilder().sourceLinkLayerAddress(myMac))
                .encapsulate(new NeighborSolicitationBuilder().target(target))
                .encapsulate(new Icmpv6HeaderBuilder().type(Icmpv6Type.NEIGHBOR_SOLICITATION)
                        .addresses(myLinkLocal, target.toSolicitedNodeMulticast()))
                .serialize();
        return ns;
    }
}
