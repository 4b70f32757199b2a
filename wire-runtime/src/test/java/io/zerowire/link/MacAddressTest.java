package io.zerowire.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.zerowire.ip.AddressFormatException;
import io.zerowire.ip.Ipv4;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6;
import io.zerowire.ip.Ipv6Address;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class MacAddressTest {

    @ParameterizedTest
    @CsvSource({
        "02:00:5e:10:00:01, 02:00:5e:10:00:01, 0x02005e100001",
        "02-00-5E-10-00-01, 02:00:5e:10:00:01, 0x02005e100001",
        "02-00-5e-10-00-01, 02:00:5e:10:00:01, 0x02005e100001",
        "AA:BB:CC:DD:EE:FF, aa:bb:cc:dd:ee:ff, 0xaabbccddeeff",
        "00:00:00:00:00:00, 00:00:00:00:00:00, 0x000000000000",
        "ff:ff:ff:ff:ff:ff, ff:ff:ff:ff:ff:ff, 0xffffffffffff",
        "01:00:5e:7f:ff:fa, 01:00:5e:7f:ff:fa, 0x01005e7ffffa"})
    void parseAndFormat(String text, String canonical, String hexBits) {
        long bits = Long.parseLong(hexBits.substring(2), 16);
        MacAddress mac = MacAddress.parse(text);
        assertThat(mac.bits()).isEqualTo(bits);
        assertThat(mac).hasToString(canonical).isEqualTo(MacAddress.of(bits));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                arguments("", "empty string"),
                arguments("02:00:5e:10:00", "expected 6 bytes, found 5"),
                arguments("02", "expected 6 bytes, found 1"),
                arguments("02:00:5e:10:00:01:02", "more than 6 bytes"),
                arguments("02:00:5e:10:00:01:", "ends with a separator"),
                arguments("02:00:5e:10:00:", "byte 6 is empty"),
                arguments(":02:00:5e:10:00:01", "byte 1 is empty"),
                arguments("02::5e:10:00:01", "byte 2 is empty"),
                arguments("02.00.5e.10.00.01",
                        "invalid character '.' at index 2 (expected a hex digit, ':' or '-')"),
                arguments("0200.5e10.0001",
                        "invalid character '.' at index 4 (expected a hex digit, ':' or '-')"),
                arguments("02 00 5e 10 00 01",
                        "invalid character U+0020 at index 2 (expected a hex digit, ':' or '-')"),
                arguments("02_00_5e_10_00_01",
                        "invalid character '_' at index 2 (expected a hex digit, ':' or '-')"),
                arguments("02:00:5e:10:00:01 ",
                        "invalid character U+0020 at index 17 (expected a hex digit, ':' or '-')"),
                arguments("g2:00:5e:10:00:01",
                        "invalid character 'g' at index 0 (expected a hex digit, ':' or '-')"),
                arguments("02:00:5e:10:00:0x",
                        "invalid character 'x' at index 16 (expected a hex digit, ':' or '-')"),
                arguments("02005e100001", "byte 1 (\"02005e100001\") must have exactly 2 hex digits"),
                arguments("2:0:5e:10:0:1", "byte 1 (\"2\") must have exactly 2 hex digits"),
                arguments("02:0:5e:10:00:01", "byte 2 (\"0\") must have exactly 2 hex digits"),
                arguments("02:00:5e:10:00:001", "byte 6 (\"001\") must have exactly 2 hex digits"),
                arguments("02:00-5e:10:00:01", "mixed separators ':' and '-'"),
                arguments("02-00-5e-10-00:01", "mixed separators '-' and ':'"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void rejectsMalformedTextWithAMessageThatQuotesItAndSaysWhy(String text, String problem) {
        assertThatThrownBy(() -> MacAddress.parse(text))
                .isInstanceOf(AddressFormatException.class)
                .hasMessage("Invalid MAC address \"" + text + "\": " + problem)
                .satisfies(e -> assertThat(((AddressFormatException) e).problem())
                        .isEqualTo(problem));
    }

    @Test
    void parseRejectsNull() {
        assertThatThrownBy(() -> MacAddress.parse(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void ofRejectsBitsBeyond48() {
        assertThatThrownBy(() -> MacAddress.of(0x1_0000_0000_0000L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MAC address bits 0x1000000000000 do not fit in 48 bits");
        assertThatThrownBy(() -> MacAddress.of(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(MacAddress.of(0xffff_ffff_ffffL)).isEqualTo(MacAddress.BROADCAST);
    }

    @Test
    void predicatesOnWellKnownAddresses() {
        record Case(String text, boolean broadcast, boolean multicast, boolean local) {}
        Case[] cases = {
            new Case("ff:ff:ff:ff:ff:ff", true, true, true),
            new Case("ff:ff:ff:ff:ff:fe", false, true, true),
            new Case("01:00:5e:00:00:01", false, true, false),
            new Case("33:33:00:00:00:01", false, true, true),
            new Case("01:80:c2:00:00:0e", false, true, false),
            new Case("02:00:5e:10:00:01", false, false, true),
            new Case("00:1b:21:3a:4f:5e", false, false, false),
            new Case("00:00:00:00:00:00", false, false, false),
            new Case("fe:ff:ff:ff:ff:ff", false, false, true),
            new Case("fc:ff:ff:ff:ff:ff", false, false, false),
        };
        for (Case c : cases) {
            MacAddress mac = MacAddress.parse(c.text());
            assertThat(mac.isBroadcast()).as("%s broadcast", c.text()).isEqualTo(c.broadcast());
            assertThat(mac.isMulticast()).as("%s multicast", c.text()).isEqualTo(c.multicast());
            assertThat(mac.isUnicast()).as("%s unicast", c.text()).isEqualTo(!c.multicast());
            assertThat(mac.isLocallyAdministered()).as("%s local", c.text())
                    .isEqualTo(c.local());
        }
        assertThat(MacAddress.BROADCAST).hasToString("ff:ff:ff:ff:ff:ff");
        assertThat(MacAddress.BROADCAST.isBroadcast()).isTrue();
    }

    @Test
    void ipv6MulticastMapping() {
        assertThat(MacAddress.forIpv6Multicast(Ipv6.ALL_NODES_LINK_LOCAL_MULTICAST))
                .hasToString("33:33:00:00:00:01");
        assertThat(MacAddress.forIpv6Multicast(Ipv6Address.parse("ff02::1:ff28:9c5a")))
                .hasToString("33:33:ff:28:9c:5a");
        assertThat(MacAddress.forIpv6Multicast(Ipv6Address.parse("ff05::1:3")))
                .hasToString("33:33:00:01:00:03");
        assertThat(MacAddress.forIpv6Multicast(
                Ipv6Address.parse("ff0e:ffff:ffff:ffff:ffff:ffff:8765:4321")))
                .hasToString("33:33:87:65:43:21");
        assertThatThrownBy(() -> MacAddress.forIpv6Multicast(Ipv6Address.parse("fe80::1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Not an IPv6 multicast address: fe80::1");
        assertThatThrownBy(() -> MacAddress.forIpv6Multicast(null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void ipv4MulticastMapping() {
        assertThat(MacAddress.forIpv4Multicast(Ipv4.ALL_SYSTEMS_MULTICAST))
                .hasToString("01:00:5e:00:00:01");
        assertThat(MacAddress.forIpv4Multicast(Ipv4Address.parse("239.255.255.250")))
                .hasToString("01:00:5e:7f:ff:fa");
        // Only the low 23 bits are kept: 32 groups share each MAC address.
        assertThat(MacAddress.forIpv4Multicast(Ipv4Address.parse("224.128.0.1")))
                .hasToString("01:00:5e:00:00:01");
        assertThat(MacAddress.forIpv4Multicast(Ipv4Address.parse("225.0.0.1")))
                .hasToString("01:00:5e:00:00:01");
        assertThat(MacAddress.forIpv4Multicast(Ipv4Address.parse("239.255.255.255")))
                .hasToString("01:00:5e:7f:ff:ff");
        assertThatThrownBy(() -> MacAddress.forIpv4Multicast(Ipv4Address.parse("192.0.2.1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Not an IPv4 multicast address: 192.0.2.1");
        assertThatThrownBy(() -> MacAddress.forIpv4Multicast(Ipv4.LIMITED_BROADCAST))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readAndWriteAtTheOffset() {
        byte[] array = {0x55, 0, 0, 0, 0, 0, 0, 0x66};
        MacAddress mac = MacAddress.parse("02:00:5e:10:00:01");
        mac.write(array, 1);
        assertThat(array).containsExactly(0x55, 0x02, 0x00, 0x5e, 0x10, 0x00, 0x01, 0x66);
        assertThat(MacAddress.read(array, 1)).isEqualTo(mac);
        assertThat(mac.toByteArray()).containsExactly(0x02, 0x00, 0x5e, 0x10, 0x00, 0x01);
        assertThat(MacAddress.read(new byte[] {-1, -1, -1, -1, -1, -1}, 0))
                .isEqualTo(MacAddress.BROADCAST);
    }

    @Test
    void readAndWriteCheckBounds() {
        assertThatThrownBy(() -> MacAddress.read(new byte[6], 1))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> MacAddress.read(new byte[6], -1))
                .isInstanceOf(IndexOutOfBoundsException.class);
        byte[] small = new byte[7];
        assertThatThrownBy(() -> MacAddress.BROADCAST.write(small, 2))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(small).containsOnly(0);
    }

    @Test
    void equalsHashCodeAndCompareTo() {
        MacAddress a = MacAddress.parse("02:00:5e:10:00:01");
        assertThat(a).isEqualTo(MacAddress.of(0x0200_5e10_0001L))
                .hasSameHashCodeAs(MacAddress.of(0x0200_5e10_0001L))
                .isNotEqualTo(MacAddress.of(0x0200_5e10_0002L))
                .isNotEqualTo("02:00:5e:10:00:01")
                .isNotEqualTo(null);
        assertThat(a.compareTo(MacAddress.BROADCAST)).isNegative();
        assertThat(MacAddress.BROADCAST.compareTo(a)).isPositive();
        assertThat(MacAddress.parse("80:00:00:00:00:00")
                .compareTo(MacAddress.parse("7f:ff:ff:ff:ff:ff"))).isPositive();
        assertThat(a.compareTo(MacAddress.of(0x0200_5e10_0001L))).isZero();
    }
}
