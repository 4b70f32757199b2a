package io.zerowire.protocols.stack;

import io.zerowire.protocols.arp.ArpBuilder;
import io.zerowire.protocols.ethernet.EthernetBuilder;
import io.zerowire.protocols.ethernet.VlanTagBuilder;
import io.zerowire.protocols.framing.LinuxSll2Builder;
import io.zerowire.protocols.framing.LinuxSllBuilder;
import io.zerowire.protocols.framing.LoopbackBuilder;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.protocols.icmp.IcmpHeader;
import io.zerowire.protocols.icmp.IcmpRebuild;
import io.zerowire.protocols.icmpv6.Icmpv6Header;
import io.zerowire.protocols.igmp.IgmpHeader;
import io.zerowire.protocols.igmp.IgmpRebuild;
import io.zerowire.protocols.ipv4.Ipv4;
import io.zerowire.protocols.ipv4.Ipv4Builder;
import io.zerowire.protocols.ipv6.Ipv6HeaderBuilder;
import io.zerowire.protocols.ipv6.Ipv6Packet;
import io.zerowire.protocols.ipv6.Ipv6Rebuild;
import io.zerowire.protocols.tcp.TcpLayout;
import io.zerowire.protocols.tcp.TcpV4;
import io.zerowire.protocols.tcp.TcpV4Builder;
import io.zerowire.protocols.tcp.TcpV6;
import io.zerowire.protocols.tcp.TcpV6Builder;
import io.zerowire.protocols.udp.UdpLayout;
import io.zerowire.protocols.udp.UdpV4;
import io.zerowire.protocols.udp.UdpV4Builder;
import io.zerowire.protocols.udp.UdpV6;
import io.zerowire.protocols.udp.UdpV6Builder;
import io.zerowire.buffer.PacketBuffer;
import io.zerowire.serialize.PacketBuilder;
import io.zerowire.serialize.PacketConstraints;
import io.zerowire.serialize.SerializeTarget;
import io.zerowire.serialize.Serializer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A dissected frame written again with the builders: every parsed header through its builder's
 * {@code copyFrom(view)}, stacked over the innermost payload's bytes. Lengths and checksums are
 * derived anew, so the rebuilt frame equals the original exactly when the parse and the builders
 * agree and every checksum in the original was right.
 */
public final class Rebuild {
    /** Where a layer's checksum lies in the frame, so that a bad original checksum can be told apart. */
    public record ChecksumField(Layer layer, int index) {}

    final List<PacketBuilder> builders = new ArrayList<>();   // outermost first
    public final List<ChecksumField> checksums = new ArrayList<>();
    /** ICMPv6's rebuild is a whole serializer (message, options, records) over its own body. */
    Serializer icmpv6;
    /** IP payload bytes after a UDP datagram whose length falls short of the IP payload, or null. */
    private byte[] trailerBytes;

    /** Writes bytes after its body as a footer: the IP payload after a UDP datagram. */
    private record Trailer(byte[] bytes) implements PacketBuilder {
        @Override
        public PacketConstraints constraints() {
            return PacketConstraints.of(0, bytes.length, 0, Integer.MAX_VALUE);
        }

        @Override
        public void serialize(SerializeTarget target, PacketBuffer body) {
            System.arraycopy(bytes, 0, target.array(), target.footerOffset(), bytes.length);
        }
    }

    private Rebuild() {}

    public static Rebuild of(Dissector d) throws io.zerowire.parse.ParseException {
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
                    r.builders.add(new Ipv4Builder().copyFrom(d.ipv4().header()));
                    r.checksums.add(new ChecksumField(layer, d.ipv4().header().offset() + Ipv4.HEADER_CHECKSUM_OFFSET));
                    break;
                case IPV6: {
                    PacketBuilder chain = Ipv6Rebuild.compositeFor(d.ipv6(), new int[3]);
                    if (chain != null) {
                        r.builders.add(chain);
                    } else {
                        // a chain out of Ipv6PacketBuilder's order (two routing headers, say): header by header
                        r.builders.add(new Ipv6HeaderBuilder().copyFrom(d.ipv6().header()));
                        for (int h = 0; h < d.ipv6().extensionHeaderCount(); h++) {
                            r.builders.add(Ipv6Rebuild.builderFor(d.ipv6(), h, new int[3]));
                        }
                    }
                    break;
                }
                case TCP: {
                    TcpLayout<?> tcp = d.tcp().layout();
                    int at = d.tcp().bodyOffset() - d.tcp().headerLength();
                    if (tcp instanceof TcpV4) {
                        r.builders.add(new TcpV4Builder().copyFrom((TcpV4) tcp)
                                .addresses((Ipv4Address) d.ip().source(), (Ipv4Address) d.ip().pseudoHeaderDestination()));
                        r.checksums.add(new ChecksumField(layer, at + TcpV4.CHECKSUM_OFFSET));
                    } else {
                        r.builders.add(new TcpV6Builder().copyFrom((TcpV6) tcp)
                                .addresses((Ipv6Address) d.ip().source(), (Ipv6Address) d.ip().pseudoHeaderDestination()));
                        r.checksums.add(new ChecksumField(layer, at + TcpV6.CHECKSUM_OFFSET));
                    }
                    break;
                }
                case UDP: {
                    UdpLayout<?> udp = d.udp().layout();
                    int at = d.udp().bodyOffset() - d.udp().headerLength();
                    if (udp instanceof UdpV4) {
                        UdpV4Builder b = new UdpV4Builder().copyFrom((UdpV4) udp)
                                .addresses((Ipv4Address) d.ip().source(), (Ipv4Address) d.ip().pseudoHeaderDestination());
                        r.builders.add(d.udp().hasChecksum() ? b : b.checksum(0));   // zero: no checksum, kept
                        r.checksums.add(new ChecksumField(layer, at + UdpV4.CHECKSUM_OFFSET));
                    } else {
                        r.builders.add(new UdpV6Builder().copyFrom((UdpV6) udp)
                                .addresses((Ipv6Address) d.ip().source(), (Ipv6Address) d.ip().pseudoHeaderDestination()));
                        r.checksums.add(new ChecksumField(layer, at + UdpV6.CHECKSUM_OFFSET));
                    }
                    int datagramEnd = d.udp().bodyOffset() + d.udp().bodyLength();
                    if (datagramEnd < payloadEnd(d)) {
                        // a UDP length short of the IP payload: the bytes after the datagram follow it in the IP body
                        r.trailerBytes = Arrays.copyOfRange(d.buffer().array(), datagramEnd, payloadEnd(d));
                        r.builders.add(r.builders.size() - 1, new Trailer(r.trailerBytes));
                    }
                    break;
                }
                case ICMP:
                    r.builders.add(IcmpRebuild.of(d.icmp()));
                    r.checksums.add(new ChecksumField(layer, d.icmp().offset() + IcmpHeader.CHECKSUM_OFFSET));
                    break;
                case IGMP:
                    r.builders.add(IgmpRebuild.of(d.igmp()));
                    r.checksums.add(new ChecksumField(layer, d.igmp().offset() + IgmpHeader.CHECKSUM_OFFSET));
                    break;
                case ICMPV6:
                    r.icmpv6 = new io.zerowire.protocols.icmpv6.Rebuild().of(d.icmpv6());
                    r.checksums.add(new ChecksumField(layer, d.icmpv6().offset() + Icmpv6Header.CHECKSUM_OFFSET));
                    break;
                default:
                    throw new AssertionError("no rebuild for " + layer);
            }
        }
        return r;
    }

    /** The innermost payload of {@code d} to rebuild over: from {@link #payloadStart} to {@link #payloadEnd}, less a UDP trailer. */
    public byte[] payload(Dissector d) {
        int end = payloadEnd(d) - (trailerBytes == null ? 0 : trailerBytes.length);
        return Arrays.copyOfRange(d.buffer().array(), payloadStart(d), end);
    }

    /** Array index where the payload under the innermost header starts. */
    public static int payloadStart(Dissector d) {
        Layer innermost = d.innermost();
        if (innermost == null) {
            return d.payloadOffset();
        }
        switch (innermost) {
            case TCP:
                return d.tcp().bodyOffset();
            case UDP:
                return d.udp().bodyOffset();
            case ICMP:
                return d.icmp().bodyOffset();
            case IGMP:
                return d.igmp().bodyOffset();
            case ICMPV6:
                return d.icmpv6().offset() + d.icmpv6().length();   // its rebuild covers the whole message
            default:
                return d.payloadOffset();
        }
    }

    /** Array index one past the payload: the end of the IP packet when there is one (so trailers the upper layers set aside count). */
    public static int payloadEnd(Dissector d) {
        if (d.has(Layer.IPV4)) {
            return d.ipv4().payloadOffset() + d.ipv4().payloadLength();
        }
        if (d.has(Layer.IPV6)) {
            Ipv6Packet ip = d.ipv6();
            return ip.payloadOffset() + ip.payloadLength();
        }
        return d.payloadOffset() + d.payloadLength();
    }

    /** The frame written again over {@code payload}. */
    public byte[] over(byte[] payload) throws Exception {
        return serializer(payload).serialize().toByteArray();
    }

    private static boolean isZero(byte[] a, int index) {
        int value = (a[index] & 0xFF) << 8 | a[index + 1] & 0xFF;
        return value == 0 || value == 0xFFFF;
    }

    /** The serializer that writes the frame again over {@code payload}, to serialize into a buffer of one's choice. */
    public Serializer serializer(byte[] payload) {
        Serializer s = icmpv6 != null ? icmpv6 : Serializer.of(payload);
        for (int i = builders.size() - 1; i >= 0; i--) {
            s = s.encapsulate(builders.get(i));
        }
        return s;
    }

    /**
     * Null if {@code again} is {@code original} up to {@code end}, allowing only named differences: a
     * checksum the dissector judged bad (counted in {@code badChecksums}), a good checksum written as
     * the other one's complement zero (0xFFFF for 0x0000 or back), and the Ethernet builder's zero
     * padding of a short frame. Otherwise what differs.
     */
    public String difference(byte[] original, int end, byte[] again, Dissector d, Map<Layer, Integer> badChecksums) {
        int expectedLength = end;
        if (d.has(Layer.ETHERNET) && end < 60) {
            expectedLength = 60;   // the builder pads the body to 46 bytes
        }
        if (again.length != expectedLength) {
            return "rebuilt " + again.length + " bytes, expected " + expectedLength;
        }
        for (int i = end; i < again.length; i++) {
            if (again[i] != 0) {
                return "padding byte " + i + " is not zero";
            }
        }
        byte[] fixed = Arrays.copyOf(again, end);
        for (ChecksumField c : checksums) {
            boolean differs = fixed[c.index()] != original[c.index()] || fixed[c.index() + 1] != original[c.index() + 1];
            if (differs && !d.checksumBad(c.layer()) && isZero(original, c.index()) && isZero(fixed, c.index())) {
                // 0x0000 and 0xFFFF are the two one's complement zeros: a sender may write either
                fixed[c.index()] = original[c.index()];
                fixed[c.index() + 1] = original[c.index() + 1];
            } else if (differs && d.checksumBad(c.layer())) {
                fixed[c.index()] = original[c.index()];
                fixed[c.index() + 1] = original[c.index() + 1];
                badChecksums.merge(c.layer(), 1, Integer::sum);
            }
        }
        for (int i = 0; i < end; i++) {
            if (fixed[i] != original[i]) {
                return String.format("byte %d: original %02x, rebuilt %02x", i, original[i] & 0xFF, fixed[i] & 0xFF);
            }
        }
        return null;
    }
}
