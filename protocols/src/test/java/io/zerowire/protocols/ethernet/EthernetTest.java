package io.zerowire.protocols.ethernet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.link.MacAddress;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.ethernet.EthernetFrames.MinimumLength;
import io.zerowire.serialize.Serializer;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Ethernet II and VLAN tags, byte by byte against IEEE 802.3 and 802.1Q. */
class EthernetTest {
    private static final MacAddress A = MacAddress.parse("02:00:00:00:00:01");
    private static final MacAddress B = MacAddress.parse("02:00:00:00:00:02");

    private static byte[] hex(String text) {
        byte[] b = new byte[text.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(text.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    @Test
    void a802dot1adFrameIsServiceTagThenCustomerTag() throws Exception {
        byte[] frame = Serializer.of(hex("45"))
                .encapsulate(new VlanTagBuilder().priority(3).vlanId(0x123).etherType(EtherType.IPV4))
                .encapsulate(new VlanTagBuilder().priority(5).dropEligible(true).vlanId(0xABC).etherType(EtherType.VLAN))
                .encapsulate(new EthernetBuilder().destination(A).source(B).etherType(EtherType.QINQ))
                .serialize().toByteArray();
        // dst, src, 88a8, PCP 5 DEI 1 VID abc, 8100, PCP 3 DEI 0 VID 123, 0800, payload, zeros to 60 bytes
        byte[] expected = Arrays.copyOf(hex("020000000001" + "020000000002" + "88a8" + "babc" + "8100" + "6123" + "0800"
                + "45"), 60);
        assertThat(frame).isEqualTo(expected);

        PacketBuffer buffer = PacketBuffer.wrap(frame);
        Ethernet eth = EthernetFrames.wrap(new Ethernet(), buffer, MinimumLength.CHECK);
        assertThat(eth.etherType()).isSameAs(EtherType.QINQ);
        VlanTag service = EthernetFrames.wrapTag(new VlanTag(), buffer);
        assertThat(service.priority()).isEqualTo(5);
        assertThat(service.dropEligible()).isTrue();
        assertThat(service.vlanId()).isEqualTo(0xABC);
        assertThat(service.etherType()).isSameAs(EtherType.VLAN);
        VlanTag customer = EthernetFrames.wrapTag(new VlanTag(), buffer);
        assertThat(customer.priority()).isEqualTo(3);
        assertThat(customer.dropEligible()).isFalse();
        assertThat(customer.vlanId()).isEqualTo(0x123);
        assertThat(customer.etherType()).isSameAs(EtherType.IPV4);
        assertThat(buffer.bodyStart()).isEqualTo(22);
        assertThat(buffer.bodyLength()).as("no length field: the padding stays in the body").isEqualTo(38);
    }

    @Property(tries = 100)
    void theBuilderPadsTheBodyTo46BytesWhateverTheTags(@ForAll @IntRange(max = 80) int payload,
            @ForAll @IntRange(max = 3) int tags) throws Exception {
        Serializer s = Serializer.of(new byte[payload]);
        for (int i = 0; i < tags; i++) {
            s = s.encapsulate(new VlanTagBuilder().vlanId(i + 1).etherType(i == 0 ? EtherType.IPV4 : EtherType.VLAN));
        }
        byte[] frame = s.encapsulate(new EthernetBuilder().destination(A).source(B)
                .etherType(tags == 0 ? EtherType.IPV4 : EtherType.VLAN)).serialize().toByteArray();
        assertThat(frame).hasSize(Math.max(60, 14 + 4 * tags + payload));
    }

    @Test
    void theMinimumLengthIsCheckedOnlyWhenAsked() throws Exception {
        byte[] short59 = new byte[59];
        short59[12] = 0x08;
        assertThatThrownBy(() -> EthernetFrames.wrap(new Ethernet(), PacketBuffer.wrap(short59), MinimumLength.CHECK))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ParseErrorKind.MALFORMED);
                    assertThat(e.offset()).isZero();
                });
        PacketBuffer buffer = PacketBuffer.wrap(short59);
        assertThat(EthernetFrames.wrap(new Ethernet(), buffer, MinimumLength.IGNORE).etherType()).isSameAs(EtherType.IPV4);
        assertThat(buffer.bodyLength()).isEqualTo(45);
        byte[] minimum = Arrays.copyOf(short59, 60);
        assertThat(EthernetFrames.wrap(new Ethernet(), PacketBuffer.wrap(minimum), MinimumLength.CHECK).etherType())
                .isSameAs(EtherType.IPV4);
    }

    @Property(tries = 100)
    void aTypeOfAtMost1500IsAn802dot3Length(@ForAll @IntRange(max = 0xFFFF) int type) throws Exception {
        byte[] frame = new byte[64];
        frame[12] = (byte) (type >> 8);
        frame[13] = (byte) type;
        PacketBuffer buffer = PacketBuffer.wrap(frame);
        if (type <= EtherType.MAX_LENGTH) {
            assertThatThrownBy(() -> EthernetFrames.parse(buffer)).isInstanceOfSatisfying(ParseException.class, e -> {
                assertThat(e.kind()).isEqualTo(ParseErrorKind.UNSUPPORTED);
                assertThat(e.field()).isEqualTo("etherType");
            });
            assertThat(buffer.bodyStart()).isZero();
            assertThat(EtherType.of(type).isLength()).isTrue();
        } else {
            assertThat(EthernetFrames.parse(buffer).etherTypeValue()).isEqualTo(type);
            assertThat(EtherType.of(type).isLength()).isFalse();
        }
    }

    @Test
    void aTruncatedTagIsMalformedAndLeavesTheBuffer() throws Exception {
        byte[] frame = hex("020000000001020000000002" + "8100" + "00");
        PacketBuffer buffer = PacketBuffer.wrap(frame);
        EthernetFrames.parse(buffer);
        assertThatThrownBy(() -> EthernetFrames.wrapTag(new VlanTag(), buffer))
                .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.kind()).isEqualTo(ParseErrorKind.MALFORMED));
        assertThat(buffer.bodyStart()).isEqualTo(14);
    }

    @Test
    void addressesAreRewrittenInPlaceFromTheirBitsAsFromTheirObjects() throws Exception {
        byte[] frame = hex("020000000001020000000002" + "0800" + "45");
        Ethernet eth = EthernetFrames.parse(PacketBuffer.wrap(frame));
        eth.setSourceBits(0x0A0B_0C0D_0E0FL).setDestinationBits(0xFFFF_FFFF_FFFFL);
        assertThat(eth.source()).isEqualTo(MacAddress.of(0x0A0B_0C0D_0E0FL));
        assertThat(eth.destination()).isEqualTo(MacAddress.BROADCAST);
        assertThat(Arrays.copyOf(frame, 12)).isEqualTo(hex("ffffffffffff0a0b0c0d0e0f"));
        assertThat(frame[12]).as("the type is left alone").isEqualTo((byte) 0x08);
        assertThatThrownBy(() -> eth.setSourceBits(1L << 48)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("48 bits");
        assertThat(eth.sourceBits()).as("a refused value writes nothing").isEqualTo(0x0A0B_0C0D_0E0FL);
    }
}
