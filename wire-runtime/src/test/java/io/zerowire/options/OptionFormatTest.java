package io.zerowire.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerowire.options.OptionFormat.Padding;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class OptionFormatTest {

    @Test
    void ipv4AndTcp() {
        for (OptionFormat f : new OptionFormat[] {Formats.IPV4, Formats.TCP}) {
            assertThat(f.kindBitOffset()).isZero();
            assertThat(f.kindBitWidth()).isEqualTo(8);
            assertThat(f.lengthBitOffset()).isEqualTo(8);
            assertThat(f.lengthBitWidth()).isEqualTo(8);
            assertThat(f.headerSize()).isEqualTo(2);
            assertThat(f.lengthIncludesHeader()).isTrue();
            assertThat(f.lengthUnit()).isEqualTo(1);
            assertThat(f.isSingleByte(0)).isTrue();
            assertThat(f.isSingleByte(1)).isTrue();
            assertThat(f.isSingleByte(2)).isFalse();
            assertThat(f.isSingleByte(0x94)).isFalse();
            assertThat(f.endOfListKind()).isZero();
            assertThat(f.hasEndOfList()).isTrue();
            assertThat(f.valueAlignment()).isEqualTo(1);
            assertThat(f.padding()).isEqualTo(Padding.END_OF_LIST_THEN_ZEROS);
            assertThat(f.regionAlignment()).isEqualTo(4);
            assertThat(f.maxOptions()).isEqualTo(64);
            assertThat(f.maxValueLength()).isEqualTo(253);
            assertThat(f.byteOrder()).isEqualTo(ByteOrder.BIG_ENDIAN);
        }
        assertThat(Formats.TCP.name()).isEqualTo("tcp");
        assertThat(Formats.IPV4.toString()).contains("ipv4");
    }

    @Test
    void ipv6Extension() {
        OptionFormat f = Formats.IPV6_EXTENSION;
        assertThat(f.lengthIncludesHeader()).isFalse();
        assertThat(f.isSingleByte(0)).isTrue();
        assertThat(f.isSingleByte(1)).isFalse();
        assertThat(f.hasEndOfList()).isFalse();
        assertThat(f.endOfListKind()).isEqualTo(OptionFormat.NO_KIND);
        assertThat(f.padding()).isEqualTo(Padding.PAD1_PADN);
        assertThat(f.pad1Kind()).isZero();
        assertThat(f.padNKind()).isEqualTo(1);
        assertThat(f.regionAlignment()).isEqualTo(8);
        assertThat(f.maxValueLength()).isEqualTo(255);
    }

    @Test
    void ndp() {
        OptionFormat f = Formats.NDP;
        assertThat(f.lengthIncludesHeader()).isTrue();
        assertThat(f.lengthUnit()).isEqualTo(8);
        assertThat(f.isSingleByte(0)).isFalse();
        assertThat(f.hasEndOfList()).isFalse();
        assertThat(f.regionAlignment()).isEqualTo(8);
        assertThat(f.maxValueLength()).isEqualTo(2038);
    }

    @Test
    void pcapng() {
        for (OptionFormat f : new OptionFormat[] {Formats.PCAPNG_BIG_ENDIAN, Formats.PCAPNG_LITTLE_ENDIAN}) {
            assertThat(f.kindBitWidth()).isEqualTo(16);
            assertThat(f.lengthBitOffset()).isEqualTo(16);
            assertThat(f.lengthBitWidth()).isEqualTo(16);
            assertThat(f.headerSize()).isEqualTo(4);
            assertThat(f.lengthIncludesHeader()).isFalse();
            assertThat(f.valueAlignment()).isEqualTo(4);
            assertThat(f.endOfListKind()).isZero();
            assertThat(f.isSingleByte(0)).isFalse();
            assertThat(f.regionAlignment()).isEqualTo(4);
            assertThat(f.maxKind()).isEqualTo(0xFFFF);
            assertThat(f.maxValueLength()).isEqualTo(0xFFFF);
        }
        assertThat(Formats.PCAPNG_BIG_ENDIAN.byteOrder()).isEqualTo(ByteOrder.BIG_ENDIAN);
        assertThat(Formats.PCAPNG_LITTLE_ENDIAN.byteOrder()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void bitPlacedFieldsReadAndWriteOnlyTheirBits() {
        // GENEVE: class 0x0102, type 0x80, reserved bits set on the wire, length 2 (8 bytes of value).
        byte[] header = {0x01, 0x02, (byte) 0x80, (byte) 0xE2};
        OptionFormat f = Formats.GENEVE;
        assertThat(f.kindAt(header, 0)).isEqualTo(0x010280);
        assertThat(f.lengthFieldAt(header, 0)).isEqualTo(2);
        assertThat(f.maxKind()).isEqualTo(0xFF_FFFF);
        assertThat(f.maxValueLength()).isEqualTo(31 * 4);
        byte[] written = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x55};
        f.writeHeader(written, 0, 0x010280, 2);
        assertThat(written).containsExactly(0x01, 0x02, 0x80, 0x02, 0x55);
        assertThat(f.toBuilder().build().lengthBitOffset()).isEqualTo(27);
        // NSH MD type 2 (RFC 8300 2.5.1): a 7-bit length after one unassigned bit.
        OptionFormat nsh = Formats.NSH;
        assertThat(nsh.lengthFieldAt(new byte[] {0, 0, 0, (byte) 0x85}, 0)).isEqualTo(5);
        assertThat(nsh.totalLength(5)).isEqualTo(4 + 8);
    }

    @Test
    void misplacedFieldsAreRejected() {
        assertThatThrownBy(() -> OptionFormat.builder().headerSize(4).kindBits(0, 24).lengthBits(20, 8).build())
                .hasMessageContaining("overlap");
        assertThatThrownBy(() -> OptionFormat.builder().headerSize(2).kindBits(0, 8).lengthBits(8, 9).build())
                .hasMessageContaining("within the header");
        assertThatThrownBy(() -> OptionFormat.builder().headerSize(4).kindBits(0, 25).lengthBits(25, 7).build())
                .hasMessageContaining("1 to 24 bits");
        assertThatThrownBy(() -> OptionFormat.builder().headerSize(9).kindBits(0, 8).lengthBits(8, 8).build())
                .hasMessageContaining("1 to 8 bytes");
        assertThatThrownBy(() -> OptionFormat.builder().byteOrder(ByteOrder.LITTLE_ENDIAN).headerSize(4)
                .kindBits(0, 24).lengthBits(27, 5).build()).hasMessageContaining("whole bytes");
        assertThatThrownBy(() -> OptionFormat.builder().headerSize(4).kindBits(8, 8).lengthBits(16, 8)
                .singleByteKinds(0).build()).hasMessageContaining("first byte");
    }

    @Test
    void toBuilderKeepsEveryRule() {
        OptionFormat f = Formats.TCP.toBuilder().maxOptions(8).build();
        assertThat(f.maxOptions()).isEqualTo(8);
        assertThat(f.isSingleByte(1)).isTrue();
        assertThat(f.endOfListKind()).isZero();
        assertThat(f.regionAlignment()).isEqualTo(4);
        assertThat(f.name()).isEqualTo("tcp");
        OptionFormat custom = OptionFormat.builder().singleByteKinds(0, 63, 64, 127, 128, 255).build();
        OptionFormat copy = custom.toBuilder().build();
        for (int k = 0; k < 256; k++) {
            assertThat(copy.isSingleByte(k)).as("kind %d", k).isEqualTo(custom.isSingleByte(k));
        }
        assertThat(copy.isSingleByte(255)).isTrue();
        assertThat(copy.isSingleByte(256)).isFalse();
        assertThat(copy.isSingleByte(-1)).isFalse();
        assertThat(copy.toBuilder().noSingleByteKinds().build().isSingleByte(63)).isFalse();
    }

    @Test
    void inconsistentRulesAreRejected() {
        assertThatThrownBy(() -> OptionFormat.builder().kindSize(3).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OptionFormat.builder().lengthSize(0).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OptionFormat.builder().lengthUnit(3).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OptionFormat.builder().regionAlignment(16).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OptionFormat.builder().maxOptions(0).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OptionFormat.builder().valueAlignment(4).lengthIncludesHeader(true).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OptionFormat.builder().kindSize(2).singleByteKinds(1).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OptionFormat.builder().singleByteKinds(256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OptionFormat.builder().endOfListKind(256).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OptionFormat.builder().padding(Padding.END_OF_LIST_THEN_ZEROS).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OptionFormat.builder().padding(Padding.PAD1_PADN).padNKind(1).build())
                .as("Pad1 kind not single-byte").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OptionFormat.builder().padding(Padding.PAD1_PADN).singleByteKinds(0, 1)
                .pad1Kind(0).padNKind(1).build()).as("PadN single-byte").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OptionFormat.builder().padding(Padding.PAD1_PADN).singleByteKinds(0)
                .pad1Kind(0).padNKind(1).lengthUnit(8).build()).isInstanceOf(IllegalArgumentException.class);
    }
}
