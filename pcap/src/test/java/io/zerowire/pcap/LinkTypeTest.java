package io.zerowire.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkTypeTest {
    @Test
    void knownNumbersAreTheNamedConstants() {
        assertThat(LinkType.of(0)).isSameAs(LinkType.NULL);
        assertThat(LinkType.of(1)).isSameAs(LinkType.ETHERNET);
        assertThat(LinkType.of(101)).isSameAs(LinkType.RAW);
        assertThat(LinkType.of(113)).isSameAs(LinkType.LINUX_SLL);
        assertThat(LinkType.of(228)).isSameAs(LinkType.IPV4);
        assertThat(LinkType.of(229)).isSameAs(LinkType.IPV6);
        assertThat(LinkType.of(276)).isSameAs(LinkType.LINUX_SLL2);
        assertThat(LinkType.ETHERNET.isKnown()).isTrue();
        assertThat(LinkType.ETHERNET.toString()).isEqualTo("ETHERNET(1)");
    }

    @Test
    void unknownNumbersAreKeptNotGuessed() {
        LinkType ppp = LinkType.of(9);
        assertThat(ppp.value()).isEqualTo(9);
        assertThat(ppp.isKnown()).isFalse();
        assertThat(ppp.name()).isEqualTo("LINKTYPE_9");
        assertThat(ppp).isEqualTo(LinkType.of(9)).hasSameHashCodeAs(LinkType.of(9)).isNotEqualTo(LinkType.of(8));
    }
}
