package io.zerowire.processor.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import io.zerowire.serialize.Serializer;
import io.zerowire.serialize.SizeLimitExceededException;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * A byte order chosen at parse time ({@code Endian.AT_PARSE}): one pcap file header layout reads
 * and builds both orders as its big- and little-endian twins do, a record header takes its order
 * at wrap, and a pcapng section start finds its order from its byte-order mark.
 */
class ParseOrderTest {
    /**
     * A pcap file header (link type 1, snap length 65535) and one record (1700000000 s, 123456 us, 5 of
     * 60 bytes, deadbeef01), made with scapy 2.5 in each order:
     * <pre>
     * /usr/bin/python3 -c 'from scapy.all import *; import io
     * for e in ("&lt;", "&gt;"):
     *     f = io.BytesIO(); w = RawPcapWriter(f, linktype=1, endianness=e, snaplen=65535, nano=False)
     *     w.write_header(None); w._write_packet(b"\xde\xad\xbe\xef\x01", sec=1700000000, usec=123456, caplen=5, wirelen=60)
     *     w.flush(); print(e, f.getvalue().hex())'
     * </pre>
     */
    private static final String SCAPY_LITTLE = "d4c3b2a1020004000000000000000000ffff000001000000"
            + "00f1536540e20100050000003c000000deadbeef01";
    private static final String SCAPY_BIG = "a1b2c3d40002000400000000000000000000ffff00000001"
            + "6553f1000001e240000000050000003cdeadbeef01";

    private static ByteOrder order(boolean little) {
        return little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
    }

    @Example
    void readsScapysFilesInBothOrders() throws ParseException {
        for (boolean little : new boolean[] {false, true}) {
            PacketBuffer file = PacketBuffer.wrap(HexFormat.of().parseHex(little ? SCAPY_LITTLE : SCAPY_BIG));
            CaptureHeader header = new CaptureHeader().wrap(file, order(little));
            assertThat(header.magic()).isEqualTo(0xA1B2C3D4L);
            assertThat(header.versionMajor()).isEqualTo(2);
            assertThat(header.versionMinor()).isEqualTo(4);
            assertThat(header.snapLength()).isEqualTo(65535);
            assertThat(header.linkType()).isEqualTo(1);
            assertThat(header.fcsPresent()).isFalse();
            assertThat(header.byteOrder()).isEqualTo(order(little));
            CaptureRecord record = CaptureRecord.parse(PacketBuffer.wrap(file.array(), 24, 21), order(little));
            assertThat(record.timestampSeconds()).isEqualTo(1_700_000_000L);
            assertThat(record.timestampFraction()).isEqualTo(123_456L);
            assertThat(record.includedLength()).isEqualTo(5);
            assertThat(record.originalLength()).isEqualTo(60);
            assertThat(record.bodyLength()).isEqualTo(5);
            assertThat(record.bodyOffset()).isEqualTo(40);
        }
    }

    @Example
    void buildsScapysFilesInBothOrders() {
        for (boolean little : new boolean[] {false, true}) {
            CaptureHeaderBuilder header = new CaptureHeaderBuilder().byteOrder(order(little)).magic(0xA1B2C3D4L)
                    .versionMinor(4).snapLength(65535).linkTypeWord(1);
            CaptureRecordBuilder record = new CaptureRecordBuilder().byteOrder(order(little))
                    .timestampSeconds(1_700_000_000L).timestampFraction(123_456L).originalLength(60);
            byte[] bytes = Packets.build(Packets.build(HexFormat.of().parseHex("deadbeef01"), record), header);
            assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(little ? SCAPY_LITTLE : SCAPY_BIG);
        }
    }

    /** Random values through the builder in either order read back equal, and the bytes are the twin layout's. */
    @Property(tries = 300)
    void eitherOrderBuildsTheTwinsBytesAndReadsBack(@ForAll boolean little,
            @ForAll @LongRange(max = 0xFFFF_FFFFL) long magic, @ForAll @IntRange(max = 0xFFFF) int minor,
            @ForAll int zone, @ForAll @LongRange(max = 0xFFFF_FFFFL) long sigFigs,
            @ForAll @LongRange(max = 0xFFFF_FFFFL) long snap, @ForAll @LongRange(max = 0xFFFF_FFFFL) long word,
            @ForAll @IntRange(max = 9) int body) throws ParseException {
        byte[] payload = Packets.payload(body);
        byte[] built = Packets.build(payload, new CaptureHeaderBuilder().byteOrder(order(little)).magic(magic)
                .versionMinor(minor).thisZone(zone).sigFigs(sigFigs).snapLength(snap).linkTypeWord(word));
        byte[] twin = little
                ? Packets.build(payload, new CaptureHeaderLeBuilder().magic(magic).versionMinor(minor).thisZone(zone)
                        .sigFigs(sigFigs).snapLength(snap).linkTypeWord(word))
                : Packets.build(payload, new CaptureHeaderBeBuilder().magic(magic).versionMinor(minor).thisZone(zone)
                        .sigFigs(sigFigs).snapLength(snap).linkTypeWord(word));
        assertThat(built).isEqualTo(twin);

        CaptureHeader view = CaptureHeader.parse(PacketBuffer.wrap(built), order(little));
        assertThat(view.magic()).isEqualTo(magic);
        assertThat(view.versionMajor()).isEqualTo(2);
        assertThat(view.versionMinor()).isEqualTo(minor);
        assertThat(view.thisZone()).isEqualTo(zone);
        assertThat(view.sigFigs()).isEqualTo(sigFigs);
        assertThat(view.snapLength()).isEqualTo(snap);
        assertThat(view.linkTypeWord()).isEqualTo(word);
        assertThat(view.linkType()).isEqualTo((int) (word & 0xFFFF));
        assertThat(view.fcsLength()).isEqualTo((int) (word >>> 28));
        assertThat(view.bodyLength()).isEqualTo(body);

        // The same bytes swapped word by word read the same values in the other order.
        byte[] swapped = swapWords(built);
        CaptureHeader other = CaptureHeader.parse(PacketBuffer.wrap(swapped), order(!little));
        assertThat(other.magic()).isEqualTo(magic);
        assertThat(other.versionMinor()).isEqualTo(minor);
        assertThat(other.thisZone()).isEqualTo(zone);
        assertThat(other.linkTypeWord()).isEqualTo(word);
    }

    /** The header's bytes with each field's bytes reversed, as the other byte order stores them. */
    private static byte[] swapWords(byte[] packet) {
        byte[] swapped = packet.clone();
        int[] widths = {4, 2, 2, 4, 4, 4, 4};
        int at = 0;
        for (int width : widths) {
            for (int i = 0; i < width; i++) {
                swapped[at + i] = packet[at + width - 1 - i];
            }
            at += width;
        }
        return swapped;
    }

    /** The in-place setters write in the order the view was wrapped with. */
    @Property(tries = 100)
    void settersWriteInTheWrappedOrder(@ForAll boolean little, @ForAll @LongRange(max = 0xFFFF_FFFFL) long snap)
            throws ParseException {
        byte[] bytes = HexFormat.of().parseHex(little ? SCAPY_LITTLE : SCAPY_BIG);
        CaptureHeader view = CaptureHeader.parse(PacketBuffer.wrap(bytes), order(little));
        view.setSnapLength(snap);
        long stored = little
                ? (bytes[16] & 0xFFL) | (bytes[17] & 0xFFL) << 8 | (bytes[18] & 0xFFL) << 16 | (bytes[19] & 0xFFL) << 24
                : (bytes[19] & 0xFFL) | (bytes[18] & 0xFFL) << 8 | (bytes[17] & 0xFFL) << 16 | (bytes[16] & 0xFFL) << 24;
        assertThat(stored).isEqualTo(snap);
        assertThat(view.snapLength()).isEqualTo(snap);
    }

    /** A record cut short anywhere, in either order, is a typed error that leaves the buffer as it was. */
    @Property(tries = 42, generation = net.jqwik.api.GenerationMode.EXHAUSTIVE)
    void truncationAtEveryLengthIsATypedError(@ForAll boolean little, @ForAll @IntRange(max = 20) int length) {
        byte[] full = Arrays.copyOfRange(HexFormat.of().parseHex(little ? SCAPY_LITTLE : SCAPY_BIG), 24, 45);
        PacketBuffer buffer = Packets.placed(Arrays.copyOf(full, length), 3, 2, 0);
        int position = buffer.position();
        int start = buffer.bodyStart();
        int remaining = buffer.bodyLength();
        byte[] before = buffer.array().clone();
        assertThatThrownBy(() -> new CaptureRecord().wrap(buffer, order(little)))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ParseErrorKind.MALFORMED);
                    assertThat(e.field()).isEqualTo(length < 16 ? "" : "includedLength");
                    assertThat(e.offset()).isEqualTo(position + (length < 16 ? 0 : 8));
                });
        assertThat(buffer.position()).isEqualTo(position);
        assertThat(buffer.bodyStart()).isEqualTo(start);
        assertThat(buffer.bodyLength()).isEqualTo(remaining);
        assertThat(buffer.array()).isEqualTo(before);
    }

    /** Built over 0x00 and over 0xFF, in either order, the bytes are the same, and the length is the body's. */
    @Property(tries = 200)
    void zerosAndOnesGiveTheSameBytes(@ForAll boolean little, @ForAll @LongRange(max = 0xFFFF_FFFFL) long seconds,
            @ForAll @LongRange(max = 0xFFFF_FFFFL) long original, @ForAll @IntRange(max = 30) int body,
            @ForAll @IntRange(max = 40) int slack) throws SizeLimitExceededException, ParseException {
        Serializer serializer = Serializer.of(Packets.payload(body)).encapsulate(new CaptureRecordBuilder()
                .byteOrder(order(little)).timestampSeconds(seconds).originalLength(original));
        byte[] fresh = serializer.serialize().toByteArray();
        assertThat(ReflectiveLayout.serializeInto(serializer, fresh.length + slack, (byte) 0)).isEqualTo(fresh);
        assertThat(ReflectiveLayout.serializeInto(serializer, fresh.length + slack, (byte) 0xFF)).isEqualTo(fresh);
        CaptureRecord view = CaptureRecord.parse(PacketBuffer.wrap(fresh), order(little));
        assertThat(view.includedLength()).isEqualTo(body);
        assertThat(view.bodyLength()).isEqualTo(body);
        assertThat(view.timestampSeconds()).isEqualTo(seconds);
        assertThat(view.originalLength()).isEqualTo(original);
    }

    /** The byte-order mark picks the order; a reused view shows the new one, never the last packet's. */
    @Property(tries = 100)
    void byteOrderMarkPicksTheOrder(@ForAll boolean little, @ForAll @LongRange(max = 0xFFFF_FFFFL) long length,
            @ForAll @IntRange(max = 0xFFFF) int minor) throws ParseException {
        byte[] bytes = Packets.build(new byte[0], new SectionStartBuilder().byteOrder(order(little))
                .blockTotalLength(length).minorVersion(minor));
        assertThat(bytes[8]).isEqualTo(little ? (byte) 0x4D : (byte) 0x1A);
        SectionStart view = new SectionStart();
        view.wrap(PacketBuffer.wrap(Packets.build(new byte[0], new SectionStartBuilder().byteOrder(order(!little)))));
        view.wrap(PacketBuffer.wrap(bytes));
        assertThat(view.byteOrder()).isEqualTo(order(little));
        assertThat(view.byteOrderMagic()).isEqualTo(0x1A2B3C4DL);
        assertThat(view.blockTotalLength()).isEqualTo(length);
        assertThat(view.minorVersion()).isEqualTo(minor);
        assertThat(view.majorVersion()).isEqualTo(1);
    }

    /** Anything but the mark in one order or the other is malformed, naming the mark. */
    @Property(tries = 200)
    void anyOtherMarkIsMalformed(@ForAll @LongRange(max = 0xFFFF_FFFFL) long mark) {
        if (mark == 0x1A2B3C4DL || mark == 0x4D3C2B1AL) {
            return;
        }
        byte[] bytes = Packets.build(new byte[0], new SectionStartBuilder());
        bytes[8] = (byte) (mark >>> 24);
        bytes[9] = (byte) (mark >>> 16);
        bytes[10] = (byte) (mark >>> 8);
        bytes[11] = (byte) mark;
        PacketBuffer buffer = PacketBuffer.wrap(bytes);
        assertThatThrownBy(() -> SectionStart.parse(buffer)).isInstanceOfSatisfying(ParseException.class, e -> {
            assertThat(e.kind()).isEqualTo(ParseErrorKind.MALFORMED);
            assertThat(e.field()).isEqualTo("byteOrderMagic");
            assertThat(e.offset()).isEqualTo(8);
        });
        assertThat(buffer.bodyLength()).isEqualTo(16);
    }

    /** In the order the mark says, the other constants are checked too: the major version read swapped is not 1. */
    @Example
    void constantsAreCheckedInTheMarkedOrder() {
        byte[] bytes = Packets.build(new byte[0], new SectionStartBuilder().byteOrder(ByteOrder.LITTLE_ENDIAN));
        bytes[12] = 0;
        bytes[13] = 1;   // 1 big-endian, 256 in the little-endian section the mark says
        assertThatThrownBy(() -> SectionStart.parse(PacketBuffer.wrap(bytes)))
                .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.field()).isEqualTo("majorVersion"));
    }
}
