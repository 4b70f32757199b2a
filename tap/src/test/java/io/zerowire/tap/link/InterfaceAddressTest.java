package io.zerowire.tap.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerowire.ip.AddressFormatException;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import org.junit.jupiter.api.Test;

class InterfaceAddressTest {
    @Test
    void parsesAnAddressWithItsPrefixAsIpWritesIt() {
        InterfaceAddress<Ipv4Address> v4 = InterfaceAddress.parseIpv4("10.0.0.2/24");
        assertThat(v4.address()).isEqualTo(Ipv4Address.parse("10.0.0.2"));
        assertThat(v4.prefixLength()).isEqualTo(24);
        assertThat(v4.subnet().network()).isEqualTo(Ipv4Address.parse("10.0.0.0"));
        assertThat(v4.subnet().contains(Ipv4Address.parse("10.0.0.254"))).isTrue();
        assertThat(v4.subnet().contains(Ipv4Address.parse("10.0.1.1"))).isFalse();
        assertThat(v4).hasToString("10.0.0.2/24");

        InterfaceAddress<Ipv6Address> v6 = InterfaceAddress.parseIpv6("fd00::2/64");
        assertThat(v6.address()).isEqualTo(Ipv6Address.parse("fd00::2"));
        assertThat(v6.subnet().contains(Ipv6Address.parse("fd00::ffff"))).isTrue();
        assertThat(v6.subnet().contains(Ipv6Address.parse("fd01::2"))).isFalse();
    }

    @Test
    void badInputGetsATypedErrorQuotingIt() {
        assertThatThrownBy(() -> InterfaceAddress.parseIpv4("10.0.0.2"))
                .isInstanceOf(AddressFormatException.class).hasMessageContaining("10.0.0.2")
                .hasMessageContaining("ADDRESS/PREFIX-LENGTH");
        assertThatThrownBy(() -> InterfaceAddress.parseIpv4("10.0.0.2/33"))
                .isInstanceOf(AddressFormatException.class).hasMessageContaining("greater than 32");
        assertThatThrownBy(() -> InterfaceAddress.parseIpv4("10.0.0.2/x"))
                .isInstanceOf(AddressFormatException.class).hasMessageContaining("prefix length");
        assertThatThrownBy(() -> InterfaceAddress.parseIpv4("224.0.0.1/4"))
                .isInstanceOf(AddressFormatException.class).hasMessageContaining("not a unicast address");
        assertThatThrownBy(() -> InterfaceAddress.parseIpv4("10.0.0.300/24"))
                .isInstanceOf(AddressFormatException.class);
        assertThatThrownBy(() -> InterfaceAddress.parseIpv6("fd00::2/129"))
                .isInstanceOf(AddressFormatException.class).hasMessageContaining("greater than 128");
        assertThatThrownBy(() -> InterfaceAddress.parseIpv6("::1/128"))
                .isInstanceOf(AddressFormatException.class).hasMessageContaining("not a unicast address");
        assertThatThrownBy(() -> InterfaceAddress.parseIpv6("fd00::2/64/1"))
                .isInstanceOf(AddressFormatException.class).hasMessageContaining("one \"/\"");
    }
}
