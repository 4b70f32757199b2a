package io.zerowire.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SubnetTest {

    private static Ipv4Address v4(String text) {
        return Ipv4Address.parse(text);
    }

    private static Ipv6Address v6(String text) {
        return Ipv6Address.parse(text);
    }

    @Test
    void ofAndAccessors() {
        Subnet<Ipv4Address> s = Subnet.of(v4("10.0.0.0"), 8);
        assertThat(s.network()).isEqualTo(v4("10.0.0.0"));
        assertThat(s.prefixLength()).isEqualTo(8);
        assertThat(s).hasToString("10.0.0.0/8");

        Subnet<Ipv6Address> t = Subnet.of(v6("2001:db8::"), 32);
        assertThat(t.network()).isEqualTo(v6("2001:db8::"));
        assertThat(t.prefixLength()).isEqualTo(32);
        assertThat(t).hasToString("2001:db8::/32");
    }

    @Test
    void ofRejectsHostBits() {
        assertThatThrownBy(() -> Subnet.of(v4("10.0.0.1"), 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Network address 10.0.0.1 has host bits set for prefix length 8; "
                        + "the subnet's network address is 10.0.0.0");
        assertThatThrownBy(() -> Subnet.of(v4("0.0.0.1"), 0))
                .hasMessageContaining("the subnet's network address is 0.0.0.0");
        assertThatThrownBy(() -> Subnet.of(v4("10.0.0.1"), 31))
                .hasMessageContaining("network address is 10.0.0.0");
        assertThatThrownBy(() -> Subnet.of(v6("2001:db8::1"), 64))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Network address 2001:db8::1 has host bits set for prefix length 64; "
                        + "the subnet's network address is 2001:db8::");
        assertThatThrownBy(() -> Subnet.of(v6("::1"), 127))
                .hasMessageContaining("network address is ::");
        assertThatThrownBy(() -> Subnet.of(v6("fe80::"), 8))
                .hasMessageContaining("network address is fe00::");
    }

    @Test
    void ofRejectsPrefixLengthOutOfRange() {
        assertThatThrownBy(() -> Subnet.of(v4("0.0.0.0"), 33))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Prefix length 33 is out of range 0-32 for IPv4 subnet");
        assertThatThrownBy(() -> Subnet.of(v4("0.0.0.0"), -1))
                .hasMessage("Prefix length -1 is out of range 0-32 for IPv4 subnet");
        assertThatThrownBy(() -> Subnet.of(v6("::"), 129))
                .hasMessage("Prefix length 129 is out of range 0-128 for IPv6 subnet");
        assertThatThrownBy(() -> Subnet.of(v6("::"), Integer.MIN_VALUE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Subnet.of((Ipv4Address) null, 0))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void prefixZeroContainsEveryAddressOfItsVersion() {
        Subnet<Ipv4Address> all4 = Subnet.of(Ipv4.UNSPECIFIED, 0);
        assertThat(all4.contains(v4("0.0.0.0"))).isTrue();
        assertThat(all4.contains(v4("127.255.255.255"))).isTrue();
        assertThat(all4.contains(v4("128.0.0.0"))).isTrue();
        assertThat(all4.contains(v4("255.255.255.255"))).isTrue();

        Subnet<Ipv6Address> all6 = Subnet.of(Ipv6.UNSPECIFIED, 0);
        assertThat(all6.contains(v6("::"))).isTrue();
        assertThat(all6.contains(v6("::1"))).isTrue();
        assertThat(all6.contains(v6("8000::"))).isTrue();
        assertThat(all6.contains(v6("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"))).isTrue();
    }

    @Test
    void fullLengthContainsOnlyItsAddress() {
        Subnet<Ipv4Address> host4 = Subnet.of(v4("192.0.2.1"), 32);
        assertThat(host4.contains(v4("192.0.2.1"))).isTrue();
        assertThat(host4.contains(v4("192.0.2.0"))).isFalse();
        assertThat(host4.contains(v4("192.0.2.2"))).isFalse();
        assertThat(host4.contains(v4("64.0.2.1"))).isFalse();

        Subnet<Ipv6Address> host6 = Subnet.of(v6("2001:db8::1"), 128);
        assertThat(host6.contains(v6("2001:db8::1"))).isTrue();
        assertThat(host6.contains(v6("2001:db8::"))).isFalse();
        assertThat(host6.contains(v6("2001:db8::2"))).isFalse();
        assertThat(host6.contains(v6("2001:db8:0:1::1"))).isFalse();
        assertThat(host6.contains(v6("a001:db8::1"))).isFalse();
    }

    @Test
    void containsAtTheEdgesOfTheSubnet() {
        Subnet<Ipv4Address> s = Subnet.parseIpv4("192.0.2.0/24");
        assertThat(s.contains(v4("192.0.2.0"))).isTrue();
        assertThat(s.contains(v4("192.0.2.255"))).isTrue();
        assertThat(s.contains(v4("192.0.1.255"))).isFalse();
        assertThat(s.contains(v4("192.0.3.0"))).isFalse();

        Subnet<Ipv4Address> upperHalf = Subnet.parseIpv4("128.0.0.0/1");
        assertThat(upperHalf.contains(v4("128.0.0.0"))).isTrue();
        assertThat(upperHalf.contains(v4("255.255.255.255"))).isTrue();
        assertThat(upperHalf.contains(v4("127.255.255.255"))).isFalse();

        Subnet<Ipv4Address> pair = Subnet.parseIpv4("10.0.0.2/31");
        assertThat(pair.contains(v4("10.0.0.2"))).isTrue();
        assertThat(pair.contains(v4("10.0.0.3"))).isTrue();
        assertThat(pair.contains(v4("10.0.0.1"))).isFalse();
        assertThat(pair.contains(v4("10.0.0.4"))).isFalse();
    }

    @Test
    void ipv6ContainsAroundTheBoundaryBetweenTheTwoLongs() {
        Subnet<Ipv6Address> p63 = Subnet.parseIpv6("2001:db8:0:2::/63");
        assertThat(p63.contains(v6("2001:db8:0:2::"))).isTrue();
        assertThat(p63.contains(v6("2001:db8:0:3:ffff:ffff:ffff:ffff"))).isTrue();
        assertThat(p63.contains(v6("2001:db8:0:1:ffff:ffff:ffff:ffff"))).isFalse();
        assertThat(p63.contains(v6("2001:db8:0:4::"))).isFalse();

        Subnet<Ipv6Address> p64 = Subnet.parseIpv6("2001:db8:0:2::/64");
        assertThat(p64.contains(v6("2001:db8:0:2::"))).isTrue();
        assertThat(p64.contains(v6("2001:db8:0:2:ffff:ffff:ffff:ffff"))).isTrue();
        assertThat(p64.contains(v6("2001:db8:0:3::"))).isFalse();
        assertThat(p64.contains(v6("2001:db8:0:1:ffff:ffff:ffff:ffff"))).isFalse();

        Subnet<Ipv6Address> p65 = Subnet.parseIpv6("2001:db8:0:2:8000::/65");
        assertThat(p65.contains(v6("2001:db8:0:2:8000::"))).isTrue();
        assertThat(p65.contains(v6("2001:db8:0:2:ffff:ffff:ffff:ffff"))).isTrue();
        assertThat(p65.contains(v6("2001:db8:0:2:7fff:ffff:ffff:ffff"))).isFalse();
        assertThat(p65.contains(v6("2001:db8:0:3:8000::"))).isFalse();

        Subnet<Ipv6Address> p127 = Subnet.parseIpv6("::2/127");
        assertThat(p127.contains(v6("::2"))).isTrue();
        assertThat(p127.contains(v6("::3"))).isTrue();
        assertThat(p127.contains(v6("::1"))).isFalse();
        assertThat(p127.contains(v6("::4"))).isFalse();
        assertThat(p127.contains(v6("1::2"))).isFalse();
    }

    @Test
    void maskAtTheBoundaries() {
        Ipv4Address a = v4("192.0.2.129");
        assertThat(a.mask(0)).isEqualTo(Ipv4.UNSPECIFIED);
        assertThat(a.mask(1)).isEqualTo(v4("128.0.0.0"));
        assertThat(a.mask(24)).isEqualTo(v4("192.0.2.0"));
        assertThat(a.mask(25)).isEqualTo(v4("192.0.2.128"));
        assertThat(a.mask(31)).isEqualTo(v4("192.0.2.128"));
        assertThat(a.mask(32)).isEqualTo(a);
        assertThat(Ipv4.LIMITED_BROADCAST.mask(31)).isEqualTo(v4("255.255.255.254"));
        assertThatThrownBy(() -> a.mask(33)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Prefix length 33 is out of range 0-32 for IPv4");
        assertThatThrownBy(() -> a.mask(-1)).isInstanceOf(IllegalArgumentException.class);

        Ipv6Address all = v6("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
        assertThat(all.mask(0)).isEqualTo(Ipv6.UNSPECIFIED);
        assertThat(all.mask(1)).isEqualTo(v6("8000::"));
        assertThat(all.mask(63)).isEqualTo(v6("ffff:ffff:ffff:fffe::"));
        assertThat(all.mask(64)).isEqualTo(v6("ffff:ffff:ffff:ffff::"));
        assertThat(all.mask(65)).isEqualTo(v6("ffff:ffff:ffff:ffff:8000::"));
        assertThat(all.mask(127))
                .isEqualTo(v6("ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe"));
        assertThat(all.mask(128)).isEqualTo(all);
        assertThatThrownBy(() -> all.mask(129)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Prefix length 129 is out of range 0-128 for IPv6");
        assertThatThrownBy(() -> all.mask(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void commonPrefixLengthAtTheBoundaries() {
        assertThat(v4("10.0.0.1").commonPrefixLength(v4("10.0.0.1"))).isEqualTo(32);
        assertThat(v4("10.0.0.0").commonPrefixLength(v4("10.0.0.1"))).isEqualTo(31);
        assertThat(v4("0.0.0.0").commonPrefixLength(v4("128.0.0.0"))).isZero();
        assertThat(v4("255.255.255.255").commonPrefixLength(v4("0.0.0.0"))).isZero();
        assertThat(v4("192.0.2.0").commonPrefixLength(v4("192.0.3.0"))).isEqualTo(23);

        assertThat(v6("2001:db8::1").commonPrefixLength(v6("2001:db8::1"))).isEqualTo(128);
        assertThat(v6("::").commonPrefixLength(v6("::1"))).isEqualTo(127);
        assertThat(v6("::").commonPrefixLength(v6("8000::"))).isZero();
        assertThat(v6("::").commonPrefixLength(v6("::1:0:0:0"))).isEqualTo(79);
        assertThat(v6("::").commonPrefixLength(v6("::8000:0:0:0"))).isEqualTo(64);
        assertThat(v6("::").commonPrefixLength(v6("0:0:0:1::"))).isEqualTo(63);
        assertThat(v6("2001:db8::").commonPrefixLength(v6("2001:db9::"))).isEqualTo(31);
        assertThatThrownBy(() -> v6("::").commonPrefixLength(null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void parsesCidrNotation() {
        assertThat(Subnet.parseIpv4("10.0.0.0/8")).isEqualTo(Subnet.of(v4("10.0.0.0"), 8));
        assertThat(Subnet.parseIpv4("0.0.0.0/0")).isEqualTo(Subnet.of(Ipv4.UNSPECIFIED, 0));
        assertThat(Subnet.parseIpv4("255.255.255.255/32"))
                .isEqualTo(Subnet.of(Ipv4.LIMITED_BROADCAST, 32));
        assertThat(Subnet.parseIpv6("fd00::/64"))
                .isEqualTo(Subnet.of(Ipv6Address.of(0xfd00_0000_0000_0000L, 0), 64));
        assertThat(Subnet.parseIpv6("::/0")).isEqualTo(Subnet.of(Ipv6.UNSPECIFIED, 0));
        assertThat(Subnet.parseIpv6("::1/128")).isEqualTo(Ipv6.LOOPBACK_SUBNET);
        assertThat(Subnet.parseIpv6("::ffff:0.0.0.0/96")).isEqualTo(Ipv6.IPV4_MAPPED_SUBNET);
        assertThat(Subnet.parseIpv6("FE80::/10")).hasToString("fe80::/10");
    }

    /** RFC 4291 section 2.3: legal and illegal representations of the 60-bit prefix 20010DB80000CD3. */
    @ParameterizedTest
    @ValueSource(strings = {
        "2001:0DB8:0000:CD30:0000:0000:0000:0000/60", "2001:0DB8::CD30:0:0:0:0/60",
        "2001:0DB8:0:CD30::/60"})
    void rfc4291Section2_3LegalPrefixes(String text) {
        Subnet<Ipv6Address> s = Subnet.parseIpv6(text);
        assertThat(s).hasToString("2001:db8:0:cd30::/60");
        assertThat(s.network().high()).isEqualTo(0x2001_0db8_0000_cd30L);
        assertThat(s.contains(v6("2001:db8:0:cd3f:ffff::"))).isTrue();
        assertThat(s.contains(v6("2001:db8:0:cd40::"))).isFalse();
    }

    @Test
    void rfc4291Section2_3IllegalPrefixes() {
        assertThatThrownBy(() -> Subnet.parseIpv6("2001:0DB8:0:CD3/60"))
                .isInstanceOf(AddressFormatException.class)
                .hasMessage("Invalid IPv6 subnet \"2001:0DB8:0:CD3/60\": expected 8 groups, found 4");
        assertThatThrownBy(() -> Subnet.parseIpv6("2001:0DB8::CD30/60"))
                .isInstanceOf(AddressFormatException.class)
                .hasMessage("Invalid IPv6 subnet \"2001:0DB8::CD30/60\": "
                        + "host bits are set; the subnet would be 2001:db8::/60");
        assertThatThrownBy(() -> Subnet.parseIpv6("2001:0DB8::CD3/60"))
                .isInstanceOf(AddressFormatException.class)
                .hasMessageEndingWith("host bits are set; the subnet would be 2001:db8::/60");
    }

    static Stream<Arguments> malformedIpv4() {
        return Stream.of(
                arguments("", "missing \"/\" and prefix length"),
                arguments("10.0.0.0", "missing \"/\" and prefix length"),
                arguments("10.0.0.0/", "missing prefix length after \"/\""),
                arguments("/8", "missing address before \"/\""),
                arguments("10.0.0.0/8/8", "more than one \"/\""),
                arguments("10.0.0.0/33", "prefix length 33 is greater than 32"),
                arguments("10.0.0.0/99999999999", "prefix length 99999999999 is greater than 32"),
                arguments("10.0.0.0/08", "prefix length \"08\" has a leading zero"),
                arguments("0.0.0.0/00", "prefix length \"00\" has a leading zero"),
                arguments("10.0.0.0/-1", "invalid character '-' in prefix length at index 9"),
                arguments("10.0.0.0/ 8", "invalid character U+0020 in prefix length at index 9"),
                arguments("10.0.0.0/8 ", "invalid character U+0020 in prefix length at index 10"),
                arguments("10.0.0.0/0x8", "invalid character 'x' in prefix length at index 10"),
                arguments("10.0.0.0/255.0.0.0",
                        "invalid character '.' in prefix length at index 12"),
                arguments("10.0.0.1/8", "host bits are set; the subnet would be 10.0.0.0/8"),
                arguments("0.0.0.1/0", "host bits are set; the subnet would be 0.0.0.0/0"),
                arguments("10.0.0/8", "expected 4 parts, found 3"),
                arguments("10.0.0.00/8", "part 4 (\"00\") has a leading zero"),
                arguments("10.0.0.0 /8", "invalid character U+0020 at index 8"),
                arguments("::/0", "invalid character ':' at index 0"));
    }

    @ParameterizedTest
    @MethodSource("malformedIpv4")
    void rejectsMalformedIpv4Subnets(String text, String problem) {
        assertThatThrownBy(() -> Subnet.parseIpv4(text))
                .isInstanceOf(AddressFormatException.class)
                .hasMessage("Invalid IPv4 subnet " + AddressFormatException.quote(text) + ": "
                        + problem);
    }

    static Stream<Arguments> malformedIpv6() {
        return Stream.of(
                arguments("", "missing \"/\" and prefix length"),
                arguments("fd00::", "missing \"/\" and prefix length"),
                arguments("fd00::/", "missing prefix length after \"/\""),
                arguments("/64", "missing address before \"/\""),
                arguments("fd00::/64/64", "more than one \"/\""),
                arguments("fd00::/129", "prefix length 129 is greater than 128"),
                arguments("fd00::/064", "prefix length \"064\" has a leading zero"),
                arguments("fd00::/6a", "invalid character 'a' in prefix length at index 8"),
                arguments("fd00::1/64", "host bits are set; the subnet would be fd00::/64"),
                arguments("::1/127", "host bits are set; the subnet would be ::/127"),
                arguments("fe80::%eth0/64", "zone identifiers (\"%eth0\") are not supported"),
                arguments("fd00::1::/64", "more than one \"::\""),
                arguments("fd00:/64", "ends with a single \":\""),
                arguments("10.0.0.0/8", "no \":\" (not an IPv6 address)"),
                arguments("fd00::ffff:1.2.3/96",
                        "embedded IPv4 address: expected 4 parts, found 3"));
    }

    @ParameterizedTest
    @MethodSource("malformedIpv6")
    void rejectsMalformedIpv6Subnets(String text, String problem) {
        assertThatThrownBy(() -> Subnet.parseIpv6(text))
                .isInstanceOf(AddressFormatException.class)
                .hasMessage("Invalid IPv6 subnet " + AddressFormatException.quote(text) + ": "
                        + problem);
    }

    @Test
    void parseRejectsNull() {
        assertThatThrownBy(() -> Subnet.parseIpv4(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Subnet.parseIpv6(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void equalsAndHashCode() {
        assertThat(Subnet.parseIpv4("10.0.0.0/8"))
                .isEqualTo(Subnet.of(Ipv4Address.of(10, 0, 0, 0), 8))
                .hasSameHashCodeAs(Subnet.of(Ipv4Address.of(10, 0, 0, 0), 8))
                .isNotEqualTo(Subnet.parseIpv4("10.0.0.0/9"))
                .isNotEqualTo(Subnet.parseIpv4("11.0.0.0/8"))
                .isNotEqualTo("10.0.0.0/8")
                .isNotEqualTo(null);
        assertThat(Subnet.parseIpv4("0.0.0.0/0")).isNotEqualTo(Subnet.parseIpv6("::/0"));
        assertThat(Subnet.parseIpv6("2001:db8::/32"))
                .isEqualTo(Subnet.parseIpv6("2001:0DB8:0:0::/32"))
                .hasSameHashCodeAs(Subnet.parseIpv6("2001:0DB8:0:0::/32"))
                .isNotEqualTo(Subnet.parseIpv6("2001:db8::/33"));
    }

    @Test
    void containsRejectsNull() {
        assertThatThrownBy(() -> Ipv4.LOOPBACK_SUBNET.contains(null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void anAddressOfTheOtherVersionIsNeverContained() {
        // Only possible by defeating the type system; the answer is still the right one.
        Subnet raw4 = Subnet.parseIpv4("0.0.0.0/0");
        Subnet raw6 = Subnet.parseIpv6("::/0");
        assertThat(raw4.contains(Ipv6.UNSPECIFIED)).isFalse();
        assertThat(raw6.contains(Ipv4.UNSPECIFIED)).isFalse();
    }
}
