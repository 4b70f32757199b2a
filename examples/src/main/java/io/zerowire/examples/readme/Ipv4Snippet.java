package io.zerowire.examples.readme;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ipv4.Ipv4Builder;
import io.zerowire.protocols.ipv4.Ipv4OptionsBuilder;
import io.zerowire.protocols.ipv4.Ipv4Packet;
import io.zerowire.serialize.Serializer;
import io.zerowire.serialize.SizeLimitExceededException;

/** README, "IPv4": a TTL decremented in place, an IGMP report built with a Router Alert option. */
public final class Ipv4Snippet {
    private Ipv4Snippet() {}

    /**
     * Parses the IPv4 packet in {@code buffer} and decrements its TTL in place, then builds
     * {@code igmpReport} in an IPv4 packet from {@code me} to all IGMPv3 routers.
     *
     * @return the IPv4 packet built
     */
    public static PacketBuffer forwardAndBuild(PacketBuffer buffer, byte[] igmpReport, Ipv4Address me)
            throws ParseException, SizeLimitExceededException {
        Ipv4Packet ip = new Ipv4Packet();
        ip.wrap(buffer);                                        // body = payload, link padding -> suffix
        ip.header().setTtl(ip.hopLimit() - 1);                  // checksum updated incrementally
        PacketBuffer packet = Serializer.of(igmpReport)
                .encapsulate(new Ipv4Builder().ttl(1).protocol(IpProtocol.IGMP).source(me)
                        .destination(Ipv4Address.parse("224.0.0.22"))
                        .options(new Ipv4OptionsBuilder().routerAlert(0).optionsBuilder()))   // 94 04 00 00
                .serialize();
        return packet;
    }
}
