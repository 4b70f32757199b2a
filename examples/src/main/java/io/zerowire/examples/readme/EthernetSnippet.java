package io.zerowire.examples.readme;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.link.MacAddress;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.ethernet.EtherType;
import io.zerowire.protocols.ethernet.Ethernet;
import io.zerowire.protocols.ethernet.EthernetBuilder;
import io.zerowire.protocols.ethernet.EthernetFrames;
import io.zerowire.protocols.ethernet.EthernetFrames.MinimumLength;
import io.zerowire.protocols.ethernet.VlanTag;
import io.zerowire.protocols.ethernet.VlanTagBuilder;
import io.zerowire.serialize.Serializer;
import io.zerowire.serialize.SizeLimitExceededException;

/** README, "Ethernet and VLAN tags": any stack of tags parsed, a QinQ frame built. */
public final class EthernetSnippet {
    private EthernetSnippet() {}

    /**
     * Parses the Ethernet header and every VLAN tag at the front of {@code buffer} (its body is then
     * what the innermost tag carries), and builds {@code payload} in two tags to {@code peer}.
     *
     * @return the QinQ frame built
     */
    public static PacketBuffer wrapAndBuild(PacketBuffer buffer, Ethernet ethView, VlanTag tagView, byte[] payload,
            MacAddress peer, MacAddress me) throws ParseException, SizeLimitExceededException {
        Ethernet eth = EthernetFrames.wrap(ethView, buffer, MinimumLength.IGNORE);
        EtherType type = eth.etherType();
        while (type.isTag()) {                                  // 802.1ad outside 802.1Q, or any stack
            type = EthernetFrames.wrapTag(tagView, buffer).etherType();
        }
        PacketBuffer frame = Serializer.of(payload)
                .encapsulate(new VlanTagBuilder().vlanId(100).etherType(EtherType.IPV4))     // customer tag
                .encapsulate(new VlanTagBuilder().vlanId(4000).etherType(EtherType.VLAN))    // service tag
                .encapsulate(new EthernetBuilder().destination(peer).source(me).etherType(EtherType.QINQ))
                .serialize();
        return frame;
    }
}
