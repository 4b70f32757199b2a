package io.zerowire.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerowire.options.OptionFormat.Padding;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class OptionFormatTest {

    @Test
    void ipv4AndTcp() {
        for (OptionFormat f : new OptionFormat[] {OptionFormat.IPV4, OptionFormat.TCP}) {
            assertThat(f.kindSize()).isEqualTo(1);
            assertThat(f.lengthSize()).isEqualTo(1);
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
        assertThat(OptionFormat.TCP.name()).isEqualTo("tcp");
        assertThat(OptionFormat.IPV4.toString()).contains("ipv4");
    }

    @Test
    void ipv6Extension() {
        OptionFormat f = OptionFormat.IPV6_EXTENSION;
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
        OptionFormat f = OptionFormat.NDP;
        assertThat(f.lengthIncludesHeader()).isTrue();
        assertThat(f.lengthUnit()).isEqualTo(8);
        assertThat(f.isSingleByte(0)).isFalse();
        assertThat(f.hasEndOfList()).isFalse();
        assertThat(f.regionAlignment()).isEqualTo(8);
        assertThat(f.maxValueLength()).isEqualTo(2038);
    }

    @Test
    void pcapng() {
        for (OptionFormat f : new OptionFormat[] {OptionFormat.PCAPNG_BIG_ENDIAN, OptionFormat.PCAPNG_LITTLE_ENDIAN}) {
            assertThat(f.kindSize()).isEqualTo(2);
            assertThat(f.lengthSize()).isEqualTo(2);
            assertThat(f.lengthIncludesHeader()).isFalse();
            assertThat(f.valueAlignment()).isEqualTo(4);
            assertThat(f.endOfListKind()).isZero();
            assertThat(f.isSingleByte(0)).isFalse();
            assertThat(f.regionAlignment()).isEqualTo(4);
            assertThat(f.maxKind()).isEqualTo(0xFFFF);
            assertThat(f.maxValueLength()).isEqualTo(0xFFFF);
        }
        assertThat(OptionFormat.PCAPNG_BIG_ENDIAN.byteOrder()).isEqualTo(ByteOrder.BIG_ENDIAN);
        assertThat(OptionFormat.PCAPNG_LITTLE_ENDIAN.byteOrder()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
        assertThat(OptionFormat.pcapng(ByteOrder.BIG_ENDIAN)).isSameAs(OptionFormat.PCAPNG_BIG_ENDIAN);
        assertThat(OptionFormat.pcapng(ByteOrder.LITTLE_ENDIAN)).isSameAs(OptionFormat.PCAPNG_LITTLE_ENDIAN);
    }

    @Test
    void toBuilderKeepsEveryRule() {
        OptionFormat f = OptionFormat.TCP.toBuilder().maxOptions(8).build();
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
