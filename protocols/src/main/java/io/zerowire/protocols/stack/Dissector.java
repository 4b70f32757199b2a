package io.zerowire.protocols.stack;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.arp.Arp;
import io.zerowire.protocols.arp.ArpPackets;
import io.zerowire.protocols.ethernet.EtherType;
import io.zerowire.protocols.ethernet.Ethernet;
import io.zerowire.protocols.ethernet.EthernetFrames;
import io.zerowire.protocols.ethernet.VlanTag;
import io.zerowire.protocols.framing.Framing;
import io.zerowire.protocols.framing.LinuxSll;
import io.zerowire.protocols.framing.LinuxSll2;
import io.zerowire.protocols.framing.Loopback;
import io.zerowire.protocols.icmp.IcmpPacket;
import io.zerowire.protocols.icmpv6.Icmpv6Packet;
import io.zerowire.protocols.igmp.IgmpPacket;
import io.zerowire.protocols.ip.IpPacket;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ipv4.Ipv4Packet;
import io.zerowire.protocols.ipv6.Ipv6Packet;
import io.zerowire.protocols.tcp.TcpParser;
import io.zerowire.protocols.udp.UdpParser;
import java.util.Arrays;

/**
 * Parses a captured frame through every layer Zerowire knows, as deep as it goes, with one reusable
 * view per layer: the engine of {@code zerowire dissect} and of the whole-stack conformance tests.
 *
 * <p>{@link #dissect} never throws for bad bytes: it stops at the first layer that rejects them and
 * keeps the {@link ParseException} ({@link #error()}); every layer before it stays readable. Checksums
 * are not enforced while parsing, so a frame with a bad checksum is still dissected; each layer's
 * verdict is in {@link #checksumBad(Layer)} and {@link #checksumChecked(Layer)}.
 *
 * <pre>{@code
 * Dissector d = new Dissector();
 * d.dissect(Framing.ETHERNET, PacketBuffer.wrap(frame));
 * if (d.has(Layer.IPV4)) {
 *     System.out.println(d.ipv4().source() + (d.checksumBad(Layer.IPV4) ? " [bad checksum]" : ""));
 * }
 * }</pre>
 *
 * <p>A dissector is reused from frame to frame and allocates nothing per frame in the steady state;
 * it is not thread-safe, and the views it hands out are valid until the next {@code dissect}.
 */
public final class Dissector {
    /** The most VLAN tags one frame may carry before it is rejected (QinQ needs two). */
    public static final int MAX_VLAN_TAGS = io.zerowire.protocols.ParseLimits.VLAN_TAGS;

    // Numbers rather than open-enum objects: an unnamed EtherType or protocol would allocate one.
    private static final int VLAN = EtherType.VLAN.value();
    private static final int QINQ = EtherType.QINQ.value();
    private static final int ARP = EtherType.ARP.value();
    private static final int IPV4 = EtherType.IPV4.value();
    private static final int IPV6 = EtherType.IPV6.value();
    private static final int TCP = IpProtocol.TCP.value();
    private static final int UDP = IpProtocol.UDP.value();
    private static final int ICMP = IpProtocol.ICMP.value();
    private static final int IGMP = IpProtocol.IGMP.value();
    private static final int ICMPV6 = IpProtocol.IPV6_ICMP.value();

    private final Layer[] layers = new Layer[MAX_VLAN_TAGS + 4];
    private int layerCount;
    private long present;
    private long checked;
    private long bad;
    private ParseException error;
    private Layer failedLayer;
    private PacketBuffer buffer;
    /** The frame alone, as its own region, so that error offsets count from the frame's first byte. */
    private final PacketBuffer frameView = PacketBuffer.wrap(new byte[0]);
    private int payloadOffset;
    private int payloadLength;

    private final LinuxSll sll = new LinuxSll();
    private final LinuxSll2 sll2 = new LinuxSll2();
    private final Loopback loopback = new Loopback();
    private final Ethernet ethernet = new Ethernet();
    private final VlanTag[] tags = new VlanTag[MAX_VLAN_TAGS];
    private int tagCount;
    private final Arp arp = new Arp();
    private final Ipv4Packet ipv4 = new Ipv4Packet();
    private final Ipv6Packet ipv6 = new Ipv6Packet();
    private IpPacket<?> ip;
    private final IcmpPacket icmp = new IcmpPacket();
    private final Icmpv6Packet icmpv6 = new Icmpv6Packet();
    private final IgmpPacket igmp = new IgmpPacket();
    private final UdpParser udp = new UdpParser();
    private final TcpParser tcp = new TcpParser();
    private EthernetFrames.MinimumLength minimumLength = EthernetFrames.MinimumLength.IGNORE;

    public Dissector() {
        for (int i = 0; i < tags.length; i++) {
            tags[i] = new VlanTag();
        }
    }

    /** Whether Ethernet frames shorter than 60 bytes are rejected (default: accepted, as captured on the sender). */
    public Dissector minimumLength(EthernetFrames.MinimumLength check) {
        this.minimumLength = check;
        return this;
    }

    /**
     * Parses {@code frame} as deep as possible. The buffer is consumed layer by layer; afterwards its
     * body is the innermost payload reached ({@link #payloadOffset()}, {@link #payloadLength()}).
     * The frame is the buffer's body: whatever is before it (a capture record's header, say) is not
     * looked at, and the offset of an {@link #error()} counts from the frame's first byte.
     *
     * @return this dissector
     */
    public Dissector dissect(Framing framing, PacketBuffer frame) {
        layerCount = 0;
        present = 0;
        checked = 0;
        bad = 0;
        error = null;
        failedLayer = null;
        tagCount = 0;
        ip = null;
        buffer = frame;
        PacketBuffer view = frameView.rewrap(frame.array(), frame.bodyStart(), frame.bodyLength());
        try {
            network(link(framing, view), view);
        } catch (ParseException e) {
            error = e;
        }
        payloadOffset = view.bodyStart();
        payloadLength = view.bodyLength();
        frame.resetBody(payloadOffset - frame.regionStart(), payloadLength);
        return this;
    }

    /** Parses the link layer; returns the EtherType of what follows as a number (no open-enum object). */
    private int link(Framing framing, PacketBuffer frame) throws ParseException {
        switch (framing) {
            case ETHERNET: {
                attempt(Layer.ETHERNET);
                EthernetFrames.wrap(ethernet, frame, minimumLength);
                found(Layer.ETHERNET);
                int type = ethernet.etherTypeValue();
                while (type == VLAN || type == QINQ) {
                    attempt(Layer.VLAN);
                    if (tagCount == MAX_VLAN_TAGS) {
                        throw ParseException.unsupported(VlanTag.LAYER, "", frame.position(),
                                "more than " + MAX_VLAN_TAGS + " VLAN tags");
                    }
                    VlanTag tag = EthernetFrames.wrapTag(tags[tagCount], frame);
                    tagCount++;
                    found(Layer.VLAN);
                    type = tag.etherTypeValue();
                }
                return type;
            }
            case LINUX_SLL:
                attempt(Layer.LINUX_SLL);
                sll.wrap(frame);
                found(Layer.LINUX_SLL);
                return sll.protocolValue();
            case LINUX_SLL2:
                attempt(Layer.LINUX_SLL2);
                sll2.wrap(frame);
                found(Layer.LINUX_SLL2);
                return sll2.protocolValue();
            case LOOPBACK:
                attempt(Layer.LOOPBACK);
                loopback.wrap(frame);
                EtherType family = Framing.loopbackType(loopback.family(), 0);
                found(Layer.LOOPBACK);
                return family.value();
            case RAW_IP:
            case RAW_IPV4:
            case RAW_IPV6:
                attempt(framing == Framing.RAW_IPV6 ? Layer.IPV6 : Layer.IPV4);
                return framing.rawIpType(frame).value();
            default:
                throw new AssertionError(framing);
        }
    }

    private void network(int type, PacketBuffer frame) throws ParseException {
        if (type == ARP) {
            attempt(Layer.ARP);
            ArpPackets.wrap(arp, frame);
            found(Layer.ARP);
        } else if (type == IPV4) {
            attempt(Layer.IPV4);
            ipv4.wrapUnverified(frame);
            found(Layer.IPV4);
            verdict(Layer.IPV4, ipv4.header().checksumValid());
            ip = ipv4;
            transport(frame);
        } else if (type == IPV6) {
            attempt(Layer.IPV6);
            ipv6.wrap(frame);
            found(Layer.IPV6);
            ip = ipv6;
            transport(frame);
        }
    }

    /**
     * The layer above IP. A fragment stops here: its payload is part of a datagram, not a whole
     * transport packet (reassembly is the caller's job).
     */
    private void transport(PacketBuffer frame) throws ParseException {
        if (ip.isFragment()) {
            return;
        }
        int protocol = ip.transportProtocolValue();
        boolean v4 = ip == ipv4;
        if (protocol == TCP) {
            attempt(Layer.TCP);
            tcp.wrapUnverified(frame, ip);
            found(Layer.TCP);
            verdict(Layer.TCP, tcp.checksumValid());
        } else if (protocol == UDP) {
            attempt(Layer.UDP);
            udp.wrapUnverified(frame, ip);
            found(Layer.UDP);
            if (udp.hasChecksum()) {
                verdict(Layer.UDP, udp.checksumValid());
            }
        } else if (v4 && protocol == ICMP) {
            attempt(Layer.ICMP);
            icmp.wrapUnverified(frame);
            found(Layer.ICMP);
            verdict(Layer.ICMP, icmp.checksumValid());
        } else if (v4 && protocol == IGMP) {
            attempt(Layer.IGMP);
            igmp.wrapUnverified(frame);
            found(Layer.IGMP);
            verdict(Layer.IGMP, igmp.checksumValid());
        } else if (!v4 && protocol == ICMPV6) {
            attempt(Layer.ICMPV6);
            icmpv6.wrapUnverified(frame, ipv6);
            found(Layer.ICMPV6);
            verdict(Layer.ICMPV6, icmpv6.checksumValid());
        }
    }

    private void attempt(Layer layer) {
        failedLayer = layer;
    }

    private void found(Layer layer) {
        failedLayer = null;
        layers[layerCount++] = layer;
        present |= 1L << layer.ordinal();
    }

    private void verdict(Layer layer, boolean valid) {
        checked |= 1L << layer.ordinal();
        if (!valid) {
            bad |= 1L << layer.ordinal();
        }
    }

    /** The layers found, outermost first (VLAN once per tag). */
    public Layer[] layers() {
        return Arrays.copyOf(layers, layerCount);
    }

    /** How many layers were found. */
    public int layerCount() {
        return layerCount;
    }

    /** The {@code i}th layer found, outermost first. */
    public Layer layer(int i) {
        if (i < 0 || i >= layerCount) {
            throw new IndexOutOfBoundsException(i);
        }
        return layers[i];
    }

    /** The innermost layer found, or null if not even the first one parsed. */
    public Layer innermost() {
        return layerCount == 0 ? null : layers[layerCount - 1];
    }

    /** Whether the frame holds {@code layer}. */
    public boolean has(Layer layer) {
        return (present & 1L << layer.ordinal()) != 0;
    }

    /** Whether {@code layer} was found and carries a checksum that was verified. */
    public boolean checksumChecked(Layer layer) {
        return (checked & 1L << layer.ordinal()) != 0;
    }

    /** Whether {@code layer}'s checksum was verified and is wrong. */
    public boolean checksumBad(Layer layer) {
        return (bad & 1L << layer.ordinal()) != 0;
    }

    /** Why dissection stopped before the payload, or null if every header present parsed. */
    public ParseException error() {
        return error;
    }

    /** The layer that rejected the frame (whose parse threw {@link #error()}), or null. */
    public Layer failedLayer() {
        return error == null ? null : failedLayer;
    }

    /** The buffer of the last frame. */
    public PacketBuffer buffer() {
        return buffer;
    }

    /** Array index of the frame's first byte: where the buffer's body began. */
    public int frameStart() {
        return frameView.regionStart();
    }

    /** Array index of the innermost payload: what follows the last header parsed. */
    public int payloadOffset() {
        return payloadOffset;
    }

    /** Bytes of the innermost payload, without link padding. */
    public int payloadLength() {
        return payloadLength;
    }

    /** The linux sll view; meaningful only when {@code has(Layer.LINUX_SLL)}. */
    public LinuxSll linuxSll() {
        return sll;
    }

    /** The linux sll2 view; meaningful only when {@code has(Layer.LINUX_SLL2)}. */
    public LinuxSll2 linuxSll2() {
        return sll2;
    }

    /** The loopback view; meaningful only when {@code has(Layer.LOOPBACK)}. */
    public Loopback loopback() {
        return loopback;
    }

    /** The ethernet view; meaningful only when {@code has(Layer.ETHERNET)}. */
    public Ethernet ethernet() {
        return ethernet;
    }

    /** How many VLAN tags were parsed. */
    public int vlanCount() {
        return tagCount;
    }

    /** The {@code i}th VLAN tag, outermost first. */
    public VlanTag vlan(int i) {
        if (i < 0 || i >= tagCount) {
            throw new IndexOutOfBoundsException(i);
        }
        return tags[i];
    }

    /** The arp view; meaningful only when {@code has(Layer.ARP)}. */
    public Arp arp() {
        return arp;
    }

    /** The IPv4 packet; meaningful only when {@code has(Layer.IPV4)}. */
    public Ipv4Packet ipv4() {
        return ipv4;
    }

    /** The IPv6 packet and its extension headers; meaningful only when {@code has(Layer.IPV6)}. */
    public Ipv6Packet ipv6() {
        return ipv6;
    }

    /** The IP packet of either version, or null when the frame holds none. */
    public IpPacket<?> ip() {
        return ip;
    }

    /** The ICMP message; meaningful only when {@code has(Layer.ICMP)}. */
    public IcmpPacket icmp() {
        return icmp;
    }

    /** The ICMPv6 message; meaningful only when {@code has(Layer.ICMPV6)}. */
    public Icmpv6Packet icmpv6() {
        return icmpv6;
    }

    /** The IGMP message; meaningful only when {@code has(Layer.IGMP)}. */
    public IgmpPacket igmp() {
        return igmp;
    }

    /** The UDP datagram ({@link UdpParser#layout()} is its view); meaningful only when {@code has(Layer.UDP)}. */
    public UdpParser udp() {
        return udp;
    }

    /** The TCP segment ({@link TcpParser#layout()} is its view); meaningful only when {@code has(Layer.TCP)}. */
    public TcpParser tcp() {
        return tcp;
    }
}
