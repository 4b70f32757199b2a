package io.zerowire.protocols.ipv6;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.options.OptionFormat;
import io.zerowire.options.OptionsBuilder;
import io.zerowire.options.OptionsIterator;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.serialize.PacketBuilder;
import io.zerowire.serialize.Serializer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A random valid IPv6 packet described field by field: the fixed header, a chain of extension
 * headers in any order RFC 8200 allows (Hop-by-Hop first if at all, a real fragment last), an
 * upper-layer protocol and a payload. It builds itself with the builders of this package, layer by
 * layer or with {@link Ipv6PacketBuilder}, and checks that a parsed packet shows exactly its fields.
 */
final class ChainSpec {
    /** One option or TLV: a single-byte padding (value null) or a type and value. */
    record Option(int type, byte[] value) {}

    sealed interface Ext permits HopByHop, Destination, Type0, Srh, Opaque, Fragment {}

    record HopByHop(List<Option> options) implements Ext {}

    record Destination(List<Option> options) implements Ext {}

    record Type0(int segmentsLeft, long reserved, List<Ipv6Address> addresses) implements Ext {}

    record Srh(int segmentsLeft, int flags, int tag, List<Ipv6Address> segments, List<Option> tlvs) implements Ext {}

    record Opaque(int routingType, long typeSpecific, byte[] data) implements Ext {}

    record Fragment(int offset, boolean more, long identification, int reserved, int reservedBits) implements Ext {}

    final int dscp;
    final int ecn;
    final int flowLabel;
    final int hopLimit;
    final Ipv6Address source;
    final Ipv6Address destination;
    final List<Ext> chain;
    final int upper;
    final byte[] payload;

    private ChainSpec(Random r) {
        dscp = r.nextInt(64);
        ecn = r.nextInt(4);
        flowLabel = r.nextInt(1 << 20);
        hopLimit = r.nextInt(256);
        source = address(r);
        destination = r.nextInt(4) == 0 ? Ipv6Address.parse("ff02::" + Integer.toHexString(1 + r.nextInt(0xFFFF)))
                : address(r);
        chain = new ArrayList<>();
        if (r.nextInt(3) == 0) {
            chain.add(new HopByHop(options(r, true)));
        }
        int more = r.nextInt(5);
        for (int i = 0; i < more; i++) {
            switch (r.nextInt(3)) {
                case 0 -> chain.add(new Destination(options(r, false)));
                case 1 -> chain.add(routing(r));
                default -> chain.add(new Fragment(0, false, r.nextLong() & 0xFFFF_FFFFL, r.nextInt(256), r.nextInt(4)));
            }
        }
        int[] uppers = {6, 17, 58, 59, 50, 51, 4, 41, 47, 132, 89, 103, 255};
        upper = uppers[r.nextInt(uppers.length)];
        boolean realFragment = r.nextInt(4) == 0;
        int length = r.nextInt(realFragment ? 25 : 200) * (realFragment ? 8 : 1);
        if (realFragment) {
            boolean m = r.nextBoolean();
            int offset = r.nextInt(1000);
            chain.add(new Fragment(offset == 0 && !m ? 1 : offset, m, r.nextLong() & 0xFFFF_FFFFL, r.nextInt(256),
                    r.nextInt(4)));
        }
        payload = new byte[length];
        r.nextBytes(payload);
    }

    static ChainSpec random(Random r) {
        return new ChainSpec(r);
    }

    private static Ipv6Address address(Random r) {
        return Ipv6Address.of(r.nextLong(), r.nextLong());
    }

    private static List<Option> options(Random r, boolean hopByHop) {
        List<Option> options = new ArrayList<>();
        int n = r.nextInt(5);
        boolean alert = false;
        for (int i = 0; i < n; i++) {
            switch (r.nextInt(4)) {
                case 0 -> options.add(new Option(Ipv6Options.PAD1, null));
                case 1 -> options.add(new Option(Ipv6Options.PADN, new byte[r.nextInt(6)]));
                case 2 -> {
                    if (hopByHop && !alert) {
                        alert = true;
                        byte[] value = {(byte) r.nextInt(256), (byte) r.nextInt(256)};
                        options.add(new Option(Ipv6Options.ROUTER_ALERT, value));
                    }
                }
                default -> {
                    // An option nobody here understands whose action is "skip": types 0x02 to 0x3F but 5.
                    int type = 2 + r.nextInt(62);
                    if (type != Ipv6Options.ROUTER_ALERT) {
                        byte[] value = new byte[r.nextInt(12)];
                        r.nextBytes(value);
                        options.add(new Option(type, value));
                    }
                }
            }
        }
        return options;
    }

    private static Ext routing(Random r) {
        switch (r.nextInt(3)) {
            case 0: {
                List<Ipv6Address> addresses = new ArrayList<>();
                for (int i = 1 + r.nextInt(4); i > 0; i--) {
                    addresses.add(address(r));
                }
                return new Type0(r.nextInt(addresses.size() + 1), r.nextInt(3) == 0 ? r.nextLong() & 0xFFFF_FFFFL : 0,
                        addresses);
            }
            case 1: {
                List<Ipv6Address> segments = new ArrayList<>();
                for (int i = 1 + r.nextInt(4); i > 0; i--) {
                    segments.add(address(r));
                }
                List<Option> tlvs = new ArrayList<>();
                for (int i = r.nextInt(3); i > 0; i--) {
                    if (r.nextBoolean()) {
                        tlvs.add(new Option(RoutingHeaders.SRH_PAD1, null));
                    } else {
                        byte[] value = new byte[r.nextInt(20)];
                        r.nextBytes(value);
                        tlvs.add(new Option(RoutingHeaders.SRH_HMAC + 1 + r.nextInt(100), value));
                    }
                }
                return new Srh(r.nextInt(segments.size() + 1), r.nextInt(256), r.nextInt(0x10000), segments, tlvs);
            }
            default: {
                byte[] data = new byte[8 * r.nextInt(4)];
                r.nextBytes(data);
                int type = 1 + r.nextInt(250);
                return new Opaque(type == RoutingHeaders.TYPE_SEGMENT_ROUTING ? 5 : type, r.nextLong() & 0xFFFF_FFFFL, data);
            }
        }
    }

    // --- building -----------------------------------------------------------------------------

    Ipv6HeaderBuilder fixedBuilder() {
        return new Ipv6HeaderBuilder().dscp(dscp).ecn(ecn).flowLabel(flowLabel).hopLimit(hopLimit).source(source)
                .destination(destination);
    }

    /** The chain as separate layers, each next header set by hand. */
    Serializer layered() {
        Serializer s = Serializer.of(payload);
        IpProtocol next = IpProtocol.of(upper);
        for (int i = chain.size() - 1; i >= 0; i--) {
            Ext ext = chain.get(i);
            s = s.encapsulate(builder(ext, next));
            next = IpProtocol.of(typeOf(ext));
        }
        return s.encapsulate(fixedBuilder().nextHeader(next));
    }

    /** Whether {@link Ipv6PacketBuilder} can say this chain (its fixed order, each slot once). */
    boolean fitsComposite() {
        int slot = 0;
        for (Ext ext : chain) {
            int wanted = slotOf(ext, slot);
            if (wanted < 0) {
                return false;
            }
            slot = wanted + 1;
        }
        return true;
    }

    private static int slotOf(Ext ext, int from) {
        int[] order = {0, 60, 43, 44, 60};
        for (int slot = from; slot < order.length; slot++) {
            if (order[slot] == typeOf(ext)) {
                return slot;
            }
        }
        return -1;
    }

    /** The chain through {@link Ipv6PacketBuilder}; the next header fields are left to it. */
    Serializer composite() {
        Ipv6PacketBuilder b = new Ipv6PacketBuilder(fixedBuilder()).upperLayer(IpProtocol.of(upper));
        int slot = 0;
        IpProtocol wrong = IpProtocol.of(253); // overwritten by the chain builder
        for (Ext ext : chain) {
            slot = slotOf(ext, slot);
            PacketBuilder builder = builder(ext, wrong);
            switch (slot) {
                case 0 -> b.hopByHop((HopByHopOptionsBuilder) builder);
                case 1 -> b.destinationOptions((DestinationOptionsBuilder) builder);
                case 2 -> b.routing((RoutingBuilder) builder);
                case 3 -> b.fragment((FragmentHeaderBuilder) builder);
                default -> b.finalDestinationOptions((DestinationOptionsBuilder) builder);
            }
            slot++;
        }
        return Serializer.of(payload).encapsulate(b);
    }

    static int typeOf(Ext ext) {
        if (ext instanceof HopByHop) {
            return Ipv6Packet.HOP_BY_HOP;
        }
        if (ext instanceof Destination) {
            return Ipv6Packet.DESTINATION_OPTIONS;
        }
        if (ext instanceof Fragment) {
            return Ipv6Packet.FRAGMENT;
        }
        return Ipv6Packet.ROUTING;
    }

    private static OptionsBuilder optionsBuilder(List<Option> options, OptionFormat format) {
        OptionsBuilder b = new OptionsBuilder(format);
        for (Option o : options) {
            if (o.value() == null) {
                b.addSingleByte(o.type());
            } else {
                b.add(o.type(), o.value());
            }
        }
        return b;
    }

    private static PacketBuilder builder(Ext ext, IpProtocol next) {
        if (ext instanceof HopByHop h) {
            return new HopByHopOptionsBuilder().nextHeader(next).options(optionsBuilder(h.options(), Ipv6Options.FORMAT));
        }
        if (ext instanceof Destination d) {
            return new DestinationOptionsBuilder().nextHeader(next)
                    .options(optionsBuilder(d.options(), Ipv6Options.FORMAT));
        }
        if (ext instanceof Type0 t) {
            Type0RoutingBuilder b = new Type0RoutingBuilder(new Type0RoutingHeaderBuilder().segmentsLeft(t.segmentsLeft()))
                    .addresses(t.addresses().toArray(new Ipv6Address[0])).nextHeader(next);
            if (t.reserved() != 0) {
                b.header().reserved(t.reserved());
            }
            return b;
        }
        if (ext instanceof Srh s) {
            return new SegmentRoutingBuilder(new SegmentRoutingHeaderBuilder().segmentsLeft(s.segmentsLeft())
                    .flags(s.flags()).tag(s.tag()))
                    .segments(s.segments().toArray(new Ipv6Address[0]))
                    .tlvs(optionsBuilder(s.tlvs(), RoutingHeaders.SRH_TLV_FORMAT)).nextHeader(next);
        }
        if (ext instanceof Opaque o) {
            return new OpaqueRoutingBuilder(new RoutingHeaderBuilder().routingType(o.routingType()).segmentsLeft(0)
                    .typeSpecificData(o.typeSpecific())).data(o.data(), 0, o.data().length).nextHeader(next);
        }
        Fragment f = (Fragment) ext;
        FragmentHeaderBuilder b = new FragmentHeaderBuilder().nextHeader(next).fragmentOffset(f.offset())
                .moreFragments(f.more()).identification(f.identification());
        if (f.reserved() != 0 || f.reservedBits() != 0) {
            b.reserved(f.reserved()).reservedBits(f.reservedBits());
        }
        return b;
    }

    // --- checking ----------------------------------------------------------------------------

    /** Asserts that {@code ip}, parsed from what this spec built, shows every field of the spec. */
    void verify(Ipv6Packet ip, PacketBuffer buffer) throws Exception {
        Ipv6Header h = ip.header();
        assertThat(h.version()).isEqualTo(6);
        assertThat(h.dscp()).isEqualTo(dscp);
        assertThat(h.ecn()).isEqualTo(ecn);
        assertThat(h.flowLabel()).isEqualTo(flowLabel);
        assertThat(h.hopLimit()).isEqualTo(hopLimit);
        assertThat(ip.source()).isEqualTo(source);
        assertThat(ip.destination()).isEqualTo(destination);
        assertThat(ip.extensionHeaderCount()).isEqualTo(chain.size());
        assertThat(ip.transportProtocolValue()).isEqualTo(upper);
        Ext last = chain.isEmpty() ? null : chain.get(chain.size() - 1);
        boolean fragment = last instanceof Fragment f && (f.offset() != 0 || f.more());
        assertThat(ip.isFragment()).isEqualTo(fragment);
        assertThat(ip.payloadLength()).isEqualTo(payload.length);
        assertThat(Arrays.copyOfRange(ip.array(), ip.payloadOffset(), ip.payloadOffset() + payload.length)).isEqualTo(payload);
        assertThat(buffer.bodyStart()).isEqualTo(ip.payloadOffset());
        assertThat(buffer.bodyLength()).isEqualTo(payload.length);
        assertThat(h.payloadLength()).isEqualTo(ip.headerLength() - Ipv6Header.FIXED_LENGTH + payload.length);
        int alert = -1;
        Ipv6Address finalDestination = destination;
        for (int i = 0; i < chain.size(); i++) {
            Ext ext = chain.get(i);
            assertThat(ip.extensionHeaderTypeValue(i)).isEqualTo(typeOf(ext));
            int next = i + 1 < chain.size() ? typeOf(chain.get(i + 1)) : upper;
            PacketBuffer at = PacketBuffer.wrap(ip.array(), ip.extensionHeaderOffset(i), ip.extensionHeaderLength(i));
            if (ext instanceof HopByHop hbh) {
                HopByHopOptions v = HopByHopOptions.parse(at);
                assertThat(v.nextHeaderValue()).isEqualTo(next);
                checkOptions(v.options(), hbh.options(), Ipv6Options.PADN);
                for (Option o : hbh.options()) {
                    if (o.type() == Ipv6Options.ROUTER_ALERT) {
                        alert = (o.value()[0] & 0xFF) << 8 | (o.value()[1] & 0xFF);
                    }
                }
            } else if (ext instanceof Destination d) {
                DestinationOptions v = DestinationOptions.parse(at);
                assertThat(v.nextHeaderValue()).isEqualTo(next);
                checkOptions(v.options(), d.options(), Ipv6Options.PADN);
            } else if (ext instanceof Type0 t) {
                Type0RoutingHeader v = Type0RoutingHeader.parse(at);
                assertThat(v.nextHeaderValue()).isEqualTo(next);
                assertThat(v.segmentsLeft()).isEqualTo(t.segmentsLeft());
                assertThat(v.reserved()).isEqualTo(t.reserved());
                assertThat(v.headerExtensionLength()).isEqualTo(2 * t.addresses().size());
                for (int a = 0; a < t.addresses().size(); a++) {
                    assertThat(RoutingHeaders.type0Address(v, a)).isEqualTo(t.addresses().get(a));
                }
                if (t.segmentsLeft() > 0) {
                    finalDestination = t.addresses().get(t.addresses().size() - 1);
                }
            } else if (ext instanceof Srh s) {
                SegmentRoutingHeader v = SegmentRoutingHeader.parse(at);
                assertThat(v.nextHeaderValue()).isEqualTo(next);
                assertThat(v.segmentsLeft()).isEqualTo(s.segmentsLeft());
                assertThat(v.flags()).isEqualTo(s.flags());
                assertThat(v.tag()).isEqualTo(s.tag());
                assertThat(v.lastEntry()).isEqualTo(s.segments().size() - 1);
                assertThat(RoutingHeaders.segmentCount(v)).isEqualTo(s.segments().size());
                for (int a = 0; a < s.segments().size(); a++) {
                    assertThat(RoutingHeaders.segment(v, a)).isEqualTo(s.segments().get(a));
                }
                OptionsIterator tlvs = new OptionsIterator();
                assertThat(RoutingHeaders.segmentRoutingTlvs(v, tlvs)).isTrue();
                checkOptions(tlvs, s.tlvs(), RoutingHeaders.SRH_PADN);
                if (s.segmentsLeft() > 0) {
                    finalDestination = s.segments().get(0);
                }
            } else if (ext instanceof Opaque o) {
                RoutingHeader v = RoutingHeader.parse(at);
                assertThat(v.nextHeaderValue()).isEqualTo(next);
                assertThat(v.routingType()).isEqualTo(o.routingType());
                assertThat(v.segmentsLeft()).isZero();
                assertThat(v.typeSpecificData()).isEqualTo(o.typeSpecific());
                assertThat(Arrays.copyOfRange(v.array(), RoutingHeaders.dataOffset(v),
                        RoutingHeaders.dataOffset(v) + RoutingHeaders.dataLength(v))).isEqualTo(o.data());
            } else {
                Fragment f = (Fragment) ext;
                FragmentHeader v = FragmentHeader.parse(at);
                assertThat(v.nextHeaderValue()).isEqualTo(next);
                assertThat(v.fragmentOffset()).isEqualTo(f.offset());
                assertThat(v.moreFragments()).isEqualTo(f.more());
                assertThat(v.identification()).isEqualTo(f.identification());
                assertThat(v.reserved()).isEqualTo(f.reserved());
                assertThat(v.reservedBits()).isEqualTo(f.reservedBits());
            }
        }
        assertThat(ip.routerAlert()).isEqualTo(alert);
        assertThat(ip.pseudoHeaderDestination()).isEqualTo(finalDestination);
        assertThat(ip.isJumbogram()).isFalse();
    }

    /** The parsed options are the spec's, then only padding (Pad1 / PadN of {@code padN}) up to the 8-byte boundary. */
    private static void checkOptions(OptionsIterator parsed, List<Option> expected, int padN) {
        for (Option o : expected) {
            assertThat(parsed.next()).isTrue();
            assertThat(parsed.kind()).isEqualTo(o.type());
            if (o.value() == null) {
                assertThat(parsed.length()).isEqualTo(1);
            } else {
                assertThat(Arrays.copyOfRange(parsed.array(), parsed.valueOffset(), parsed.valueOffset() + parsed.valueLength()))
                        .isEqualTo(o.value());
            }
        }
        while (parsed.next()) {
            assertThat(parsed.kind()).as("padding after the options").isIn(0, padN);
        }
    }

    @Override
    public String toString() {
        return "ChainSpec[" + chain + ", upper=" + upper + ", payload=" + payload.length + "]";
    }
}
