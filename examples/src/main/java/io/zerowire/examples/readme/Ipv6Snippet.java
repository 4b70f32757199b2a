package io.zerowire.examples.readme;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.options.OptionsBuilder;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ipv6.HopByHopOptionsBuilder;
import io.zerowire.protocols.ipv6.Ipv6HeaderBuilder;
import io.zerowire.protocols.ipv6.Ipv6OptionFormat;
import io.zerowire.protocols.ipv6.Ipv6Options;
import io.zerowire.protocols.ipv6.Ipv6Packet;
import io.zerowire.protocols.ipv6.Ipv6PacketBuilder;
import io.zerowire.serialize.Serializer;
import io.zerowire.serialize.SizeLimitExceededException;

/** README, "IPv6": the extension header chain walked, a packet with a Hop-by-Hop Router Alert built. */
public final class Ipv6Snippet {
    private Ipv6Snippet() {}

    /**
     * Parses the IPv6 packet in {@code buffer} through its extension headers, then builds
     * {@code payload} (an MLD message) behind a Hop-by-Hop Router Alert to all MLDv2 routers.
     *
     * @return the IPv6 packet built
     */
    public static PacketBuffer walkAndBuild(PacketBuffer buffer, byte[] payload, Ipv6Address source)
            throws ParseException, SizeLimitExceededException {
        Ipv6Packet ip = new Ipv6Packet();
        ip.wrap(buffer);                                        // walks the chain; body = upper-layer payload
        for (int i = 0; i < ip.extensionHeaderCount(); i++) {
            IpProtocol type = ip.extensionHeaderType(i);        // IPV6_HOP_BY_HOP, IPV6_ROUTING, ...
        }
        Ipv6Address finalDestination = ip.pseudoHeaderDestination();
        OptionsBuilder hbh = Ipv6Options.addRouterAlert(new OptionsBuilder(Ipv6OptionFormat.FORMAT), 0);
        PacketBuffer packet = Serializer.of(payload)
                .encapsulate(new Ipv6PacketBuilder(new Ipv6HeaderBuilder().hopLimit(1).source(source)
                                .destination(Ipv6Address.parse("ff02::16")))
                        .hopByHop(new HopByHopOptionsBuilder().options(hbh))
                        .upperLayer(IpProtocol.IPV6_ICMP))
                .serialize();
        return packet;
    }
}
