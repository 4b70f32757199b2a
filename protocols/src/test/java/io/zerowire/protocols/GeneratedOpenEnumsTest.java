package io.zerowire.protocols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerowire.protocols.ethernet.EtherType;
import io.zerowire.protocols.ip.IpProtocol;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Open enums generated from value sets ({@link EtherTypeTwins}, {@link IpProtocolTwins}) behave as
 * the hand-written {@link EtherType} and {@link IpProtocol} do, number by number: the evidence that
 * the generated classes can replace them.
 */
class GeneratedOpenEnumsTest {
    @Test
    void etherTypeAgreesForEveryNumber() {
        List<String> differences = new ArrayList<>();
        for (int v = 0; v <= 0xFFFF; v++) {
            EtherType hand = EtherType.of(v);
            EtherTypeTwin generated = EtherTypeTwin.of(v);
            if (generated.value() != hand.value() || generated.isKnown() != hand.isKnown()
                    || !generated.name().equals(hand.name()) || !generated.toString().equals(hand.toString())
                    || generated.hashCode() != hand.hashCode() || generated.isLength() != hand.isLength()
                    || generated.isTag() != hand.isTag() || (generated == EtherTypeTwin.of(v)) != (hand == EtherType.of(v))) {
                differences.add(String.format("0x%04x: %s / %s", v, hand, generated));
            }
        }
        assertThat(differences).isEmpty();
        assertThat(EtherTypeTwin.QINQ).hasToString(EtherType.QINQ.toString());
    }

    @Test
    void ipProtocolAgreesForEveryNumber() {
        List<String> differences = new ArrayList<>();
        for (int v = 0; v <= 0xFF; v++) {
            IpProtocol hand = IpProtocol.of(v);
            IpProtocolTwin generated = IpProtocolTwin.of(v);
            if (generated.value() != hand.value() || generated.isKnown() != hand.isKnown()
                    || !generated.name().equals(hand.name()) || !generated.toString().equals(hand.toString())
                    || generated.hashCode() != hand.hashCode()
                    || (generated == IpProtocolTwin.of(v)) != (hand == IpProtocol.of(v))) {
                differences.add(v + ": " + hand + " / " + generated);
            }
        }
        assertThat(differences).isEmpty();
        assertThat(IpProtocolTwin.SCTP).hasToString(IpProtocol.SCTP.toString());
    }

    @Test
    void bothRejectTheSameNumbers() {
        for (int v : new int[] {-1, 0x10000, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            assertThatThrownBy(() -> EtherType.of(v)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> EtherTypeTwin.of(v)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("an EtherTypeTwin is 16 unsigned bits, was " + v);
        }
        for (int v : new int[] {-1, 256}) {
            assertThatThrownBy(() -> IpProtocol.of(v)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> IpProtocolTwin.of(v)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
