package io.zerowire.processor.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.parse.ParseException;
import org.junit.jupiter.api.Test;

/** A layout's default and static helpers work on the generated view and are not fields. */
class HelpersTest {

    @Test
    void defaultHelperReadsTheParsedFields() throws ParseException {
        // moreFragments set, offset 0: a first fragment.
        Helpers first = Helpers.parse(PacketBuffer.wrap(new byte[] {0x12, 0x34, 0x20, 0x00}));
        assertThat(first.isFragment()).isTrue();
        // moreFragments clear, offset 185 (1480 bytes): a last fragment.
        Helpers last = Helpers.parse(PacketBuffer.wrap(new byte[] {0x12, 0x34, 0x00, (byte) 0xB9}));
        assertThat(last.isFragment()).isTrue();
        assertThat(HelpersLayout.fragmentOffsetBytes(last)).isEqualTo(1480);
        // Neither: a whole datagram; the flag bits next to moreFragments do not count.
        Helpers whole = Helpers.parse(PacketBuffer.wrap(new byte[] {0x12, 0x34, (byte) 0xC0, 0x00}));
        assertThat(whole.isFragment()).isFalse();
        assertThat(HelpersLayout.fragmentOffsetBytes(whole)).isZero();
    }

    @Test
    void helpersAreNotFields() throws ParseException {
        assertThat(Helpers.FIXED_LENGTH).isEqualTo(4);
        Helpers view = Helpers.parse(PacketBuffer.wrap(Packets.build(new byte[0],
                new HelpersBuilder().identification(7).moreFragments(true))));
        assertThat(view.toString()).isEqualTo("helpers[identification=7, flags=0, moreFragments=true, fragmentOffset=0]");
        assertThat(view.isFragment()).isTrue();
    }
}
