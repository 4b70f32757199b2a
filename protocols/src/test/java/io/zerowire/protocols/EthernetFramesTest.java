package io.zerowire.protocols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.link.MacAddress;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.ethernet.EtherType;
import io.zerowire.protocols.ethernet.Ethernet;
import io.zerowire.protocols.ethernet.EthernetBuilder;
import io.zerowire.protocols.ethernet.EthernetFrames;
import io.zerowire.protocols.ethernet.EthernetFrames.MinimumLength;
import io.zerowire.protocols.ethernet.VlanTag;
import io.zerowire.protocols.ethernet.VlanTagBuilder;
import io.zerowire.serialize.Serializer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class EthernetFramesTest {
    private static final MacAddress A = MacAddress.parse("02:00:00:00:00:01");
    private static final MacAddress B = MacAddress.parse("02:00:00:00:00:02");

    @Test
    void buildsAndParsesQinQTagByTag() throws Exception {
        PacketBuffer frame = Serializer.of(new byte[] {1, 2, 3})
                .encapsulate(new VlanTagBuilder().priority(5).vlanId(100).etherType(EtherType.IPV4))
                .encapsulate(new VlanTagBuilder().dropEligible(true).vlanId(4000).etherType(EtherType.VLAN))
                .encapsulate(new EthernetBuilder().destination(A).source(B).etherType(EtherType.QINQ))
                .serialize();
        assertThat(frame.bodyLength()).as("body padded to 46 bytes").isEqualTo(60);

        Ethernet eth = EthernetFrames.wrap(new Ethernet(), frame, MinimumLength.CHECK);
        assertThat(eth.destination()).isEqualTo(A);
        assertThat(eth.source()).isEqualTo(B);
        assertThat(eth.etherType()).isEqualTo(EtherType.QINQ);
        VlanTag outer = EthernetFrames.wrapTag(new VlanTag(), frame);
        assertThat(outer.vlanId()).isEqualTo(4000);
        assertThat(outer.dropEligible()).isTrue();
        assertThat(outer.etherType().isTag()).isTrue();
        VlanTag inner = EthernetFrames.wrapTag(new VlanTag(), frame);
        assertThat(inner.priority()).isEqualTo(5);
        assertThat(inner.vlanId()).isEqualTo(100);
        assertThat(inner.etherType()).isSameAs(EtherType.IPV4);
        assertThat(frame.bodyLength()).isEqualTo(60 - 22);
    }

    @Property(tries = 200)
    void lengthFieldsAreUnsupportedAndLeaveTheBufferAlone(@ForAll @IntRange(max = 1500) int length) {
        byte[] bytes = new byte[64];
        bytes[12] = (byte) (length >> 8);
        bytes[13] = (byte) length;
        PacketBuffer buffer = PacketBuffer.wrap(bytes);
        assertThatThrownBy(() -> EthernetFrames.parse(buffer)).isInstanceOfSatisfying(ParseException.class, e -> {
            assertThat(e.kind()).isEqualTo(ParseErrorKind.UNSUPPORTED);
            assertThat(e.field()).isEqualTo("etherType");
            assertThat(e.offset()).isEqualTo(12);
        });
        assertThat(buffer.bodyStart()).isZero();
        assertThat(buffer.bodyLength()).isEqualTo(64);
    }

    @Test
    void aLengthInsideATagIsUnsupported() throws Exception {
        byte[] bytes = new byte[64];
        bytes[12] = (byte) 0x81;
        bytes[17] = 46; // the tag's type field holds a length
        PacketBuffer buffer = PacketBuffer.wrap(bytes);
        EthernetFrames.parse(buffer);
        assertThatThrownBy(() -> EthernetFrames.wrapTag(new VlanTag(), buffer))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ParseErrorKind.UNSUPPORTED);
                    assertThat(e.offset()).isEqualTo(16);
                });
    }

    @Test
    void theMinimumFrameIsCheckedOnlyWhenAsked() throws Exception {
        byte[] bytes = new byte[59];
        bytes[12] = 0x08;
        assertThatThrownBy(() -> EthernetFrames.wrap(new Ethernet(), PacketBuffer.wrap(bytes), MinimumLength.CHECK))
                .isInstanceOfSatisfying(ParseException.class,
                        e -> assertThat(e.kind()).isEqualTo(ParseErrorKind.MALFORMED));
        assertThat(EthernetFrames.wrap(new Ethernet(), PacketBuffer.wrap(bytes), MinimumLength.IGNORE).etherType())
                .isEqualTo(EtherType.IPV4);
        byte[] minimum = java.util.Arrays.copyOf(bytes, 60);
        assertThat(EthernetFrames.wrap(new Ethernet(), PacketBuffer.wrap(minimum), MinimumLength.CHECK).etherType())
                .isEqualTo(EtherType.IPV4);
    }

    @Test
    void etherTypeIsAnOpenEnum() {
        assertThat(EtherType.of(0x0800)).isSameAs(EtherType.IPV4);
        assertThat(EtherType.of(0x0806)).isSameAs(EtherType.ARP);
        assertThat(EtherType.of(0x8100)).isSameAs(EtherType.VLAN);
        assertThat(EtherType.of(0x88A8)).isSameAs(EtherType.QINQ);
        assertThat(EtherType.of(0x86DD)).isSameAs(EtherType.IPV6);
        EtherType lldp = EtherType.of(0x88CC);
        assertThat(lldp.isKnown()).isFalse();
        assertThat(lldp.value()).isEqualTo(0x88CC);
        assertThat(lldp).isEqualTo(EtherType.of(0x88CC)).hasToString("0x88cc");
        assertThat(EtherType.of(1500).isLength()).isTrue();
        assertThat(EtherType.of(1536).isLength()).isFalse();
        assertThatThrownBy(() -> EtherType.of(0x10000)).isInstanceOf(IllegalArgumentException.class);
    }
}
