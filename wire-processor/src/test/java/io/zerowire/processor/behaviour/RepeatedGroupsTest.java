package io.zerowire.processor.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.checksum.InternetChecksum;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import io.zerowire.serialize.PacketBuilder;
import io.zerowire.serialize.Serializer;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Repeated groups ({@code @Repeated}) on three real headers: an IGMPv3 query's sources counted by
 * Number of Sources under the checksum (RFC 3376 4.1), the Segment Routing Header's segments,
 * Last Entry + 1 of them within the header length (RFC 8754), and an MPLS label stack that runs to
 * the entry whose S bit is set (RFC 3032). Each parses and builds scapy's bytes.
 */
class RepeatedGroupsTest {
    /**
     * scapy 2.5: {@code raw(IGMPv3(type=0x11, mrcode=100)/IGMPv3mq(gaddr="239.1.2.3", s=1, qrv=2, qqic=125,
     * srcaddrs=["10.0.0.1", "192.168.1.20", "172.16.5.9"]))} (scapy computes the checksum, 0x763f).
     */
    private static final String IGMP_QUERY = "1164763fef0102030a7d00030a000001c0a80114ac100509";
    private static final List<Ipv4Address> IGMP_SOURCES = List.of(Ipv4Address.of(10, 0, 0, 1),
            Ipv4Address.of(192, 168, 1, 20), Ipv4Address.of(172, 16, 5, 9));

    /**
     * scapy 2.5: {@code raw(MPLS(label=16, cos=5, s=0, ttl=64)/MPLS(label=1048575, cos=0, s=0, ttl=1)
     * /MPLS(label=3, cos=7, s=1, ttl=255))}.
     */
    private static final String MPLS_STACK = "00010a40fffff00100003fff";

    /**
     * scapy 2.5: {@code raw(IPv6ExtHdrSegmentRouting(nh=41, addresses=["2001:db8::1", "2001:db8:0:1::2",
     * "fe80::abcd"], segleft=2, tag=0x1234))} (scapy derives len = 6 and lastentry = 2).
     */
    private static final String SRH = "290604020200123420010db800000000000000000000000120010db8000000010000000000000002"
            + "fe80000000000000000000000000abcd";
    private static final List<Ipv6Address> SRH_SEGMENTS = List.of(Ipv6Address.parse("2001:db8::1"),
            Ipv6Address.parse("2001:db8:0:1::2"), Ipv6Address.parse("fe80::abcd"));

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    // ---- scapy ----

    @Example
    void anIgmpQueryParsesLikeScapy() throws ParseException {
        byte[] bytes = hex(IGMP_QUERY);
        IgmpV3Query view = IgmpV3Query.parse(PacketBuffer.wrap(bytes));
        assertThat(view.numberOfSources()).isEqualTo(3);
        assertThat(view.sourcesCount()).isEqualTo(3);
        assertThat(view.headerLength()).isEqualTo(24);
        assertThat(view.bodyLength()).isZero();
        assertThat(view.sources()).isEqualTo(IGMP_SOURCES);
        for (int i = 0; i < 3; i++) {
            assertThat(view.sources(i)).isEqualTo(IGMP_SOURCES.get(i));
            assertThat(view.sourcesBits(i)).isEqualTo(IGMP_SOURCES.get(i).bits());
            assertThat(view.sourcesOffset(i)).isEqualTo(12 + 4 * i);
        }
        assertThatThrownBy(() -> view.sources(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(view.groupAddress()).isEqualTo(Ipv4Address.of(239, 1, 2, 3));
        assertThat(view.suppressRouterProcessing()).isTrue();
        assertThat(view.querierRobustness()).isEqualTo(2);
        assertThat(view.querierQueryInterval()).isEqualTo(125);
        // The checksum covers the sources: wrap verified it, and a changed source breaks it.
        assertThat(view.checksumValid()).isTrue();
        bytes[23] ^= 1;
        assertThatThrownBy(() -> IgmpV3Query.parse(PacketBuffer.wrap(bytes)))
                .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.kind()).isEqualTo(ParseErrorKind.CHECKSUM));
    }

    @Example
    void anIgmpQueryBuildsScapysBytes() throws ParseException {
        IgmpV3QueryBuilder builder = new IgmpV3QueryBuilder().maxResponseCode(100).groupAddress(Ipv4Address.of(239, 1, 2, 3))
                .suppressRouterProcessing(true).querierRobustness(2).querierQueryInterval(125).sources(IGMP_SOURCES);
        assertThat(hex(Packets.build(new byte[0], builder))).isEqualTo(IGMP_QUERY);
        IgmpV3QueryBuilder copy = new IgmpV3QueryBuilder().numberOfSources(9)
                .copyFrom(IgmpV3Query.parse(PacketBuffer.wrap(hex(IGMP_QUERY))));
        assertThat(hex(Packets.build(new byte[0], copy))).isEqualTo(IGMP_QUERY);
    }

    @Example
    void anMplsStackParsesAndBuildsLikeScapy() throws ParseException {
        byte[] bytes = hex(MPLS_STACK + "4500");
        MplsStack view = MplsStack.parse(PacketBuffer.wrap(bytes));
        assertThat(view.labelsCount()).isEqualTo(3);
        assertThat(view.headerLength()).isEqualTo(12);
        assertThat(view.bodyLength()).isEqualTo(2);
        int[][] expected = {{16, 5, 0, 64}, {1048575, 0, 0, 1}, {3, 7, 1, 255}};
        for (int i = 0; i < 3; i++) {
            MplsEntry entry = view.labels(i);
            assertThat(new int[] {entry.label(), entry.trafficClass(), entry.bottomOfStack() ? 1 : 0, entry.ttl()})
                    .isEqualTo(expected[i]);
        }
        // The one element view is re-pointed: the copies are views of their own.
        assertThat(view.labels(0)).isSameAs(view.labels(2));
        assertThat(view.labels()).extracting(MplsEntryLayout::label).containsExactly(16, 1048575, 3);

        List<MplsEntryBuilder> entries = new ArrayList<>();
        for (int[] e : expected) {
            // The S bits given are wrong on purpose: the builder derives them from the list.
            entries.add(new MplsEntryBuilder().label(e[0]).trafficClass(e[1]).bottomOfStack(e[2] == 0).ttl(e[3]));
        }
        assertThat(hex(Packets.build(hex("4500"), new MplsStackBuilder().labels(entries)))).isEqualTo(MPLS_STACK + "4500");
        MplsStackBuilder copy = new MplsStackBuilder().copyFrom(view);
        assertThat(hex(Packets.build(hex("4500"), copy))).isEqualTo(MPLS_STACK + "4500");
    }

    @Example
    void aSegmentRoutingHeaderParsesAndBuildsLikeScapy() throws ParseException {
        byte[] bytes = hex(SRH);
        SegmentRouting view = SegmentRouting.parse(PacketBuffer.wrap(bytes));
        assertThat(view.lastEntry()).isEqualTo(2);
        assertThat(view.segmentsCount()).isEqualTo(3);
        assertThat(view.segments()).isEqualTo(SRH_SEGMENTS);
        assertThat(view.segments(1)).isEqualTo(SRH_SEGMENTS.get(1));
        assertThat(view.headerLength()).isEqualTo(56);
        SegmentRoutingBuilder builder = new SegmentRoutingBuilder().nextHeader(41).segmentsLeft(2).tag(0x1234)
                .segments(SRH_SEGMENTS);
        assertThat(hex(Packets.build(new byte[0], builder))).isEqualTo(SRH);
    }

    @Example
    void segmentsWithinALongerHeaderLeaveTheRestInTheHeader() throws ParseException {
        // Hdr Ext Len 8 (72 bytes), Last Entry 2: 16 bytes of TLVs after the segments stay in the header.
        byte[] bytes = hex(SRH.replaceFirst("^2906", "2908") + "0".repeat(32) + "abcd");
        SegmentRouting view = SegmentRouting.parse(PacketBuffer.wrap(bytes));
        assertThat(view.headerLength()).isEqualTo(72);
        assertThat(view.segmentsCount()).isEqualTo(3);
        assertThat(view.bodyLength()).isEqualTo(2);
        // Segments past the header length are malformed even when the buffer holds them.
        byte[] tooMany = hex(SRH.replaceFirst("^290604020200", "290404020200"));
        assertThatThrownBy(() -> SegmentRouting.parse(PacketBuffer.wrap(tooMany)))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ParseErrorKind.MALFORMED);
                    assertThat(e.field()).isEqualTo("segments");
                    assertThat(e.getMessage()).contains("3 elements of 16 bytes run past the header length");
                });
    }

    // ---- bounds and explicit overrides ----

    @Example
    void aCountPastTheBoundIsUnsupported() {
        byte[] igmp = new byte[12 + 367 * 4];
        igmp[0] = 0x11;
        igmp[10] = 0x01;
        igmp[11] = 0x6F; // 367 sources, one more than the bound
        assertThatThrownBy(() -> IgmpV3Query.parseUnverified(PacketBuffer.wrap(igmp)))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ParseErrorKind.UNSUPPORTED);
                    assertThat(e.field()).isEqualTo("numberOfSources");
                    assertThat(e.offset()).isEqualTo(10);
                    assertThat(e.getMessage()).contains("367 elements, more than the 366 this layout accepts");
                });
        igmp[11] = 0x6E;
        assertThat(catchParse(() -> IgmpV3Query.parseUnverified(PacketBuffer.wrap(igmp)))).isNull();

        byte[] srh = new byte[8 + 65 * 16];
        srh[1] = (byte) 130;
        srh[2] = 4;
        srh[4] = 64; // Last Entry 64: 65 segments, one more than the bound
        assertThatThrownBy(() -> SegmentRouting.parse(PacketBuffer.wrap(srh)))
                .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.kind()).isEqualTo(ParseErrorKind.UNSUPPORTED));
    }

    @Example
    void aStackWithoutItsBottomIsUnsupportedPastTheBoundAndMalformedPastTheBuffer() {
        byte[] seventeen = new byte[17 * 4]; // S never set
        assertThatThrownBy(() -> MplsStack.parse(PacketBuffer.wrap(seventeen)))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ParseErrorKind.UNSUPPORTED);
                    assertThat(e.field()).isEqualTo("labels");
                    assertThat(e.getMessage()).contains("no element with bottomOfStack set among the 16");
                });
        byte[] five = new byte[5 * 4 + 3];
        assertThatThrownBy(() -> MplsStack.parse(PacketBuffer.wrap(five)))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ParseErrorKind.MALFORMED);
                    assertThat(e.offset()).isEqualTo(20);
                });
        byte[] sixteenth = new byte[16 * 4];
        sixteenth[15 * 4 + 2] = 1; // S on the 16th entry: exactly the bound
        assertThat(catchParse(() -> MplsStack.parse(PacketBuffer.wrap(sixteenth)))).isNull();
    }

    @Example
    void theBuilderRefusesWhatTheCountCannotSayOrTheParserWouldReject() {
        List<Ipv4Address> tooMany = java.util.Collections.nCopies(367, Ipv4Address.of(1, 2, 3, 4));
        assertThatThrownBy(() -> new IgmpV3QueryBuilder().sources(tooMany)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sources takes 0 to 366 elements, was 367");
        // Last Entry cannot say "no segments".
        assertThatThrownBy(() -> new SegmentRoutingBuilder().segments(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("segments takes 1 to 64 elements, was 0");
        assertThatThrownBy(() -> new MplsStackBuilder().labels(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MplsStackBuilder().labels(java.util.Collections.nCopies(17, new MplsEntryBuilder())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Example
    void anExplicitCountIsWrittenAsGivenForInvalidTestPackets() {
        byte[] bytes = Packets.build(new byte[0], new IgmpV3QueryBuilder().sources(IGMP_SOURCES.subList(0, 2))
                .numberOfSources(5));
        assertThat(hex(bytes).substring(20, 24)).isEqualTo("0005");
        assertThat(bytes).hasSize(20);
        assertThatThrownBy(() -> IgmpV3Query.parse(PacketBuffer.wrap(bytes)))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ParseErrorKind.MALFORMED);
                    assertThat(e.field()).isEqualTo("sources");
                });
    }

    @Example
    void theViewHasNoInPlaceSetterForACount() {
        // Setting it would make the count disagree with the elements wrap found (and the header length).
        assertThat(Arrays.stream(IgmpV3Query.class.getMethods()).map(java.lang.reflect.Method::getName))
                .contains("setMaxResponseCode").doesNotContain("setNumberOfSources");
        assertThat(Arrays.stream(SegmentRouting.class.getMethods()).map(java.lang.reflect.Method::getName))
                .contains("setTag").doesNotContain("setLastEntry");
    }

    @Example
    void aReusedViewShowsOnlyTheLastPacketsElements() throws ParseException {
        MplsStack view = new MplsStack();
        view.wrap(PacketBuffer.wrap(hex(MPLS_STACK)));
        assertThat(view.labelsCount()).isEqualTo(3);
        view.wrap(PacketBuffer.wrap(hex("0000a1ff")));
        assertThat(view.labelsCount()).isEqualTo(1);
        assertThat(view.labels(0).label()).isEqualTo(10);
        assertThatThrownBy(() -> view.labels(1)).isInstanceOf(IndexOutOfBoundsException.class);
        // A failed wrap leaves the view on the last good packet.
        assertThatThrownBy(() -> view.wrap(PacketBuffer.wrap(hex("00000000")))).isInstanceOf(ParseException.class);
        assertThat(view.labelsCount()).isEqualTo(1);
        assertThat(view.labels(0).ttl()).isEqualTo(0xFF);
    }

    // ---- properties ----

    @Property(tries = 200)
    void builtSourcesReadBack(@ForAll @Size(max = 40) List<@IntRange(min = Integer.MIN_VALUE) Integer> bits,
            @ForAll @IntRange(max = 255) int code) throws ParseException {
        List<Ipv4Address> sources = bits.stream().map(Ipv4Address::of).toList();
        IgmpV3QueryBuilder builder = new IgmpV3QueryBuilder().maxResponseCode(code).sources(sources);
        byte[] bytes = Packets.build(new byte[0], builder);
        IgmpV3Query view = IgmpV3Query.parse(PacketBuffer.wrap(bytes));
        assertThat(view.numberOfSources()).isEqualTo(sources.size());
        assertThat(view.sources()).isEqualTo(sources);
        assertThat(view.headerLength()).isEqualTo(12 + 4 * sources.size());
        assertThat(InternetChecksum.verify(bytes, 0, bytes.length)).isTrue();
        assertSameInAnyBuffer(builder, bytes);
    }

    @Property(tries = 200)
    void builtStacksReadBackWithTheBottomOnTheLastEntryOnly(
            @ForAll @Size(min = 1, max = 16) List<@IntRange(max = 0xFFFFF) Integer> labels,
            @ForAll @IntRange(max = 7) int trafficClass, @ForAll @IntRange(max = 255) int ttl) throws ParseException {
        List<MplsEntryBuilder> entries = new ArrayList<>();
        for (int label : labels) {
            entries.add(new MplsEntryBuilder().label(label).trafficClass(trafficClass).ttl(ttl).bottomOfStack(label % 2 == 0));
        }
        MplsStackBuilder builder = new MplsStackBuilder().labels(entries);
        byte[] bytes = Packets.build(Packets.payload(3), builder);
        MplsStack view = MplsStack.parse(PacketBuffer.wrap(bytes));
        assertThat(view.labelsCount()).isEqualTo(labels.size());
        assertThat(view.bodyLength()).isEqualTo(3);
        for (int i = 0; i < labels.size(); i++) {
            MplsEntry entry = view.labels(i);
            assertThat(entry.label()).isEqualTo(labels.get(i));
            assertThat(entry.trafficClass()).isEqualTo(trafficClass);
            assertThat(entry.ttl()).isEqualTo(ttl);
            assertThat(entry.bottomOfStack()).isEqualTo(i == labels.size() - 1);
        }
        assertSameInAnyBuffer(builder, Arrays.copyOf(bytes, bytes.length - 3));
    }

    @Property(tries = 100)
    void builtSegmentsReadBackWithLastEntryAndLengthDerived(
            @ForAll @Size(min = 1, max = 15) List<@IntRange(min = Integer.MIN_VALUE) Integer> seeds) throws ParseException {
        List<Ipv6Address> segments = seeds.stream().map(s -> Ipv6Address.of(0x2001_0db8_0000_0000L | (s & 0xFFFF_FFFFL),
                (long) s * 0x9E37_79B9_7F4A_7C15L)).toList();
        SegmentRoutingBuilder builder = new SegmentRoutingBuilder().segments(segments);
        byte[] bytes = Packets.build(new byte[0], builder);
        SegmentRouting view = SegmentRouting.parse(PacketBuffer.wrap(bytes));
        assertThat(view.lastEntry()).isEqualTo(segments.size() - 1);
        assertThat(view.headerExtensionLength()).isEqualTo(2 * segments.size());
        assertThat(view.segments()).isEqualTo(segments);
        assertSameInAnyBuffer(builder, bytes);
    }

    /** Every proper prefix is a typed MALFORMED error that leaves the buffer as it was. */
    @Property(tries = 100, generation = GenerationMode.EXHAUSTIVE)
    void truncationAtEveryLengthIsATypedError(@ForAll @IntRange(max = 55) int length) {
        assertTruncated(IGMP_QUERY, length, buffer -> IgmpV3Query.parse(buffer));
        assertTruncated(MPLS_STACK, length, buffer -> MplsStack.parse(buffer));
        assertTruncated(SRH, length, buffer -> SegmentRouting.parse(buffer));
    }

    @Example
    void readingTheElementsAllocatesNothing() throws ParseException {
        PacketBuffer mpls = PacketBuffer.wrap(hex(MPLS_STACK));
        PacketBuffer igmp = PacketBuffer.wrap(hex(IGMP_QUERY));
        MplsStack stack = new MplsStack();
        IgmpV3Query query = new IgmpV3Query();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long fewest = Long.MAX_VALUE;
        long sink = 0;
        for (int round = 0; round < 20; round++) {
            long before = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < 10_000; i++) {
                mpls.reset();
                stack.wrap(mpls);
                for (int e = 0; e < stack.labelsCount(); e++) {
                    sink += stack.labels(e).label();
                }
                igmp.reset();
                query.wrap(igmp);
                for (int e = 0; e < query.sourcesCount(); e++) {
                    sink += query.sourcesBits(e);
                }
            }
            fewest = Math.min(fewest, threads.getThreadAllocatedBytes(thread) - before);
        }
        assertThat(sink).isNotZero();
        assertThat(fewest).isZero();
    }

    // ---- helpers ----

    private interface Parse {
        Object parse() throws ParseException;
    }

    private static ParseException catchParse(Parse parse) {
        try {
            parse.parse();
            return null;
        } catch (ParseException e) {
            return e;
        }
    }

    private interface Wrap {
        void wrap(PacketBuffer buffer) throws ParseException;
    }

    private static void assertTruncated(String packet, int length, Wrap wrap) {
        byte[] full = hex(packet);
        if (length >= full.length) {
            return;
        }
        PacketBuffer buffer = Packets.placed(Arrays.copyOf(full, length), 3, 2, 0);
        int position = buffer.position();
        int start = buffer.bodyStart();
        int remaining = buffer.bodyLength();
        byte[] before = buffer.array().clone();
        assertThatThrownBy(() -> wrap.wrap(buffer)).isInstanceOfSatisfying(ParseException.class, e -> {
            assertThat(e.kind()).isEqualTo(ParseErrorKind.MALFORMED);
            assertThat(e.offset()).isBetween(position, position + length);
        });
        assertThat(buffer.position()).isEqualTo(position);
        assertThat(buffer.bodyStart()).isEqualTo(start);
        assertThat(buffer.bodyLength()).isEqualTo(remaining);
        assertThat(buffer.array()).isEqualTo(before);
    }

    /** Built into buffers prefilled with 0x00 and with 0xFF, the header comes out the same: every byte is written. */
    private static void assertSameInAnyBuffer(PacketBuilder builder, byte[] expected) {
        Consumer<Byte> check = fill -> assertThat(ReflectiveLayout.serializeInto(
                Serializer.of(new byte[0]).encapsulate(builder), expected.length + 8, fill)).isEqualTo(expected);
        check.accept((byte) 0x00);
        check.accept((byte) 0xFF);
    }
}
