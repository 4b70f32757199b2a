package io.zerowire.protocols.stack;

import io.zerowire.protocols.arp.ArpBuilder;
import io.zerowire.protocols.ethernet.EthernetBuilder;
import io.zerowire.protocols.ethernet.VlanTagBuilder;
import io.zerowire.protocols.framing.LinuxSll2Builder;
import io.zerowire.protocols.framing.LinuxSllBuilder;
import io.zerowire.protocols.framing.LoopbackBuilder;
import io.zerowire.protocols.ipv4.Ipv4;
import io.zerowire.protocols.ipv4.Ipv4Builder;
import io.zerowire.serialize.PacketBuilder;
import io.zerowire.serialize.Serializer;
import java.util.ArrayList;
import java.util.List;

/**
 * A dissected frame written again with the builders: every parsed header through its builder's
 * {@code copyFrom(view)}, stacked over the innermost payload's bytes. Lengths and checksums are
 * derived anew, so the rebuilt frame equals the original exactly when the parse and the builders
 * agree and every checksum in the original was right.
 */
final class Rebuild {
    /** Where a layer's checksum lies in the frame, so that a bad original checksum can be told apart. */
    record ChecksumField(Layer layer, int index) {}

    final List<PacketBuilder> builders = new ArrayList<>();   // outermost first
    final List<ChecksumField> checksums = new ArrayList<>();

    private Rebuild() {}

    static Rebuild of(Dissector d) {
        Rebuild r = new Rebuild();
        int tag = 0;
        for (int i = 0; i < d.layerCount(); i++) {
            Layer layer = d.layer(i);
            switch (layer) {
                case LOOPBACK:
                    r.builders.add(new LoopbackBuilder().copyFrom(d.loopback()));
                    break;
                case LINUX_SLL:
                    r.builders.add(new LinuxSllBuilder().copyFrom(d.linuxSll()));
                    break;
                case LINUX_SLL2:
                    r.builders.add(new LinuxSll2Builder().copyFrom(d.linuxSll2()));
                    break;
                case ETHERNET:
                    r.builders.add(new EthernetBuilder().copyFrom(d.ethernet()));
                    break;
                case VLAN:
                    r.builders.add(new VlanTagBuilder().copyFrom(d.vlan(tag++)));
                    break;
                case ARP:
                    r.builders.add(new ArpBuilder().copyFrom(d.arp()));
                    break;
                case IPV4:
                    r.builders.add(new Ipv4Builder().copyFrom(d.ipv4()));
                    r.checksums.add(new ChecksumField(layer, d.ipv4().offset() + Ipv4.HEADER_CHECKSUM_OFFSET));
                    break;
                default:
                    throw new AssertionError("no rebuild for " + layer);
            }
        }
        return r;
    }

    /** The frame written again over {@code payload}. */
    byte[] over(byte[] payload) throws Exception {
        Serializer s = Serializer.of(payload);
        for (int i = builders.size() - 1; i >= 0; i--) {
            s = s.encapsulate(builders.get(i));
        }
        return s.serialize().toByteArray();
    }
}
