package io.zerowire.processor.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.ThreadMXBean;
import io.zerowire.buffer.PacketBuffer;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import java.lang.management.ManagementFactory;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The open enums generated from value sets ({@link FrameTypes}, {@link Transports}): constants,
 * {@code of} and its range, names and {@code toString} for known and unknown numbers, equality,
 * inherited helpers, no allocation for known numbers, and as layout fields ({@link TaggedLayout}),
 * with {@code @Const} given by number.
 */
class ValueSetsTest {
    @Example
    void knownNumbersAreTheConstants() {
        assertThat(FrameType.of(0x0800)).isSameAs(FrameType.IPV4);
        assertThat(FrameType.of(0x86DD)).isSameAs(FrameType.IPV6);
        assertThat(FrameType.QINQ.value()).isEqualTo(0x88A8);
        assertThat(FrameType.ARP.isKnown()).isTrue();
        assertThat(FrameType.ARP.name()).isEqualTo("ARP");
        assertThat(FrameType.ARP).hasToString("ARP(0x0806)");
        assertThat(Transport.of(6)).isSameAs(Transport.TCP);
        assertThat(Transport.UDP).hasToString("UDP(17)");
    }

    @Example
    void unknownNumbersAreKeptAndNamedByTheirNumber() {
        FrameType lldp = FrameType.of(0x88CC);
        assertThat(lldp.isKnown()).isFalse();
        assertThat(lldp.value()).isEqualTo(0x88CC);
        assertThat(lldp.name()).isEqualTo("0x88cc");
        assertThat(lldp).hasToString("0x88cc");
        assertThat(FrameType.of(5)).hasToString("0x0005");
        Transport sctp = Transport.of(132);
        assertThat(sctp.name()).isEqualTo("PROTOCOL_132");
        assertThat(sctp).hasToString("PROTOCOL_132(132)");
        assertThat(sctp).isEqualTo(Transport.of(132)).hasSameHashCodeAs(Transport.of(132)).isNotEqualTo(Transport.TCP);
    }

    @Example
    void numbersOutsideTheWidthAreRejected() {
        assertThatThrownBy(() -> FrameType.of(0x10000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a FrameType is 16 unsigned bits, was 65536");
        assertThatThrownBy(() -> FrameType.of(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Transport.of(256)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a Transport is 8 unsigned bits, was 256");
    }

    @Example
    void defaultMethodsOfTheValueSetAreTheClasssHelpers() {
        assertThat(FrameType.VLAN.isTag()).isTrue();
        assertThat(FrameType.of(0x88A8).isTag()).isTrue();
        assertThat(FrameType.IPV4.isTag()).isFalse();
        assertThat(FrameType.IPV4).isInstanceOf(FrameTypes.class);
    }

    @Property(tries = 2000)
    void ofKeepsEveryNumberInRange(@ForAll @IntRange(max = 0xFFFF) int v) {
        assertThat(FrameType.of(v).value()).isEqualTo(v);
        assertThat(FrameType.of(v)).isEqualTo(FrameType.of(v)).hasSameHashCodeAs(FrameType.of(v));
    }

    @Example
    void ofKeepsEveryNumberOfBothWidths() {
        for (int v = 0; v <= 0xFFFF; v++) {
            assertThat(FrameType.of(v).value()).isEqualTo(v);
            assertThat(FrameType.of(v).equals(FrameType.of(v))).isTrue();
        }
        for (int v = 0; v <= 0xFF; v++) {
            assertThat(Transport.of(v).value()).isEqualTo(v);
            assertThat(Transport.of(v)).isEqualTo(Transport.of(v));
        }
    }

    @Example
    void ofAllocatesNothingForKnownNumbers() {
        int[] known = {0x0800, 0x0806, 0x8100, 0x88A8, 0x86DD};
        long[] sink = new long[1];
        Runnable round = () -> {
            for (int i = 0; i < 100_000; i++) {
                sink[0] += FrameType.of(known[i % known.length]).value() + Transport.of(i % 3 == 0 ? 6 : 17).value();
            }
        };
        for (int i = 0; i < 20; i++) {
            round.run(); // warm up: let the JIT compile of
        }
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            round.run();
            least = Math.min(least, threads.getCurrentThreadAllocatedBytes() - before);
        }
        assertThat(least).as("bytes allocated by 200000 calls of of() (sink %d)", sink[0]).isZero();
    }

    @Example
    void aLayoutWithValueSetFieldsBuildsAndParses() throws ParseException {
        byte[] bytes = ReflectiveLayout.serialize(new TaggedBuilder().tci(0x0123).type(FrameType.IPV6)
                .transport(Transport.of(132)));
        assertThat(bytes).isEqualTo(new byte[] {(byte) 0x81, 0x00, 0x01, 0x23, (byte) 0x86, (byte) 0xDD, (byte) 132});

        Tagged view = Tagged.parse(PacketBuffer.wrap(bytes));
        assertThat(view.tpid()).isSameAs(FrameType.VLAN);
        assertThat(view.tci()).isEqualTo(0x0123);
        assertThat(view.type()).isSameAs(FrameType.IPV6);
        assertThat(view.transport()).isEqualTo(Transport.of(132));
        assertThat(view.transport().isKnown()).isFalse();
    }

    @Example
    void aConstantValueSetFieldRejectsOtherNumbers() {
        byte[] bytes = ReflectiveLayout.serialize(new TaggedBuilder().type(FrameType.ARP).transport(Transport.UDP));
        bytes[0] = (byte) 0x88;
        bytes[1] = (byte) 0xA8; // QINQ: known, but not the constant
        assertThatThrownBy(() -> Tagged.parse(PacketBuffer.wrap(bytes)))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ParseErrorKind.MALFORMED);
                    assertThat(e.field()).isEqualTo("tpid");
                });
    }
}
