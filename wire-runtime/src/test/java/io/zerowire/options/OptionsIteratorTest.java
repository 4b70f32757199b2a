package io.zerowire.options;

import static io.zerowire.options.OptionBytes.hex;
import static io.zerowire.options.OptionBytes.iterate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.zerowire.options.OptionBytes.Seen;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OptionsIteratorTest {

    private final OptionsIterator it = new OptionsIterator();

    /** Copies {@code region} into a larger array at index 7, with junk around it, to catch reads outside the region. */
    private static byte[] embed(byte[] region) {
        byte[] a = new byte[region.length + 14];
        Arrays.fill(a, (byte) 0xA5);
        System.arraycopy(region, 0, a, 7, region.length);
        return a;
    }

    @Test
    void linuxTcpSynOptions() throws ParseException {
        byte[] a = embed(OptionBytes.LINUX_TCP_SYN);
        it.reset(a, 7, 27, Formats.TCP, "tcp", 20);

        assertThat(it.count()).isEqualTo(5);
        assertThat(it.hasEndOfList()).isFalse();
        assertThat(it.listEnd()).isEqualTo(27);
        assertThat(iterate(it)).containsExactly(
                new Seen(2, 7, 4, 9, 2),      // MSS
                new Seen(4, 11, 2, 13, 0),    // SACK permitted
                new Seen(8, 13, 10, 15, 8),   // timestamps
                new Seen(1, 23, 1, 24, 0),    // NOP
                new Seen(3, 24, 3, 26, 1));   // window scale

        assertThat(it.find(2)).isTrue();
        assertThat(it.valueU16(0)).isEqualTo(1460);
        assertThat(it.find(8)).isTrue();
        assertThat(it.valueU32(0)).isEqualTo(0x6b8a2d0eL);
        assertThat(it.valueU32(4)).isZero();
        assertThat(it.find(3)).isTrue();
        assertThat(it.valueU8(0)).isEqualTo(7);
        assertThat(it.find(5)).isFalse();
        assertThat(it.kind()).isEqualTo(-1);
    }

    @Test
    void macosTcpSynStopsAtEndOfList() throws ParseException {
        it.reset(OptionBytes.MACOS_TCP_SYN, 0, 24, Formats.TCP, "tcp", 20);

        assertThat(iterate(it)).extracting(Seen::kind).containsExactly(2, 1, 3, 1, 1, 8, 4);
        assertThat(it.count()).isEqualTo(7);
        assertThat(it.hasEndOfList()).isTrue();
        assertThat(it.listEnd()).isEqualTo(22);
    }

    @Test
    void ipv4RouterAlert() throws ParseException {
        it.reset(OptionBytes.IPV4_ROUTER_ALERT, 0, 4, Formats.IPV4, "ipv4", 20);

        assertThat(iterate(it)).containsExactly(new Seen(0x94, 0, 4, 2, 2));
        it.rewind();
        assertThat(it.next()).isTrue();
        assertThat(it.valueU16(0)).isZero();
        assertThat(it.next()).isFalse();
    }

    @Test
    void ipv4RecordRouteThenEndOfList() throws ParseException {
        it.reset(OptionBytes.IPV4_RECORD_ROUTE, 0, 40, Formats.IPV4, "ipv4", 20);

        assertThat(iterate(it)).containsExactly(new Seen(7, 0, 39, 2, 37));
        assertThat(it.listEnd()).isEqualTo(39);
        assertThat(it.hasEndOfList()).isTrue();
    }

    @Test
    void ipv6HopByHopRouterAlertAndPadN() throws ParseException {
        byte[] header = hex("3a 00 05 02 00 00 01 00"); // next header ICMPv6, length 0 (8 bytes)
        it.reset(header, 2, 8, Formats.IPV6_EXTENSION, "ipv6-hop-by-hop", 42);

        assertThat(iterate(it)).containsExactly(
                new Seen(5, 2, 4, 4, 2),      // Router Alert
                new Seen(1, 6, 2, 8, 0));     // PadN, empty value
        assertThat(it.find(5)).isTrue();
        assertThat(it.valueU16(0)).isZero(); // 0 = MLD
    }

    @Test
    void ipv6Pad1IsSingleByte() throws ParseException {
        it.reset(hex("00 05 02 00 01 00 00 00"), 0, 8, Formats.IPV6_EXTENSION, "ipv6", 0);
        assertThat(iterate(it)).containsExactly(
                new Seen(0, 0, 1, 1, 0),
                new Seen(5, 1, 4, 3, 2),
                new Seen(0, 5, 1, 6, 0),
                new Seen(0, 6, 1, 7, 0),
                new Seen(0, 7, 1, 8, 0));
    }

    @Test
    void ndpSourceLinkLayerAddressAndMtu() throws ParseException {
        it.reset(OptionBytes.NDP_RA_OPTIONS, 0, 16, Formats.NDP, "icmpv6", 16);

        assertThat(iterate(it)).containsExactly(
                new Seen(1, 0, 8, 2, 6),
                new Seen(5, 8, 8, 10, 6));
        assertThat(it.find(1)).isTrue();
        byte[] mac = Arrays.copyOfRange(it.array(), it.valueOffset(), it.valueOffset() + it.valueLength());
        assertThat(mac).isEqualTo(OptionBytes.MAC);
        assertThat(it.find(5)).isTrue();
        assertThat(it.valueU32(2)).isEqualTo(1500);
    }

    @Test
    void pcapngOptionsInBothByteOrders() throws ParseException {
        for (var format : new OptionFormat[] {Formats.PCAPNG_BIG_ENDIAN, Formats.PCAPNG_LITTLE_ENDIAN}) {
            byte[] bytes = format == Formats.PCAPNG_BIG_ENDIAN ? OptionBytes.PCAPNG_IDB_BE : OptionBytes.PCAPNG_IDB_LE;
            it.reset(bytes, 0, bytes.length, format, "pcapng", 16);

            assertThat(iterate(it)).as(format.name()).containsExactly(
                    new Seen(2, 0, 8, 4, 4),      // if_name "eth0"
                    new Seen(9, 8, 8, 12, 1));    // if_tsresol: 1 byte, padded to 4
            assertThat(it.hasEndOfList()).isTrue();
            assertThat(it.listEnd()).isEqualTo(16);
            assertThat(it.find(9)).isTrue();
            assertThat(it.valueU8(0)).isEqualTo(6);
            assertThatThrownBy(() -> it.valueU8(1)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Test
    void pcapngValuesReadInTheSectionByteOrder() throws ParseException {
        // if_speed (code 8), 8 bytes: 1 Gbit/s; if_fcslen (13) 1 byte
        byte[] le = hex("08 00 08 00 00 ca 9a 3b 00 00 00 00  0d 00 01 00 04 00 00 00");
        byte[] be = hex("00 08 00 08 00 00 00 00 3b 9a ca 00  00 0d 00 01 04 00 00 00");
        it.reset(le, 0, le.length, Formats.PCAPNG_LITTLE_ENDIAN, "pcapng", 0);
        assertThat(it.find(8)).isTrue();
        assertThat(it.valueI64(0)).isEqualTo(1_000_000_000L);
        assertThat(it.valueU32(0)).isEqualTo(1_000_000_000L);
        assertThat(it.valueU16(0)).isEqualTo(0xca00);
        it.reset(be, 0, be.length, Formats.PCAPNG_BIG_ENDIAN, "pcapng", 0);
        assertThat(it.find(8)).isTrue();
        assertThat(it.valueI64(0)).isEqualTo(1_000_000_000L);
        assertThat(it.find(13)).isTrue();
        assertThat(it.valueU8(0)).isEqualTo(4);
        assertThat(it.count()).isEqualTo(2);
        assertThat(it.hasEndOfList()).isFalse();
    }

    @Test
    void emptyRegionIsValid() throws ParseException {
        for (var format : allFormats()) {
            it.reset(new byte[4], 2, 2, format, "x", 0);
            assertThat(it.count()).isZero();
            assertThat(it.next()).isFalse();
            assertThat(OptionsIterator.validate(new byte[0], 0, 0, format, "x", 0)).isZero();
        }
    }

    @Test
    void readersRejectIndicesOutsideTheValue() throws ParseException {
        it.reset(OptionBytes.LINUX_TCP_SYN, 0, 20, Formats.TCP, "tcp", 0);
        assertThat(it.find(2)).isTrue(); // 2-byte value
        assertThatThrownBy(() -> it.valueU8(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> it.valueU8(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> it.valueU16(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> it.valueU32(0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> it.valueI64(0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(it.find(1)).isTrue(); // NOP: empty value
        assertThatThrownBy(() -> it.valueU8(0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void rewindIteratesAgain() throws ParseException {
        it.reset(OptionBytes.LINUX_TCP_SYN, 0, 20, Formats.TCP, "tcp", 0);
        var first = iterate(it);
        assertThat(it.next()).isFalse();
        it.rewind();
        assertThat(iterate(it)).isEqualTo(first).hasSize(5);
    }

    // ---- malformed regions ----

    private static ParseException rejected(byte[] region, OptionFormat format, int errorBase) {
        return rejected(region, format, errorBase, ParseErrorKind.MALFORMED);
    }

    private static ParseException rejected(byte[] region, OptionFormat format, int errorBase, ParseErrorKind kind) {
        ParseException viaValidate = catchThrowableOfType(ParseException.class,
                () -> OptionsIterator.validate(region, 0, region.length, format, "layer", errorBase));
        OptionsIterator iterator = new OptionsIterator();
        ParseException viaReset = catchThrowableOfType(ParseException.class,
                () -> iterator.reset(region, 0, region.length, format, "layer", errorBase));
        assertThat(viaValidate).as("validate").isNotNull();
        assertThat(viaReset).as("reset").isNotNull();
        assertThat(viaReset.offset()).isEqualTo(viaValidate.offset());
        assertThat(viaReset.detail()).isEqualTo(viaValidate.detail());
        assertThat(viaReset.kind()).isEqualTo(kind);
        assertThat(viaReset.layer()).isEqualTo("layer");
        assertThat(viaReset.field()).isEqualTo("options");
        assertThat(iterator.next()).as("a failed reset leaves an empty iterator").isFalse();
        assertThat(iterator.count()).isZero();
        return viaReset;
    }

    @Test
    void tcpLengthZeroOrOneIsMalformed() {
        assertThat(rejected(hex("01 01 02 00 00 00 00 00"), Formats.TCP, 20).offset()).isEqualTo(22);
        assertThat(rejected(hex("02 01 05 b4"), Formats.TCP, 20).offset()).isEqualTo(20);
        assertThat(rejected(hex("94 00 00 00"), Formats.IPV4, 20).offset()).isEqualTo(20);
        assertThat(rejected(hex("01 94 01 00"), Formats.IPV4, 20).offset()).isEqualTo(21);
    }

    @Test
    void optionRunningPastTheEndIsMalformed() {
        assertThat(rejected(hex("01 02 04 05"), Formats.TCP, 20).offset()).isEqualTo(21);
        assertThat(rejected(hex("08 0a 00 00 00 00 00 00 00"), Formats.TCP, 0).offset()).isZero();
        assertThat(rejected(hex("05 03 00 00"), Formats.IPV6_EXTENSION, 2).offset()).isEqualTo(2);
        assertThat(rejected(hex("01 01 00 1b 21 3a 4f 5c 01 02 00 00"), Formats.NDP, 8).offset()).isEqualTo(16);
        assertThat(rejected(hex("00 02 00 08 65 74 68 30"), Formats.PCAPNG_BIG_ENDIAN, 0).offset()).isZero();
    }

    @Test
    void truncatedLengthByteIsMalformed() {
        assertThat(rejected(hex("01 01 01 02"), Formats.TCP, 20).offset()).isEqualTo(23);
        assertThat(rejected(hex("05"), Formats.IPV6_EXTENSION, 2).offset()).isEqualTo(2);
        assertThat(rejected(hex("01"), Formats.NDP, 0).offset()).isZero();
        assertThat(rejected(hex("00 09 00"), Formats.PCAPNG_BIG_ENDIAN, 0).offset()).isZero();
        assertThat(rejected(hex("09"), Formats.PCAPNG_LITTLE_ENDIAN, 0).detail()).contains("kind");
    }

    @Test
    void pcapngValuePaddingPastTheEndIsMalformed() {
        ParseException e = rejected(hex("00 09 00 01 06"), Formats.PCAPNG_BIG_ENDIAN, 100);
        assertThat(e.offset()).isEqualTo(100);
        assertThat(e.detail()).contains("padding");
    }

    @Test
    void ndpLengthZeroIsMalformed() {
        assertThat(rejected(hex("01 00 00 1b 21 3a 4f 5c"), Formats.NDP, 24).offset()).isEqualTo(24);
        assertThat(rejected(hex("01 01 00 1b 21 3a 4f 5c 03 00 00 00 00 00 00 00"), Formats.NDP, 24).offset())
                .isEqualTo(32);
        assertThat(rejected(new byte[8], Formats.NDP, 0).detail()).contains("minimum");
    }

    @Test
    void moreOptionsThanTheCapAreUnsupported() throws ParseException {
        byte[] nops = new byte[OptionFormat.DEFAULT_MAX_OPTIONS];
        Arrays.fill(nops, (byte) 1);
        assertThat(OptionsIterator.validate(nops, 0, nops.length, Formats.TCP, "tcp", 0)).isEqualTo(64);

        byte[] oneMore = Arrays.copyOf(nops, 68);
        oneMore[64] = 1;
        oneMore[65] = 0; // EOL, so only the 65th NOP is too many
        ParseException e = rejected(oneMore, Formats.TCP, 20, ParseErrorKind.UNSUPPORTED);
        assertThat(e.offset()).isEqualTo(20 + 64);
        assertThat(e.detail()).contains("more options");

        byte[] pad1s = new byte[72]; // 72 Pad1 options in an IPv6 Destination Options header
        assertThat(rejected(pad1s, Formats.IPV6_EXTENSION, 2, ParseErrorKind.UNSUPPORTED).offset()).isEqualTo(2 + 64);

        OptionFormat small = Formats.TCP.toBuilder().maxOptions(3).build();
        assertThat(rejected(OptionBytes.LINUX_TCP_SYN, small, 0, ParseErrorKind.UNSUPPORTED).offset()).isEqualTo(16); // the NOP
    }

    @Test
    void bytesAfterEndOfListAreNotParsed() throws ParseException {
        assertThat(OptionsIterator.validate(hex("01 00 ff ff"), 0, 4, Formats.TCP, "tcp", 0)).isEqualTo(1);
        assertThat(OptionsIterator.validate(hex("00 00 00 00 ff ff"), 0, 6, Formats.PCAPNG_BIG_ENDIAN, "p", 0))
                .isZero();
    }

    @Test
    void badRegionBoundsAreProgrammingErrors() {
        assertThatThrownBy(() -> it.reset(new byte[4], 3, 2, Formats.TCP, "tcp", 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> it.reset(new byte[4], 0, 5, Formats.TCP, "tcp", 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void resetNextAndReadersDoNotAllocate() throws ParseException {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        long tid = Thread.currentThread().getId();
        byte[] syn = OptionBytes.LINUX_TCP_SYN;
        byte[] pcapng = OptionBytes.PCAPNG_IDB_LE;
        long sink = 0;
        for (int warm = 0; warm < 2; warm++) { // the first round loads and compiles
            long before = threads.getThreadAllocatedBytes(tid);
            for (int i = 0; i < 20_000; i++) {
                it.reset(syn, 0, syn.length, Formats.TCP, "tcp", 20);
                while (it.next()) {
                    sink += it.kind() + it.valueLength();
                    if (it.valueLength() >= 4) {
                        sink += it.valueU32(0) + it.valueU16(2) + it.valueU8(3);
                    }
                }
                it.reset(pcapng, 0, pcapng.length, Formats.PCAPNG_LITTLE_ENDIAN, "pcapng", 0);
                sink += it.find(9) ? it.valueU8(0) : 0;
                sink += OptionsIterator.validate(syn, 0, syn.length, Formats.TCP, "tcp", 0);
            }
            long allocated = threads.getThreadAllocatedBytes(tid) - before;
            if (warm == 1) {
                assertThat(allocated).as("bytes allocated by 20,000 parses").isLessThan(4_096);
            }
        }
        assertThat(sink).isPositive();
    }

    static OptionFormat[] allFormats() {
        return new OptionFormat[] {
            Formats.IPV4, Formats.TCP, Formats.IPV6_EXTENSION, Formats.NDP,
            Formats.PCAPNG_BIG_ENDIAN, Formats.PCAPNG_LITTLE_ENDIAN
        };
    }

    @Test
    void resetValidatedIteratesAValidatedRegionAndRefusesAnInvalidOneAsAProgrammingError() throws ParseException {
        byte[] region = hex("020405b4 01 030307 00");
        assertThat(OptionsIterator.validate(region, 0, region.length, Formats.TCP, "tcp", 0)).isEqualTo(3);
        OptionsIterator options = new OptionsIterator();
        options.resetValidated(region, 0, region.length, Formats.TCP);
        assertThat(options.next()).isTrue();
        assertThat(options.kind()).isEqualTo(2);
        assertThat(options.valueU16(0)).isEqualTo(1460);

        byte[] broken = hex("0201");
        assertThatThrownBy(() -> options.resetValidated(broken, 0, broken.length, Formats.TCP))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not validated");
        assertThat(options.next()).as("left over an empty region").isFalse();
    }

    @Test
    void aSummarizedIteratorStaysInsideItsRegionWhenTheBytesChangeAfterValidation() throws ParseException {
        byte[] region = hex("020405b4 01 030307 00");
        long summary = OptionsIterator.validateList(region, 0, region.length, Formats.TCP, "tcp", 0);
        OptionsIterator options = new OptionsIterator();
        options.resetValidated(region, 0, region.length, Formats.TCP, summary);
        assertThat(options.count()).isEqualTo(3);
        assertThat(options.listEnd()).isEqualTo(8);

        region[1] = 0;   // MSS length 0: would loop forever on the same option
        options.rewind();
        assertThatThrownBy(options::next).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no longer fits");
        region[1] = 40;  // past the validated list
        options.rewind();
        assertThatThrownBy(options::next).isInstanceOf(IllegalStateException.class);

        assertThatThrownBy(() -> options.resetValidated(region, 0, 4, Formats.TCP, summary))
                .as("a summary whose list ends past the region").isInstanceOf(IllegalArgumentException.class);
        options.resetValidated(region, 2, 2, Formats.TCP, summary);
        assertThat(options.next()).as("an empty region ignores the summary").isFalse();
    }
}
