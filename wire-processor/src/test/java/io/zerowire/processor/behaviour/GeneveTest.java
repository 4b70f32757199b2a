package io.zerowire.processor.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.options.OptionsBuilder;
import io.zerowire.options.OptionsIterator;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import io.zerowire.serialize.Serializer;
import io.zerowire.serialize.SizeLimitExceededException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Options in a format the user declares, on GENEVE (RFC 8926): a 24-bit kind made of two fields and
 * a 5-bit length in 4-byte words behind reserved bits. The view reads scapy's bytes, the builder
 * writes them, and the lengths it derives (each option's and the header's Opt Len) always agree
 * with what it wrote: the silent trap of issue 16, where the option length was written as 0.
 */
class GeneveTest {
    /**
     * A GENEVE header with three options of 4, 0 and 12 value bytes, made with scapy 2.5:
     * <pre>
     * /usr/bin/python3 -c 'from scapy.contrib.geneve import GENEVE, GeneveOptions
     * print(bytes(GENEVE(vni=0x123456, proto=0x6558, options=[
     *     GeneveOptions(classid=0x0102, type=0x80, data=b"\x01\x02\x03\x04"),
     *     GeneveOptions(classid=0xffff, type=0x01, data=b""),
     *     GeneveOptions(classid=0x0000, type=0x7f, data=bytes(range(0x10, 0x1c)))])).hex())'
     * </pre>
     */
    private static final String SCAPY = "07006558123456000102800101020304ffff010000007f03101112131415161718191a1b";
    private static final byte[] SMALL = HexFormat.of().parseHex("01020304");
    private static final byte[] LARGE = HexFormat.of().parseHex("101112131415161718191a1b");

    private static OptionsBuilder scapyOptions() {
        return new OptionsBuilder(GeneveOptionFormat.FORMAT)
                .add(0x0102_80, SMALL)
                .add(0xFFFF_01, new byte[0])
                .add(0x0000_7F, LARGE);
    }

    @Example
    void readsScapysHeaderAndOptions() throws ParseException {
        Geneve view = Geneve.parse(PacketBuffer.wrap(HexFormat.of().parseHex(SCAPY)));
        assertThat(view.optionLength()).isEqualTo(7);
        assertThat(view.headerLength()).isEqualTo(36);
        assertThat(view.protocolType()).isEqualTo(0x6558);
        assertThat(view.vni()).isEqualTo(0x123456);
        assertThat(view.oam()).isFalse();
        OptionsIterator options = view.options();
        assertThat(options.count()).isEqualTo(3);
        assertThat(options.next()).isTrue();
        assertThat(options.kind()).isEqualTo(0x010280);
        assertThat(options.valueLength()).isEqualTo(4);
        assertThat(options.valueU32(0)).isEqualTo(0x01020304L);
        assertThat(options.next()).isTrue();
        assertThat(options.kind() >>> 8).isEqualTo(0xFFFF);
        assertThat(options.kind() & 0xFF).isEqualTo(0x01);
        assertThat(options.length()).isEqualTo(4);
        assertThat(options.valueLength()).isZero();
        assertThat(options.next()).isTrue();
        assertThat(options.kind()).isEqualTo(0x7F);
        assertThat(Arrays.copyOfRange(options.array(), options.valueOffset(), options.valueOffset() + options.valueLength()))
                .isEqualTo(LARGE);
        assertThat(options.next()).isFalse();
    }

    @Example
    void buildsScapysBytesDerivingEveryLength() {
        GeneveBuilder builder = new GeneveBuilder().protocolType(0x6558).vni(0x123456).options(scapyOptions());
        assertThat(HexFormat.of().formatHex(Packets.build(new byte[0], builder))).isEqualTo(SCAPY);
    }

    @Example
    void reservedBitsInAnOptionHeaderAreIgnoredOnReadAndZeroOnWrite() throws ParseException {
        byte[] bytes = HexFormat.of().parseHex(SCAPY);
        bytes[11] |= (byte) 0xE0; // the first option's 3 reserved bits
        Geneve view = Geneve.parse(PacketBuffer.wrap(bytes));
        OptionsIterator options = view.options();
        assertThat(options.next()).isTrue();
        assertThat(options.valueLength()).isEqualTo(4);
        byte[] copied = Packets.build(new byte[0], new GeneveBuilder().copyFrom(view));
        assertThat(HexFormat.of().formatHex(copied)).isEqualTo(SCAPY);
    }

    @Example
    void anOptionLengthPastTheHeaderIsMalformed() {
        byte[] bytes = HexFormat.of().parseHex(SCAPY);
        bytes[19] = 0x05; // the second option (at 16) claims 20 value bytes; 16 are left
        assertThatThrownBy(() -> Geneve.parse(PacketBuffer.wrap(bytes)))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ParseErrorKind.MALFORMED);
                    assertThat(e.field()).isEqualTo("options");
                    assertThat(e.offset()).isEqualTo(16);
                });
    }

    /** Every proper prefix of scapy's header is a typed error and leaves the buffer as it was. */
    @Property(tries = 36, generation = net.jqwik.api.GenerationMode.EXHAUSTIVE)
    void truncationAtEveryLengthIsATypedError(@ForAll @IntRange(max = 35) int length) {
        byte[] bytes = Arrays.copyOf(HexFormat.of().parseHex(SCAPY), length);
        PacketBuffer buffer = Packets.placed(bytes, 3, 2, 0);
        int position = buffer.position();
        int start = buffer.bodyStart();
        int remaining = buffer.bodyLength();
        byte[] before = buffer.array().clone();
        assertThatThrownBy(() -> new Geneve().wrap(buffer)).isInstanceOfSatisfying(ParseException.class,
                e -> assertThat(e.kind()).isEqualTo(ParseErrorKind.MALFORMED));
        assertThat(buffer.position()).isEqualTo(position);
        assertThat(buffer.bodyStart()).isEqualTo(start);
        assertThat(buffer.bodyLength()).isEqualTo(remaining);
        assertThat(buffer.array()).isEqualTo(before);
    }

    /** One option: its kind and a value of whole words (RFC 8926: the length counts 4-byte words). */
    record Option(int optionClass, int type, byte[] value) {}

    @Provide
    Arbitrary<List<Option>> options() {
        Arbitrary<Option> option = Combinators.combine(
                Arbitraries.integers().between(0, 0xFFFF),
                Arbitraries.integers().between(0, 0xFF),
                Arbitraries.integers().between(0, 8).flatMap(words -> Arbitraries.bytes().array(byte[].class)
                        .ofSize(4 * words))).as(Option::new);
        // Opt Len is 6 bits: at most 252 bytes of options, so at most 7 options of up to 36 bytes.
        return option.list().ofMaxSize(7);
    }

    @Property(tries = 300)
    void builtOptionsReadBackAndEveryLengthAgrees(@ForAll("options") List<Option> options,
            @ForAll @IntRange(max = 0xFFFFFF) int vni, @ForAll boolean oam, @ForAll @IntRange(max = 20) int payload)
            throws ParseException, SizeLimitExceededException {
        OptionsBuilder built = new OptionsBuilder(GeneveOptionFormat.FORMAT);
        int optionBytes = 0;
        for (Option o : options) {
            built.add(o.optionClass() << 8 | o.type(), o.value());
            optionBytes += 4 + o.value().length;
        }
        GeneveBuilder builder = new GeneveBuilder().protocolType(0x6558).vni(vni).oam(oam).options(built);
        Serializer serializer = Serializer.of(Packets.payload(payload)).encapsulate(builder);
        byte[] bytes = serializer.serialize().toByteArray();
        // Opt Len counts exactly the options written.
        assertThat((bytes[0] & 0x3F) * 4).isEqualTo(optionBytes);
        assertThat(ReflectiveLayout.serializeInto(serializer, bytes.length + 7, (byte) 0)).isEqualTo(bytes);
        assertThat(ReflectiveLayout.serializeInto(serializer, bytes.length + 7, (byte) 0xFF)).isEqualTo(bytes);

        Geneve view = Geneve.parse(PacketBuffer.wrap(bytes));
        assertThat(view.vni()).isEqualTo(vni);
        assertThat(view.oam()).isEqualTo(oam);
        assertThat(view.headerLength()).isEqualTo(8 + optionBytes);
        assertThat(view.bodyLength()).isEqualTo(payload);
        List<Option> read = new ArrayList<>();
        OptionsIterator it = view.options();
        while (it.next()) {
            // Each option's own 5-bit length is its value in words, reserved bits zero.
            assertThat(bytes[it.offset() + 3] & 0xFF).isEqualTo(it.valueLength() / 4);
            read.add(new Option(it.kind() >>> 8, it.kind() & 0xFF,
                    Arrays.copyOfRange(it.array(), it.valueOffset(), it.valueOffset() + it.valueLength())));
        }
        assertThat(read).usingRecursiveFieldByFieldElementComparator().isEqualTo(options);
    }

    @Example
    void optionsTooLongForOptLenAreRefusedRatherThanWrittenWrong() {
        OptionsBuilder tooMany = new OptionsBuilder(GeneveOptionFormat.FORMAT);
        for (int i = 0; i < 8; i++) {
            tooMany.add(i, new byte[32]); // 8 x 36 = 288 bytes: Opt Len stops at 63 words
        }
        assertThatThrownBy(() -> Packets.build(new byte[0], new GeneveBuilder().options(tooMany)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("options are too long");
        assertThatThrownBy(() -> new OptionsBuilder(GeneveOptionFormat.FORMAT).add(1, new byte[128]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("124 bytes");
    }
}
