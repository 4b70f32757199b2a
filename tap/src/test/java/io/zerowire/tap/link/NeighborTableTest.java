package io.zerowire.tap.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.link.MacAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class NeighborTableTest {
    private static final Ipv4Address HOST = Ipv4Address.parse("10.2.0.7");
    private static final Ipv6Address HOST6 = Ipv6Address.parse("fd02::7");
    private static final MacAddress MAC = MacAddress.parse("02:00:5e:10:02:07");
    private static final byte[] FRAME = {1, 2, 3, 4, 5, 6, 7, 8};

    private final NeighborTable table = new NeighborTable(4);

    @Test
    void learntAddressesAreFoundByTheirBitsForBothVersions() {
        assertThat(table.lookup(HOST)).isNull();
        table.learn(HOST, MAC);
        table.learn(HOST6, MacAddress.parse("02:00:5e:10:02:08"));
        assertThat(table.lookupIpv4(HOST.bits())).isEqualTo(MAC);
        assertThat(table.lookupIpv6(HOST6.high(), HOST6.low())).isEqualTo(MacAddress.parse("02:00:5e:10:02:08"));
        // An IPv4 address and its IPv4-mapped IPv6 twin are the same key: the table holds one kind per link.
        assertThat(table.lookup(Ipv6Address.parse("::ffff:10.2.0.7"))).isEqualTo(MAC);
        assertThat(table.lookup(Ipv4Address.parse("10.2.0.8"))).isNull();
        table.learn(HOST, MacAddress.parse("02:00:5e:10:02:09"));
        assertThat(table.lookup(HOST)).as("relearnt").isEqualTo(MacAddress.parse("02:00:5e:10:02:09"));
        assertThat(table.size()).isEqualTo(2);
    }

    @Test
    void framesWaitForTheirNeighbourAndSolicitationsAreSpaced() {
        long t = 1_000;
        assertThat(table.holdIpv4(HOST.bits(), FRAME, 2, 4, 0, t)).as("first frame: solicit").isTrue();
        FRAME[2] = 99;   // the table holds a copy
        assertThat(table.holdIpv4(HOST.bits(), FRAME, 0, 8, 1, t + 1)).as("within a second: wait").isFalse();
        assertThat(table.holdIpv4(HOST.bits(), FRAME, 0, 8, 0, t + NeighborTable.SOLICIT_INTERVAL_NANOS))
                .as("a second later: solicit again").isTrue();
        List<NeighborTable.HeldFrame> held = table.learn(HOST, MAC);
        assertThat(held).hasSize(3);
        assertThat(held.get(0).bytes()).containsExactly(3, 4, 5, 6);
        assertThat(held.get(0).receivedOn()).isZero();
        assertThat(held.get(1).receivedOn()).isEqualTo(1);
        assertThat(table.learn(HOST, MAC)).as("handed over once").isEmpty();
        assertThatThrownBy(() -> table.holdIpv4(HOST.bits(), FRAME, 0, 8, 0, t))
                .isInstanceOf(IllegalStateException.class);
        FRAME[2] = 3;
    }

    @Test
    void holdingAndTheTableAreBounded() {
        byte[] big = new byte[1000];
        int fit = NeighborTable.MAX_HELD_BYTES / big.length;
        for (int i = 0; i < fit + 3; i++) {
            table.holdIpv6(HOST6.high(), HOST6.low(), big, 0, big.length, 0, i + 1);
        }
        assertThat(table.dropped()).isEqualTo(3);
        assertThat(table.learn(HOST6, MAC)).hasSize(fit);
        for (int i = 1; i <= 3; i++) {
            table.learn(Ipv4Address.of(10, 0, 0, i), MAC);
        }
        assertThat(table.size()).isEqualTo(4);
        assertThat(table.holdIpv4(Ipv4Address.of(10, 0, 0, 9).bits(), FRAME, 0, 8, 0, 1)).isFalse();
        assertThat(table.dropped()).isEqualTo(4);
        assertThat(table.learn(Ipv4Address.of(10, 0, 0, 9), MAC)).isEmpty();
        assertThat(table.lookup(Ipv4Address.of(10, 0, 0, 9))).as("no room: not kept").isNull();
    }
}
