package io.zerowire.serialize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The constraint-combination cases of netstack3's packet crate. */
class PacketConstraintsTest {
    @Test
    void headersAndFootersAdd() {
        PacketConstraints inner = PacketConstraints.of(20, 4, 0, 1000);
        PacketConstraints outer = PacketConstraints.of(14, 4, 0, 1500);
        PacketConstraints combined = inner.encapsulate(outer);
        assertThat(combined.headerLength()).isEqualTo(34);
        assertThat(combined.footerLength()).isEqualTo(8);
    }

    @Test
    void minimumBodyShrinksByTheInnerHeaderAndFooter() {
        // Ethernet pads to 46 bytes of body; an IPv4 header of 20 leaves 26 for its own body.
        PacketConstraints ipv4 = PacketConstraints.of(20, 0, 0, 65515);
        PacketConstraints ethernet = PacketConstraints.of(14, 0, 46, 1500);
        assertThat(ipv4.encapsulate(ethernet).minBodyLength()).isEqualTo(26);
    }

    @Test
    void minimumBodyNeverGoesBelowZero() {
        PacketConstraints bigHeader = PacketConstraints.of(60, 0, 0, 1000);
        PacketConstraints outer = PacketConstraints.of(14, 0, 46, 1500);
        assertThat(bigHeader.encapsulate(outer).minBodyLength()).isZero();
    }

    @Test
    void innerMinimumWinsWhenLarger() {
        PacketConstraints inner = PacketConstraints.of(4, 0, 100, 1000);
        PacketConstraints outer = PacketConstraints.of(14, 0, 46, 1500);
        assertThat(inner.encapsulate(outer).minBodyLength()).isEqualTo(100);
    }

    @Test
    void maximumBodyIsTheSmallerOfOwnAndOuterRemainder() {
        PacketConstraints ipv4 = PacketConstraints.of(20, 0, 0, 65515);
        assertThat(ipv4.encapsulate(PacketConstraints.maxBody(1500)).maxBodyLength()).isEqualTo(1480);
        PacketConstraints small = PacketConstraints.of(20, 0, 0, 100);
        assertThat(small.encapsulate(PacketConstraints.maxBody(1500)).maxBodyLength()).isEqualTo(100);
    }

    @Test
    void innerHeadersAloneExceedingTheOuterMaximumIsRejected() {
        PacketConstraints inner = PacketConstraints.of(30, 10, 0, 1000);
        assertThat(inner.encapsulate(PacketConstraints.maxBody(39))).isNull();
        assertThat(inner.encapsulate(PacketConstraints.maxBody(40))).isNotNull()
                .extracting(PacketConstraints::maxBodyLength).isEqualTo(0);
    }

    @Test
    void anInnerMinimumThatCannotFitTheOuterMaximumIsRejected() {
        PacketConstraints inner = PacketConstraints.of(0, 0, 100, 1000);
        assertThat(inner.encapsulate(PacketConstraints.maxBody(50))).isNull();
    }

    @Test
    void anOuterMinimumAboveTheInnerMaximumIsNotAnErrorBecauseTheOuterLayerPads() {
        PacketConstraints inner = PacketConstraints.of(20, 0, 0, 50);
        PacketConstraints outer = PacketConstraints.of(14, 0, 100, 1500);
        PacketConstraints combined = inner.encapsulate(outer);
        assertThat(combined).isNotNull();
        assertThat(combined.maxBodyLength()).isEqualTo(50);
        assertThat(combined.minBodyLength()).isEqualTo(80);
    }

    @Test
    void overflowIsRejected() {
        PacketConstraints huge = PacketConstraints.of(Integer.MAX_VALUE - 10, 0, 0, 10);
        PacketConstraints outer = PacketConstraints.of(100, 0, 0, Integer.MAX_VALUE);
        assertThat(huge.encapsulate(outer)).isNull();
        assertThatThrownBy(() -> PacketConstraints.of(Integer.MAX_VALUE, 1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidConstraintsAreRejectedWithTheirValues() {
        assertThatThrownBy(() -> PacketConstraints.of(0, 0, 10, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("min body 10")
                .hasMessageContaining("max body 5");
        assertThatThrownBy(() -> PacketConstraints.of(-1, 0, 0, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
