package io.zerowire.options;

import static io.zerowire.options.OptionBytes.hex;
import static io.zerowire.options.OptionBytes.iterate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zerowire.parse.ParseException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OptionsBuilderTest {

    private static final byte[] TIMESTAMPS = hex("6b 8a 2d 0e 00 00 00 00");
    private static final byte[] MACOS_TIMESTAMPS = hex("3c 4f 2a 11 00 00 00 00");

    /**
     * Writes the builder's region after a fixed header of {@code fixedHeaderLength} bytes into two
     * buffers pre-filled with 0x00 and 0xFF, checks that both hold the same bytes and that nothing
     * outside the region changed, and returns the region.
     */
    static byte[] written(OptionsBuilder builder, int fixedHeaderLength) {
        int region = builder.regionLength(fixedHeaderLength);
        byte[] zeros = new byte[region + 10];
        byte[] ones = new byte[region + 10];
        Arrays.fill(ones, (byte) 0xFF);
        builder.write(zeros, 5, region);
        builder.write(ones, 5, region);
        assertThat(Arrays.copyOfRange(zeros, 5, 5 + region)).isEqualTo(Arrays.copyOfRange(ones, 5, 5 + region));
        for (int i : new int[] {0, 1, 2, 3, 4, region + 5, region + 6, region + 7, region + 8, region + 9}) {
            assertThat(zeros[i]).as("byte %d before or after the region", i).isEqualTo((byte) 0);
            assertThat(ones[i]).as("byte %d before or after the region", i).isEqualTo((byte) 0xFF);
        }
        return Arrays.copyOfRange(zeros, 5, 5 + region);
    }

    /** The iteration of {@code built} equals that of {@code real}. */
    static void iteratesLike(byte[] built, byte[] real, OptionFormat format) throws ParseException {
        OptionsIterator a = new OptionsIterator();
        OptionsIterator b = new OptionsIterator();
        a.reset(built, 0, built.length, format, "built", 0);
        b.reset(real, 0, real.length, format, "real", 0);
        assertThat(iterate(a)).isEqualTo(iterate(b));
    }

    /** addAll copies real option lists of every format byte for byte (padding and end-of-list included). */
    @Test
    void addAllCopiesRealListsExactly() throws ParseException {
        Object[][] cases = {
            {Formats.TCP, OptionBytes.LINUX_TCP_SYN, 20},
            {Formats.TCP, OptionBytes.MACOS_TCP_SYN, 20},
            {Formats.IPV6_EXTENSION, OptionBytes.IPV6_HBH_MLD, 2},
            {Formats.NDP, OptionBytes.NDP_RA_OPTIONS, 16},
            {Formats.PCAPNG_LITTLE_ENDIAN, OptionBytes.PCAPNG_IDB_LE, 8},
        };
        for (Object[] c : cases) {
            OptionFormat format = (OptionFormat) c[0];
            byte[] real = (byte[]) c[1];
            OptionsIterator parsed = new OptionsIterator();
            parsed.reset(real, 0, real.length, format, "real", 0);
            parsed.next();   // addAll starts from the first option whatever the position
            OptionsBuilder copy = new OptionsBuilder(format).addAll(parsed);
            assertThat(written(copy, (int) c[2])).as(format.name()).isEqualTo(real);
            assertThat(parsed.next()).as("iterator rewound").isTrue();
            assertThat(parsed.offset()).isZero();
        }
        OptionsIterator tcp = new OptionsIterator();
        tcp.reset(OptionBytes.LINUX_TCP_SYN, 0, 20, Formats.TCP, "tcp", 0);
        assertThatThrownBy(() -> new OptionsBuilder(Formats.IPV4).addAll(tcp))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Found by fuzzing: an IPv4 header of IHL 7 whose options are one end-of-list byte and seven
     * bytes of padding was copied with a 4-byte region (IHL 6). The padding after the end-of-list
     * is written as zeros, but all of it.
     */
    @Test
    void addAllKeepsThePaddingAfterTheEndOfList() throws ParseException {
        byte[] region = {0, 0, (byte) 0xd8, 0x4c, 0x4c, 0x4c, 0, (byte) 0xff};
        OptionsIterator parsed = new OptionsIterator();
        parsed.reset(region, 0, region.length, Formats.IPV4, "ipv4", 0);
        OptionsBuilder copy = new OptionsBuilder(Formats.IPV4).addAll(parsed);
        assertThat(copy.regionLength(20)).isEqualTo(8);
        assertThat(written(copy, 20)).containsExactly(0, 0, 0, 0, 0, 0, 0, 0);

        byte[] pcapng = {0, 0, 0, 0, 9, 9, 9, 9};   // opt_endofopt, then 4 bytes of padding
        parsed.reset(pcapng, 0, pcapng.length, Formats.PCAPNG_BIG_ENDIAN, "pcapng", 0);
        OptionsBuilder pcapngCopy = new OptionsBuilder(Formats.PCAPNG_BIG_ENDIAN).addAll(parsed);
        assertThat(pcapngCopy.regionLength(8)).isEqualTo(8);
        assertThat(written(pcapngCopy, 8)).containsExactly(0, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void linuxTcpSyn() throws ParseException {
        OptionsBuilder b = new OptionsBuilder(Formats.TCP)
                .addU16(2, 1460)
                .add(4, new byte[0])
                .add(8, TIMESTAMPS)
                .addSingleByte(1)
                .addU8(3, 7);
        assertThat(b.encodedLength()).isEqualTo(20);
        assertThat(b.count()).isEqualTo(5);
        assertThat(b.regionLength(20)).isEqualTo(20);
        byte[] region = written(b, 20);
        assertThat(region).isEqualTo(OptionBytes.LINUX_TCP_SYN);
        iteratesLike(region, OptionBytes.LINUX_TCP_SYN, Formats.TCP);
    }

    @Test
    void macosTcpSynIsPaddedWithEndOfListThenZero() throws ParseException {
        OptionsBuilder b = new OptionsBuilder(Formats.TCP)
                .addU16(2, 1460)
                .addSingleByte(1)
                .addU8(3, 6)
                .addSingleByte(1)
                .addSingleByte(1)
                .add(8, MACOS_TIMESTAMPS)
                .add(4, new byte[0]);
        assertThat(b.encodedLength()).isEqualTo(22);
        assertThat(b.regionLength(20)).isEqualTo(24);
        byte[] region = written(b, 20);
        assertThat(region).isEqualTo(OptionBytes.MACOS_TCP_SYN);
        iteratesLike(region, OptionBytes.MACOS_TCP_SYN, Formats.TCP);
    }

    @Test
    void javadocExample() {
        OptionsBuilder syn = new OptionsBuilder(Formats.TCP)
                .addU16(2, 1460).addSingleByte(1).addU8(3, 7).add(4, new byte[0]);
        assertThat(syn.regionLength(20)).isEqualTo(12);
        assertThat(written(syn, 20)).isEqualTo(hex("02 04 05 b4 01 03 03 07 04 02 00 00"));
    }

    @Test
    void explicitEndOfListThenZeros() {
        OptionsBuilder b = new OptionsBuilder(Formats.TCP).addU16(2, 536).addSingleByte(0);
        assertThat(b.isEnded()).isTrue();
        assertThat(b.count()).isEqualTo(1);
        assertThat(b.regionLength(20)).isEqualTo(8);
        assertThat(written(b, 20)).isEqualTo(hex("02 04 02 18 00 00 00 00"));
        assertThatThrownBy(() -> b.addSingleByte(1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.addU8(3, 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(b::addEndOfList).isInstanceOf(IllegalStateException.class);
        b.clear().addU8(3, 1);
        assertThat(written(b, 20)).isEqualTo(hex("03 03 01 00"));
    }

    @Test
    void ipv4RouterAlert() throws ParseException {
        OptionsBuilder b = new OptionsBuilder(Formats.IPV4).addU16(0x94, 0);
        assertThat(b.regionLength(20)).isEqualTo(4);
        byte[] region = written(b, 20);
        assertThat(region).isEqualTo(OptionBytes.IPV4_ROUTER_ALERT);
        iteratesLike(region, OptionBytes.IPV4_ROUTER_ALERT, Formats.IPV4);
    }

    @Test
    void ipv4RecordRouteIsPaddedWithEndOfList() throws ParseException {
        byte[] value = new byte[37];
        value[0] = 4; // pointer
        OptionsBuilder b = new OptionsBuilder(Formats.IPV4).add(7, value);
        assertThat(b.encodedLength()).isEqualTo(39);
        assertThat(b.regionLength(20)).isEqualTo(40);
        byte[] region = written(b, 20);
        assertThat(region).isEqualTo(OptionBytes.IPV4_RECORD_ROUTE);
        iteratesLike(region, OptionBytes.IPV4_RECORD_ROUTE, Formats.IPV4);
    }

    @Test
    void ipv6HopByHopRouterAlertIsPaddedWithPadN() throws ParseException {
        OptionsBuilder b = new OptionsBuilder(Formats.IPV6_EXTENSION).addU16(5, 0);
        assertThat(b.regionLength(2)).isEqualTo(6);
        byte[] region = written(b, 2);
        assertThat(region).isEqualTo(OptionBytes.IPV6_HBH_MLD);
        iteratesLike(region, OptionBytes.IPV6_HBH_MLD, Formats.IPV6_EXTENSION);
    }

    @Test
    void ipv6PaddingOfEveryLength() throws ParseException {
        // An option with a value of v bytes after the 2-byte fixed header leaves 8 - (4 + v) % 8 bytes.
        String[] padding = {"01 02 00 00", "01 01 00", "01 00", "00", "", "01 05 00 00 00 00 00", "01 04 00 00 00 00",
            "01 03 00 00 00"};
        for (int v = 0; v < 8; v++) {
            OptionsBuilder b = new OptionsBuilder(Formats.IPV6_EXTENSION).add(0x3e, new byte[v]);
            byte[] region = written(b, 2);
            assertThat((2 + region.length) % 8).isZero();
            byte[] expectedPadding = hex(padding[v]);
            assertThat(Arrays.copyOfRange(region, 2 + v, region.length)).as("padding after %d value bytes", v)
                    .isEqualTo(expectedPadding);
            assertThat(OptionsIterator.validate(region, 0, region.length, Formats.IPV6_EXTENSION, "x", 0))
                    .isEqualTo(expectedPadding.length == 0 ? 1 : 2);
        }
    }

    @Test
    void ipv6LongPaddingUsesSeveralPadNOptions() throws ParseException {
        OptionsBuilder b = new OptionsBuilder(Formats.IPV6_EXTENSION);
        byte[] region = new byte[258 + 257];
        Arrays.fill(region, (byte) 0x77);
        b.write(region, 0, region.length);
        OptionsIterator it = new OptionsIterator();
        it.reset(region, 0, region.length, Formats.IPV6_EXTENSION, "x", 0);
        assertThat(iterate(it)).extracting(OptionBytes.Seen::length).containsExactly(257, 257, 1);
        assertThat(region).containsOnly((byte) 0, (byte) 1, (byte) 0xFF);
    }

    @Test
    void ndpSourceLinkLayerAddress() throws ParseException {
        OptionsBuilder b = new OptionsBuilder(Formats.NDP).add(1, OptionBytes.MAC);
        assertThat(b.regionLength(24)).isEqualTo(8);
        byte[] region = written(b, 24);
        assertThat(region).isEqualTo(OptionBytes.NDP_SOURCE_LINK_LAYER);

        b.add(5, hex("00 00 00 00 05 dc"));
        region = written(b, 16);
        assertThat(region).isEqualTo(OptionBytes.NDP_RA_OPTIONS);
        iteratesLike(region, OptionBytes.NDP_RA_OPTIONS, Formats.NDP);
    }

    @Test
    void ndpValuesAreRoundedUpToEightBytes() {
        byte[] eui64 = hex("02 11 22 ff fe 33 44 55"); // an IEEE 802.15.4 link-layer address: 2 + 8 -> 16
        OptionsBuilder b = new OptionsBuilder(Formats.NDP).add(1, eui64);
        assertThat(b.encodedLength()).isEqualTo(16);
        assertThat(written(b, 8)).isEqualTo(hex("01 02 02 11 22 ff fe 33 44 55 00 00 00 00 00 00"));
        assertThat(written(b.clear().add(14, new byte[0]), 8)).isEqualTo(hex("0e 01 00 00 00 00 00 00"));
    }

    @Test
    void ndpCannotPadAfterAMisalignedHeader() {
        OptionsBuilder b = new OptionsBuilder(Formats.NDP).add(1, OptionBytes.MAC);
        assertThatThrownBy(() -> b.regionLength(4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.write(new byte[16], 0, 12)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pcapngInBothByteOrders() throws ParseException {
        byte[] eth0 = "eth0".getBytes(StandardCharsets.US_ASCII);
        for (var format : new OptionFormat[] {Formats.PCAPNG_BIG_ENDIAN, Formats.PCAPNG_LITTLE_ENDIAN}) {
            byte[] real = format == Formats.PCAPNG_BIG_ENDIAN ? OptionBytes.PCAPNG_IDB_BE : OptionBytes.PCAPNG_IDB_LE;
            OptionsBuilder b = new OptionsBuilder(format).add(2, eth0).addU8(9, 6).addEndOfList();
            assertThat(b.regionLength(8)).isEqualTo(20);
            byte[] region = written(b, 8);
            assertThat(region).as(format.name()).isEqualTo(real);
            iteratesLike(region, real, format);
        }
    }

    @Test
    void pcapngTypedValuesFollowTheByteOrder() {
        OptionsBuilder le = new OptionsBuilder(Formats.PCAPNG_LITTLE_ENDIAN).addU32(3, 0x11223344L).addU16(4, 0xabcd);
        assertThat(written(le, 0)).isEqualTo(hex("03 00 04 00 44 33 22 11  04 00 02 00 cd ab 00 00"));
        OptionsBuilder be = new OptionsBuilder(Formats.PCAPNG_BIG_ENDIAN).addU32(3, 0x11223344L).addU16(4, 0xabcd);
        assertThat(written(be, 0)).isEqualTo(hex("00 03 00 04 11 22 33 44  00 04 00 02 ab cd 00 00"));
    }

    @Test
    void pcapngPaddingShorterThanAnEndOfOptionIsAvoided() throws ParseException {
        OptionsBuilder b = new OptionsBuilder(Formats.PCAPNG_BIG_ENDIAN).addU8(9, 6);
        int region = b.regionLength(2); // 2 bytes of zeros would not parse; 6 are opt_endofopt + 2
        assertThat(region).isEqualTo(14);
        byte[] bytes = written(b, 2);
        OptionsIterator it = new OptionsIterator();
        it.reset(bytes, 0, bytes.length, Formats.PCAPNG_BIG_ENDIAN, "x", 0);
        assertThat(it.count()).isEqualTo(1);
        assertThat(it.listEnd()).isEqualTo(8);
        assertThatThrownBy(() -> b.write(new byte[10], 0, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyBuilderPadsAWholeRegion() throws ParseException {
        assertThat(written(new OptionsBuilder(Formats.TCP), 20)).isEmpty();
        OptionsBuilder tcp = new OptionsBuilder(Formats.TCP);
        byte[] region = new byte[8];
        Arrays.fill(region, (byte) 0x5a);
        tcp.write(region, 0, 8);
        assertThat(region).isEqualTo(new byte[8]);
        OptionsBuilder ipv6 = new OptionsBuilder(Formats.IPV6_EXTENSION);
        assertThat(written(ipv6, 2)).isEqualTo(hex("01 04 00 00 00 00"));
    }

    @Test
    void rejectsWhatTheFormatCannotSay() {
        OptionsBuilder tcp = new OptionsBuilder(Formats.TCP);
        assertThatThrownBy(() -> tcp.add(1, new byte[0])).as("NOP via add").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tcp.add(0, new byte[0])).as("EOL via add").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tcp.addSingleByte(2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tcp.add(256, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tcp.add(-1, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tcp.add(30, new byte[254])).isInstanceOf(IllegalArgumentException.class);
        tcp.add(30, new byte[253]);
        assertThat(tcp.encodedLength()).isEqualTo(255);
        assertThatThrownBy(() -> tcp.add(30, new byte[4], 2, 3)).isInstanceOf(IndexOutOfBoundsException.class);

        OptionsBuilder ipv6 = new OptionsBuilder(Formats.IPV6_EXTENSION);
        assertThatThrownBy(() -> ipv6.add(0x1e, new byte[256])).isInstanceOf(IllegalArgumentException.class);
        ipv6.add(0x1e, new byte[255]);
        assertThatThrownBy(ipv6::addEndOfList).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ipv6.addSingleByte(1)).as("PadN is not single-byte").isInstanceOf(IllegalArgumentException.class);
        ipv6.clear().addSingleByte(0);
        assertThat(ipv6.encodedLength()).isEqualTo(1);

        OptionsBuilder ndp = new OptionsBuilder(Formats.NDP);
        assertThatThrownBy(() -> ndp.add(1, new byte[255 * 8 - 1])).isInstanceOf(IllegalArgumentException.class);
        ndp.add(1, new byte[255 * 8 - 2]);
        assertThat(ndp.encodedLength()).isEqualTo(2040);

        OptionsBuilder pcapng = new OptionsBuilder(Formats.PCAPNG_LITTLE_ENDIAN);
        assertThatThrownBy(() -> pcapng.add(0x10000, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pcapng.add(0, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pcapng.addSingleByte(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pcapng.add(1, new byte[0x10000])).isInstanceOf(IllegalArgumentException.class);
        pcapng.add(1, new byte[0xFFFF]);
        assertThat(pcapng.encodedLength()).isEqualTo(4 + 0x10000);
    }

    @Test
    void writeChecksItsArguments() {
        OptionsBuilder b = new OptionsBuilder(Formats.TCP).addU16(2, 1460).addU8(3, 7);
        byte[] out = new byte[16];
        Arrays.fill(out, (byte) 0x42);
        assertThatThrownBy(() -> b.write(out, 0, 6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.write(out, 10, 8)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> b.regionLength(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(out).containsOnly((byte) 0x42);
    }

    @Test
    void maxOptionsIsEnforcedWhileBuilding() {
        OptionFormat three = Formats.IPV6_EXTENSION.toBuilder().maxOptions(3).build();
        OptionsBuilder b = new OptionsBuilder(three).addU8(0x1e, 1).addU8(0x1e, 2).addU8(0x1e, 3);
        assertThatThrownBy(() -> b.addU8(0x1e, 4)).isInstanceOf(IllegalStateException.class);
        // 9 bytes after a 2-byte header need 5 bytes of PadN: a fourth option, one too many
        assertThatThrownBy(() -> b.regionLength(2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.write(new byte[16], 0, 14)).isInstanceOf(IllegalStateException.class);
        b.write(new byte[9], 0, 9); // no padding: fine
    }

    @Test
    void paddingShorterThanAPadNHeaderIsPad1Bytes() throws ParseException {
        // A 2-byte length field makes PadN at least 3 bytes: 2 bytes of padding are two Pad1 options.
        OptionFormat wide = OptionFormat.builder().lengthSize(2).singleByteKinds(0x7f)
                .padding(OptionFormat.Padding.PAD1_PADN).pad1Kind(0x7f).padNKind(0x7e)
                .regionAlignment(8).maxOptions(3).build();
        OptionsBuilder b = new OptionsBuilder(wide).add(0x20, hex("aa bb cc"));
        byte[] region = written(b, 0);
        assertThat(region).isEqualTo(hex("20 00 06 aa bb cc 7f 7f"));
        assertThat(OptionsIterator.validate(region, 0, 8, wide, "x", 0)).isEqualTo(3);
        assertThat(written(b.clear().add(0x20, new byte[0]), 0)).isEqualTo(hex("20 00 03 7e 00 05 00 00"));

        OptionFormat tight = wide.toBuilder().maxOptions(2).build();
        OptionsBuilder t = new OptionsBuilder(tight).add(0x20, hex("aa bb cc"));
        assertThatThrownBy(() -> t.regionLength(0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void growsFromAnEmptyArray() throws ParseException {
        OptionsBuilder b = new OptionsBuilder(Formats.IPV6_EXTENSION, 0);
        for (int i = 0; i < 40; i++) {
            b.addU32(0x1e, i);
        }
        byte[] region = written(b, 2);
        OptionsIterator it = new OptionsIterator();
        it.reset(region, 0, region.length, Formats.IPV6_EXTENSION, "x", 0);
        for (int i = 0; i < 40; i++) {
            assertThat(it.next()).isTrue();
            assertThat(it.valueU32(0)).isEqualTo(i);
        }
    }

    @Test
    void reusedBuilderDoesNotAllocate() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        long tid = Thread.currentThread().getId();
        OptionsBuilder b = new OptionsBuilder(Formats.TCP);
        OptionsBuilder v6 = new OptionsBuilder(Formats.IPV6_EXTENSION);
        byte[] out = new byte[64];
        long sink = 0;
        for (int round = 0; round < 2; round++) { // the first round loads, compiles and grows
            long before = threads.getThreadAllocatedBytes(tid);
            for (int i = 0; i < 20_000; i++) {
                b.clear().addU16(2, 1460).addSingleByte(1).addU8(3, 7).add(4, out, 0, 0).add(8, TIMESTAMPS);
                int region = b.regionLength(20);
                b.write(out, 0, region);
                v6.clear().addU16(5, 0);
                int r6 = v6.regionLength(2);
                v6.write(out, 40, r6);
                sink += region + r6 + (out[3] & 0xFF);
            }
            long allocated = threads.getThreadAllocatedBytes(tid) - before;
            if (round == 1) {
                assertThat(allocated).as("bytes allocated by 20,000 builds").isLessThan(4_096);
            }
        }
        assertThat(sink).isPositive();
    }
}
