package io.zerowire.protocols.ipv6;

import static org.assertj.core.api.Assertions.assertThat;
import io.zerowire.buffer.PacketBuffer;
import io.zerowire.parse.ParseException;
import io.zerowire.serialize.PacketBuilder;
import io.zerowire.serialize.Serializer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Test-only: the builders that write a parsed IPv6 extension chain again, header by header or as one composite. */
public final class Ipv6Rebuild {
    private Ipv6Rebuild() {}

    public static PacketBuilder builderFor(Ipv6Packet ip, int i, int[] routing) throws ParseException {
        PacketBuffer at = PacketBuffer.wrap(ip.array(), ip.extensionHeaderOffset(i), ip.extensionHeaderLength(i));
        switch (ip.extensionHeaderTypeValue(i)) {
            case Ipv6Packet.HOP_BY_HOP:
                return new HopByHopOptionsBuilder().copyFrom(HopByHopOptions.parse(at));
            case Ipv6Packet.DESTINATION_OPTIONS:
                return new DestinationOptionsBuilder().copyFrom(DestinationOptions.parse(at));
            case Ipv6Packet.FRAGMENT:
                return new FragmentHeaderBuilder().copyFrom(FragmentHeader.parse(at));
            default:
                return routingBuilderFor(at, routing);
        }
    }

    /** The typed builder of a type 0 or Segment Routing header when it can say the header, else the opaque one. */
    private static RoutingBuilder routingBuilderFor(PacketBuffer at, int[] routing) throws ParseException {
        RoutingHeader header = RoutingHeader.parse(at);
        at.undoParse(header.headerLength(), header.bodyLength(), 0);
        if (header.routingType() == RoutingHeaders.TYPE_0 && header.headerExtensionLength() % 2 == 0) {
            routing[0]++;
            return new Type0RoutingBuilder().copyFrom(Type0RoutingHeader.parse(at));
        }
        if (header.routingType() == RoutingHeaders.TYPE_SEGMENT_ROUTING) {
            SegmentRoutingHeader srh = SegmentRoutingHeader.parse(at);
            if (RoutingHeaders.segmentRoutingTlvs(srh, new io.zerowire.options.OptionsIterator())) {
                routing[1]++;
                return new SegmentRoutingBuilder().copyFrom(srh);
            }
        }
        routing[2]++;
        return new OpaqueRoutingBuilder().copyFrom(header);
    }

    /**
     * An {@link Ipv6PacketBuilder} for the packet's chain, when the chain is in the builder's order
     * (Hop-by-Hop, Destination Options, Routing, Fragment, Destination Options, each at most once);
     * null otherwise.
     */
    public static Ipv6PacketBuilder compositeFor(Ipv6Packet ip, int[] routing) throws ParseException {
        Ipv6PacketBuilder chain = new Ipv6PacketBuilder(new Ipv6HeaderBuilder().copyFrom(ip.header()))
                .upperLayer(ip.transportProtocol()).jumbogram(ip.isJumbogram());
        int slot = 0; // next free position in the builder's order
        int[] order = {Ipv6Packet.HOP_BY_HOP, Ipv6Packet.DESTINATION_OPTIONS, Ipv6Packet.ROUTING, Ipv6Packet.FRAGMENT,
            Ipv6Packet.DESTINATION_OPTIONS};
        for (int i = 0; i < ip.extensionHeaderCount(); i++) {
            int type = ip.extensionHeaderTypeValue(i);
            while (slot < order.length && order[slot] != type) {
                slot++;
            }
            if (slot == order.length) {
                return null;
            }
            PacketBuilder builder = builderFor(ip, i, routing);
            switch (slot) {
                case 0 -> chain.hopByHop((HopByHopOptionsBuilder) builder);
                case 1 -> chain.destinationOptions((DestinationOptionsBuilder) builder);
                case 2 -> chain.routing((RoutingBuilder) builder);
                case 3 -> chain.fragment((FragmentHeaderBuilder) builder);
                default -> chain.finalDestinationOptions((DestinationOptionsBuilder) builder);
            }
            slot++;
        }
        return chain;
    }
}
