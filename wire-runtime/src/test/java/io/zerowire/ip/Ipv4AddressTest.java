package io.zerowire.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class Ipv4AddressTest {

    @ParameterizedTest
    @CsvSource({
        "0.0.0.0, 0x00000000",
        "127.0.0.1, 0x7f000001",
        "192.0.2.1, 0xc0000201",
        "10.20.30.40, 0x0a141e28",
        "128.0.0.0, 0x80000000",
        "255.255.255.255, 0xffffffff",
        "1.2.3.4, 0x01020304"})
    void parseAndFormat(String text, String hexBits) {
        int bits = Integer.parseUnsignedInt(hexBits.substring(2), 16);
        assertThat(Ipv4Address.parse(text).bits()).isEqualTo(bits);
        assertThat(Ipv4Address.of(bits)).hasToString(text);
        assertThat(Ipv4Address.parse(text)).isEqualTo(Ipv4Address.of(bits));
    }

    @Test
    void ofFourBytes() {
        assertThat(Ipv4Address.of(192, 0, 2, 1).bits()).isEqualTo(0xc000_0201);
        assertThat(Ipv4Address.of(255, 255, 255, 255).bits()).isEqualTo(-1);
        assertThat(Ipv4Address.of(0, 0, 0, 0).bits()).isZero();
        assertThatThrownBy(() -> Ipv4Address.of(256, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("IPv4 address byte 1 is 256, must be 0 to 255");
        assertThatThrownBy(() -> Ipv4Address.of(0, 0, 0, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("IPv4 address byte 4 is -1, must be 0 to 255");
        assertThatThrownBy(() -> Ipv4Address.of(0, 300, 0, 0))
                .hasMessageContaining("byte 2 is 300");
        assertThatThrownBy(() -> Ipv4Address.of(0, 0, 1000, 0))
                .hasMessageContaining("byte 3 is 1000");
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                arguments("", "empty string"),
                arguments("1.2.3", "expected 4 parts, found 3"),
                arguments("127.1", "expected 4 parts, found 2"),
                arguments("1", "expected 4 parts, found 1"),
                arguments("1.2.3.4.5", "more than 4 parts"),
                arguments("1..2.3", "part 2 is empty"),
                arguments("1.2..3", "part 3 is empty"),
                arguments(".1.2.3", "starts with \".\""),
                arguments(".", "starts with \".\""),
                arguments("1.2.3.", "ends with \".\""),
                arguments("1.2.3.4.", "ends with \".\""),
                arguments("01.2.3.4", "part 1 (\"01\") has a leading zero"),
                arguments("1.2.3.00", "part 4 (\"00\") has a leading zero"),
                arguments("1.2.010.4", "part 3 (\"010\") has a leading zero"),
                arguments("256.0.0.1", "part 1 (\"256\") is greater than 255"),
                arguments("1.2.3.999", "part 4 (\"999\") is greater than 255"),
                arguments("1.2.3.99999999999", "part 4 (\"99999999999\") is greater than 255"),
                arguments("2130706433", "part 1 (\"2130706433\") is greater than 255"),
                arguments("1.2.3.-1", "invalid character '-' at index 6"),
                arguments("+1.2.3.4", "invalid character '+' at index 0"),
                arguments("1.2.3.4 ", "invalid character U+0020 at index 7"),
                arguments(" 1.2.3.4", "invalid character U+0020 at index 0"),
                arguments("1.2.3.4\t", "invalid character U+0009 at index 7"),
                arguments("1,2,3,4", "invalid character ',' at index 1"),
                arguments("0x7f.0.0.1", "invalid character 'x' at index 1"),
                arguments("1.2.3.a", "invalid character 'a' at index 6"),
                arguments("1.2.3.4/24", "invalid character '/' at index 7"),
                arguments("::1", "invalid character ':' at index 0"),
                arguments("1.2.3.4:80", "invalid character ':' at index 7"),
                arguments("1.2.3.\u0664", "invalid character U+0664 at index 6"),
                arguments("1.2.3.\uff14", "invalid character U+FF14 at index 6"),
                arguments("1.2.3.4'", "invalid character U+0027 at index 7"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void rejectsMalformedTextWithAMessageThatQuotesItAndSaysWhy(String text, String problem) {
        assertThatThrownBy(() -> Ipv4Address.parse(text))
                .isInstanceOf(AddressFormatException.class)
                .hasMessage("Invalid IPv4 address " + AddressFormatException.quote(text) + ": "
                        + problem)
                .satisfies(e -> assertThat(((AddressFormatException) e).problem())
                        .isEqualTo(problem));
    }

    @Test
    void rejectionMessageExamples() {
        assertThatThrownBy(() -> Ipv4Address.parse("192.168.01.1"))
                .hasMessage("Invalid IPv4 address \"192.168.01.1\": "
                        + "part 3 (\"01\") has a leading zero");
        assertThatThrownBy(() -> Ipv4Address.parse("1.2.3.4\n"))
                .hasMessage("Invalid IPv4 address \"1.2.3.4\\u000a\": "
                        + "invalid character U+000A at index 7");
        assertThatThrownBy(() -> Ipv4Address.parse(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void predicatesOnWellKnownAddresses() {
        record Case(String text, boolean specified, boolean loopback, boolean multicast,
                boolean linkLocal, boolean unicast, boolean broadcast) {}
        Case[] cases = {
            new Case("0.0.0.0", false, false, false, false, false, false),
            new Case("0.0.0.1", true, false, false, false, true, false),
            new Case("127.0.0.1", true, true, false, false, true, false),
            new Case("127.0.0.0", true, true, false, false, true, false),
            new Case("127.255.255.255", true, true, false, false, true, false),
            new Case("126.255.255.255", true, false, false, false, true, false),
            new Case("128.0.0.0", true, false, false, false, true, false),
            new Case("224.0.0.0", true, false, true, false, false, false),
            new Case("224.0.0.1", true, false, true, false, false, false),
            new Case("239.255.255.255", true, false, true, false, false, false),
            new Case("223.255.255.255", true, false, false, false, true, false),
            new Case("240.0.0.0", true, false, false, false, true, false),
            new Case("169.254.0.0", true, false, false, true, true, false),
            new Case("169.254.1.1", true, false, false, true, true, false),
            new Case("169.254.255.255", true, false, false, true, true, false),
            new Case("169.253.255.255", true, false, false, false, true, false),
            new Case("169.255.0.0", true, false, false, false, true, false),
            new Case("192.0.2.1", true, false, false, false, true, false),
            new Case("192.0.2.255", true, false, false, false, true, false),
            new Case("255.255.255.254", true, false, false, false, true, false),
            new Case("255.255.255.255", true, false, false, false, false, true),
        };
        for (Case c : cases) {
            Ipv4Address a = Ipv4Address.parse(c.text());
            assertThat(a.isSpecified()).as("%s specified", c.text()).isEqualTo(c.specified());
            assertThat(a.isLoopback()).as("%s loopback", c.text()).isEqualTo(c.loopback());
            assertThat(a.isMulticast()).as("%s multicast", c.text()).isEqualTo(c.multicast());
            assertThat(a.isLinkLocalUnicast()).as("%s link-local", c.text())
                    .isEqualTo(c.linkLocal());
            assertThat(a.isUnicast()).as("%s unicast", c.text()).isEqualTo(c.unicast());
            assertThat(a.isLimitedBroadcast()).as("%s broadcast", c.text())
                    .isEqualTo(c.broadcast());
            assertThat(a.isIpv4Mapped()).as("%s mapped", c.text()).isFalse();
            // The predicates agree with the version's subnets.
            assertThat(Ipv4.LOOPBACK_SUBNET.contains(a)).isEqualTo(c.loopback());
            assertThat(Ipv4.MULTICAST_SUBNET.contains(a)).isEqualTo(c.multicast());
            assertThat(Ipv4.LINK_LOCAL_UNICAST_SUBNET.contains(a)).isEqualTo(c.linkLocal());
        }
    }

    @Test
    void readAndWriteAreBigEndianAtTheOffset() {
        byte[] array = {0x55, 0, 0, 0, 0, 0x66};
        Ipv4Address a = Ipv4Address.of(192, 0, 2, 1);
        a.write(array, 1);
        assertThat(array).containsExactly(0x55, 192, 0, 2, 1, 0x66);
        assertThat(Ipv4Address.read(array, 1)).isEqualTo(a);
        assertThat(Ipv4Address.read(array, 2)).isEqualTo(Ipv4Address.of(0, 2, 1, 0x66));
        assertThat(a.toByteArray()).containsExactly(192, 0, 2, 1);
    }

    @Test
    void readAndWriteCheckBounds() {
        Ipv4Address a = Ipv4.LOOPBACK;
        assertThatThrownBy(() -> a.write(new byte[4], 1))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> a.write(new byte[3], 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> a.write(new byte[8], -1))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Ipv4Address.read(new byte[4], 1))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Ipv4Address.read(new byte[4], Integer.MAX_VALUE))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Ipv4Address.read(null, 0))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void compareToIsUnsigned() {
        Ipv4Address low = Ipv4Address.parse("127.255.255.255");
        Ipv4Address high = Ipv4Address.parse("128.0.0.0");
        assertThat(low.compareTo(high)).isNegative();
        assertThat(high.compareTo(low)).isPositive();
        assertThat(Ipv4.LIMITED_BROADCAST.compareTo(Ipv4.UNSPECIFIED)).isPositive();
        assertThat(Ipv4.LOOPBACK.compareTo(Ipv4Address.of(127, 0, 0, 1))).isZero();
    }

    @Test
    void equalsAndHashCode() {
        assertThat(Ipv4Address.parse("192.0.2.1"))
                .isEqualTo(Ipv4Address.of(192, 0, 2, 1))
                .hasSameHashCodeAs(Ipv4Address.of(0xc000_0201))
                .isNotEqualTo(Ipv4Address.of(192, 0, 2, 2))
                .isNotEqualTo("192.0.2.1")
                .isNotEqualTo(null);
        assertThat(Ipv4Address.of(1)).isNotEqualTo(Ipv6Address.of(0, 1));
    }

    @Test
    void versionAndLengths() {
        Ipv4Address a = Ipv4Address.of(1);
        assertThat(a.version()).isSameAs(Ipv4.INSTANCE);
        assertThat(a.bitLength()).isEqualTo(32);
        assertThat(a.isIpv4Mapped()).isFalse();
        assertThat(a.toIpv6Mapped()).hasToString("::ffff:0.0.0.1");
        assertThat(a.toIpv6Mapped().toIpv4Mapped()).isEqualTo(a);
    }
}
