package io.zerowire.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class Ipv6AddressTest {

    private static Ipv6Address v6(String text) {
        return Ipv6Address.parse(text);
    }

    /** RFC 5952 section 4: the canonical text form. */
    @Nested
    class Rfc5952CanonicalForm {

        @Test
        void section4_1_leadingZerosAreSuppressed() {
            assertThat(v6("2001:0db8::0001")).hasToString("2001:db8::1");
            assertThat(v6("2001:db8:aaaa:bbbb:cccc:dddd:eeee:0001"))
                    .hasToString("2001:db8:aaaa:bbbb:cccc:dddd:eeee:1");
            assertThat(v6("0000:0000:0000:0000:0000:0000:0000:000f")).hasToString("::f");
        }

        @Test
        void section4_2_1_doubleColonIsUsedToItsMaximum() {
            assertThat(v6("2001:db8:0:0:0:0:2:1")).hasToString("2001:db8::2:1");
            assertThat(v6("2001:db8::0:1")).hasToString("2001:db8::1");
        }

        @Test
        void section4_2_2_singleZeroGroupIsNotCompressed() {
            assertThat(v6("2001:db8:0:1:1:1:1:1")).hasToString("2001:db8:0:1:1:1:1:1");
            assertThat(v6("2001:db8::1:1:1:1:1")).hasToString("2001:db8:0:1:1:1:1:1");
            assertThat(v6("2001:db8:aaaa:bbbb:cccc:dddd::1"))
                    .hasToString("2001:db8:aaaa:bbbb:cccc:dddd:0:1");
            assertThat(v6("1:2:3:4:5:6:7:0")).hasToString("1:2:3:4:5:6:7:0");
            assertThat(v6("0:1:2:3:4:5:6:7")).hasToString("0:1:2:3:4:5:6:7");
            assertThat(v6("0:1:0:1:0:1:0:1")).hasToString("0:1:0:1:0:1:0:1");
        }

        @Test
        void section4_2_3_longestRunIsCompressed() {
            assertThat(v6("2001:0:0:1:0:0:0:1")).hasToString("2001:0:0:1::1");
            assertThat(v6("0:0:1:0:0:0:1:0")).hasToString("0:0:1::1:0");
        }

        @Test
        void section4_2_3_firstRunWinsATie() {
            assertThat(v6("2001:db8:0:0:1:0:0:1")).hasToString("2001:db8::1:0:0:1");
            assertThat(v6("0:0:1:1:0:0:1:1")).hasToString("::1:1:0:0:1:1");
            assertThat(v6("1:0:0:1:1:1:0:0")).hasToString("1::1:1:1:0:0");
        }

        @Test
        void section4_3_lowercase() {
            assertThat(v6("2001:DB8:AAAA:BBBB:CCCC:DDDD:EEEE:AAAA"))
                    .hasToString("2001:db8:aaaa:bbbb:cccc:dddd:eeee:aaaa");
            assertThat(v6("2001:db8:aaaa:bbbb:cccc:dddd:eeee:AaAa"))
                    .hasToString("2001:db8:aaaa:bbbb:cccc:dddd:eeee:aaaa");
            assertThat(v6("2001:DB8::1")).hasToString("2001:db8::1");
        }

        @Test
        void section5_ipv4MappedAddressesUseDottedQuad() {
            assertThat(v6("::ffff:192.0.2.1")).hasToString("::ffff:192.0.2.1");
            assertThat(v6("0:0:0:0:0:ffff:c000:0201")).hasToString("::ffff:192.0.2.1");
            assertThat(v6("::ffff:0:0")).hasToString("::ffff:0.0.0.0");
            assertThat(v6("::ffff:ffff:ffff")).hasToString("::ffff:255.255.255.255");
        }

        @Test
        void otherAddressesWithEmbeddedIpv4AreWrittenInHex() {
            // IPv4-compatible (deprecated), NAT64 and near-misses of the mapped prefix.
            assertThat(v6("::192.0.2.1")).hasToString("::c000:201");
            assertThat(v6("64:ff9b::192.0.2.1")).hasToString("64:ff9b::c000:201");
            assertThat(v6("::fffe:192.0.2.1")).hasToString("::fffe:c000:201");
            assertThat(v6("::1:ffff:192.0.2.1")).hasToString("::1:ffff:c000:201");
            assertThat(v6("::ffff:0:192.0.2.1")).hasToString("::ffff:0:c000:201");
        }

        @Test
        void extremes() {
            assertThat(Ipv6Address.of(0, 0)).hasToString("::");
            assertThat(Ipv6Address.of(0, 1)).hasToString("::1");
            assertThat(Ipv6Address.of(0x0001_0000_0000_0000L, 0)).hasToString("1::");
            assertThat(Ipv6Address.of(-1, -1))
                    .hasToString("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
            assertThat(Ipv6Address.of(0x0001_0002_0003_0004L, 0x0005_0006_0007_0008L))
                    .hasToString("1:2:3:4:5:6:7:8");
            assertThat(v6("1:0:0:0:0:0:0:1")).hasToString("1::1");
            assertThat(v6("0:0:0:0:0:0:1:0")).hasToString("::1:0");
        }

        /** RFC 5952 section 2: all of these text forms are one address. */
        @ParameterizedTest
        @ValueSource(strings = {
            "2001:db8:0:0:1:0:0:1", "2001:0db8:0:0:1:0:0:1", "2001:db8::1:0:0:1",
            "2001:db8::0:1:0:0:1", "2001:0db8::1:0:0:1", "2001:db8:0:0:1::1",
            "2001:db8:0000:0:1::1", "2001:DB8:0:0:1::1"})
        void section2_variantsOfOneAddress(String text) {
            Ipv6Address address = v6(text);
            assertThat(address.high()).isEqualTo(0x2001_0db8_0000_0000L);
            assertThat(address.low()).isEqualTo(0x0001_0000_0000_0001L);
            assertThat(address).hasToString("2001:db8::1:0:0:1");
        }

        /** RFC 5952 section 2.2: more variants, each with its canonical form. */
        @ParameterizedTest
        @CsvSource({
            "2001:db8:0:0:0::1, 2001:db8::1",
            "2001:db8:0:0::1, 2001:db8::1",
            "2001:db8:0::1, 2001:db8::1",
            "2001:db8::1, 2001:db8::1",
            "2001:db8::aaaa:0:0:1, 2001:db8::aaaa:0:0:1",
            "2001:db8:0:0:aaaa::1, 2001:db8::aaaa:0:0:1",
            "2001:db8:aaaa:bbbb:cccc:dddd:eeee:001, 2001:db8:aaaa:bbbb:cccc:dddd:eeee:1",
            "2001:db8:aaaa:bbbb:cccc:dddd:eeee:01, 2001:db8:aaaa:bbbb:cccc:dddd:eeee:1"})
        void section2_2_variants(String text, String canonical) {
            assertThat(v6(text)).hasToString(canonical);
        }
    }

    /** RFC 4291 section 2.2: the three conventional text forms. */
    @Nested
    class Rfc4291TextForms {

        @Test
        void preferredForm() {
            Ipv6Address a = v6("ABCD:EF01:2345:6789:ABCD:EF01:2345:6789");
            assertThat(a.high()).isEqualTo(0xabcd_ef01_2345_6789L);
            assertThat(a.low()).isEqualTo(0xabcd_ef01_2345_6789L);

            Ipv6Address b = v6("2001:DB8:0:0:8:800:200C:417A");
            assertThat(b.high()).isEqualTo(0x2001_0db8_0000_0000L);
            assertThat(b.low()).isEqualTo(0x0008_0800_200c_417aL);
        }

        @ParameterizedTest
        @CsvSource({
            "2001:DB8:0:0:8:800:200C:417A, 2001:DB8::8:800:200C:417A, 2001:db8::8:800:200c:417a",
            "FF01:0:0:0:0:0:0:101, FF01::101, ff01::101",
            "0:0:0:0:0:0:0:1, ::1, ::1",
            "0:0:0:0:0:0:0:0, ::, ::"})
        void compressedForm(String full, String compressed, String canonical) {
            assertThat(v6(compressed)).isEqualTo(v6(full));
            assertThat(v6(full)).hasToString(canonical);
        }

        @Test
        void mixedForm() {
            Ipv6Address compatible = v6("0:0:0:0:0:0:13.1.68.3");
            assertThat(compatible).isEqualTo(v6("::13.1.68.3"));
            assertThat(compatible.high()).isZero();
            assertThat(compatible.low()).isEqualTo(0x0d01_4403L);

            Ipv6Address mapped = v6("0:0:0:0:0:FFFF:129.144.52.38");
            assertThat(mapped).isEqualTo(v6("::FFFF:129.144.52.38"));
            assertThat(mapped.high()).isZero();
            assertThat(mapped.low()).isEqualTo(0x0000_ffff_8190_3426L);
            assertThat(mapped).hasToString("::ffff:129.144.52.38");

            assertThat(v6("1:2:3:4:5:6:1.2.3.4").low()).isEqualTo(0x0005_0006_0102_0304L);
            assertThat(v6("::1:2.3.4.5").low()).isEqualTo(0x0000_0001_0203_0405L);
        }

        @Test
        void doubleColonAtEveryPosition() {
            assertThat(v6("::2:3:4:5:6:7:8")).isEqualTo(v6("0:2:3:4:5:6:7:8"));
            assertThat(v6("1::3:4:5:6:7:8")).isEqualTo(v6("1:0:3:4:5:6:7:8"));
            assertThat(v6("1:2:3:4:5:6:7::")).isEqualTo(v6("1:2:3:4:5:6:7:0"));
            assertThat(v6("1::")).isEqualTo(Ipv6Address.of(0x0001_0000_0000_0000L, 0));
            assertThat(v6("1::8")).isEqualTo(Ipv6Address.of(0x0001_0000_0000_0000L, 8));
        }
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                arguments("", "empty string"),
                arguments("1::2::3", "more than one \"::\""),
                arguments("::1::", "more than one \"::\""),
                arguments("1::2:3::", "more than one \"::\""),
                arguments(":::", "\":::\" is not allowed"),
                arguments("1:::2", "\":::\" is not allowed"),
                arguments("1:2:3:4:5:6:7:8:9", "more than 8 groups"),
                arguments("1:2:3:4:5:6:7:1.2.3.4", "more than 8 groups"),
                arguments("1:2:3:4:5:6:7", "expected 8 groups, found 7"),
                arguments("1:2:3:4:5:6:1.2.3.4:1", "an embedded IPv4 address must be at the end"),
                arguments("1", "no \":\" (not an IPv6 address)"),
                arguments("192.0.2.1", "no \":\" (not an IPv6 address)"),
                arguments("1:2:3:4::5:6:7:8",
                        "\"::\" must stand for at least one group, but all 8 groups are given"),
                arguments("::1:2:3:4:5:6:7:8",
                        "\"::\" must stand for at least one group, but all 8 groups are given"),
                arguments("1:2:3:4:5:6:7:8::",
                        "\"::\" must stand for at least one group, but all 8 groups are given"),
                arguments("12345::1", "group \"12345\" has more than 4 hex digits"),
                arguments("::00000", "group \"00000\" has more than 4 hex digits"),
                arguments("1:2:3:4:5:6:7:8:", "ends with a single \":\""),
                arguments("1:", "ends with a single \":\""),
                arguments(":1:2:3:4:5:6:7:8", "starts with a single \":\""),
                arguments(":1::2", "starts with a single \":\""),
                arguments(":", "starts with a single \":\""),
                arguments("g::1", "invalid character 'g' at index 0"),
                arguments("2001:db8::g", "invalid character 'g' at index 10"),
                arguments("0x1::", "invalid character 'x' at index 1"),
                arguments(" ::1", "invalid character U+0020 at index 0"),
                arguments("::1 ", "invalid character U+0020 at index 3"),
                arguments("::1\n", "invalid character U+000A at index 3"),
                arguments("[::1]", "invalid character '[' at index 0"),
                arguments("::1/128", "invalid character '/' at index 3"),
                arguments("1-2::", "invalid character '-' at index 1"),
                arguments("::\uff11", "invalid character U+FF11 at index 2"),
                arguments("fe80::1%eth0", "zone identifiers (\"%eth0\") are not supported"),
                arguments("fe80::1%", "zone identifiers (\"%\") are not supported"),
                arguments("ff02::1%2", "zone identifiers (\"%2\") are not supported"),
                arguments("::ffff:1.2.3", "embedded IPv4 address: expected 4 parts, found 3"),
                arguments("::ffff:1.2.3.256",
                        "embedded IPv4 address: part 4 (\"256\") is greater than 255"),
                arguments("::ffff:01.2.3.4",
                        "embedded IPv4 address: part 1 (\"01\") has a leading zero"),
                arguments("::ffff:1.2.3.4.", "embedded IPv4 address: ends with \".\""),
                arguments("::.1.2.3", "embedded IPv4 address: starts with \".\""),
                arguments("::1.2..3", "embedded IPv4 address: part 3 is empty"),
                arguments("::a.2.3.4", "embedded IPv4 address: invalid character 'a' at index 2"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void rejectsMalformedTextWithAMessageThatQuotesItAndSaysWhy(String text, String problem) {
        assertThatThrownBy(() -> Ipv6Address.parse(text))
                .isInstanceOf(AddressFormatException.class)
                .hasMessage("Invalid IPv6 address " + AddressFormatException.quote(text) + ": "
                        + problem)
                .satisfies(e -> {
                    AddressFormatException afe = (AddressFormatException) e;
                    assertThat(afe.input()).isEqualTo(text);
                    assertThat(afe.problem()).isEqualTo(problem);
                    assertThat(afe.kind()).isEqualTo("IPv6 address");
                });
    }

    @Test
    void theBriefsExampleMessageIsExact() {
        assertThatThrownBy(() -> Ipv6Address.parse("1::2::3"))
                .isInstanceOf(AddressFormatException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid IPv6 address \"1::2::3\": more than one \"::\"");
        assertThatThrownBy(() -> Ipv6Address.parse("fe80::1%eth0"))
                .hasMessage("Invalid IPv6 address \"fe80::1%eth0\": "
                        + "zone identifiers (\"%eth0\") are not supported");
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> Ipv6Address.parse(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void predicatesOnWellKnownAddresses() {
        record Case(String text, boolean specified, boolean loopback, boolean multicast,
                boolean linkLocal, boolean unicast, boolean mapped) {}
        Case[] cases = {
            new Case("::", false, false, false, false, false, false),
            new Case("::1", true, true, false, false, true, false),
            new Case("::2", true, false, false, false, true, false),
            new Case("1::1", true, false, false, false, true, false),
            new Case("ff02::1", true, false, true, false, false, false),
            new Case("ff00::", true, false, true, false, false, false),
            new Case("ff05::1:3", true, false, true, false, false, false),
            new Case("feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", true, false, false, false, true,
                    false),
            new Case("fe80::1", true, false, false, true, true, false),
            new Case("fe80::", true, false, false, true, true, false),
            new Case("febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff", true, false, false, true, true,
                    false),
            new Case("fec0::1", true, false, false, false, true, false),
            new Case("fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff", true, false, false, false, true,
                    false),
            new Case("2001:db8::1", true, false, false, false, true, false),
            new Case("::ffff:192.0.2.1", true, false, false, false, true, true),
            new Case("::ffff:0.0.0.0", true, false, false, false, true, true),
            new Case("::ffff:255.255.255.255", true, false, false, false, true, true),
            new Case("::ffff:127.0.0.1", true, false, false, false, true, true),
            new Case("::fffe:ffff:ffff", true, false, false, false, true, false),
            new Case("::1:0:0:0", true, false, false, false, true, false),
            new Case("::1:ffff:0:0", true, false, false, false, true, false),
            new Case("1::ffff:0:0", true, false, false, false, true, false),
            new Case("::192.0.2.1", true, false, false, false, true, false),
        };
        for (Case c : cases) {
            Ipv6Address a = v6(c.text());
            assertThat(a.isSpecified()).as("%s specified", c.text()).isEqualTo(c.specified());
            assertThat(a.isLoopback()).as("%s loopback", c.text()).isEqualTo(c.loopback());
            assertThat(a.isMulticast()).as("%s multicast", c.text()).isEqualTo(c.multicast());
            assertThat(a.isLinkLocalUnicast()).as("%s link-local", c.text())
                    .isEqualTo(c.linkLocal());
            assertThat(a.isUnicast()).as("%s unicast", c.text()).isEqualTo(c.unicast());
            assertThat(a.isIpv4Mapped()).as("%s mapped", c.text()).isEqualTo(c.mapped());
            assertThat(a.isLimitedBroadcast()).as("%s broadcast", c.text()).isFalse();
            assertThat(a.toIpv4Mapped() != null).as("%s toIpv4Mapped", c.text())
                    .isEqualTo(c.mapped());
            // The predicates agree with the version's subnets.
            assertThat(Ipv6.LOOPBACK_SUBNET.contains(a)).isEqualTo(c.loopback());
            assertThat(Ipv6.MULTICAST_SUBNET.contains(a)).isEqualTo(c.multicast());
            assertThat(Ipv6.LINK_LOCAL_UNICAST_SUBNET.contains(a)).isEqualTo(c.linkLocal());
            assertThat(Ipv6.IPV4_MAPPED_SUBNET.contains(a)).isEqualTo(c.mapped());
        }
    }

    @Test
    void ipv4MappedConversions() {
        assertThat(v6("::ffff:192.0.2.1").toIpv4Mapped()).isEqualTo(Ipv4Address.of(192, 0, 2, 1));
        assertThat(v6("::ffff:255.255.255.255").toIpv4Mapped()).isEqualTo(Ipv4.LIMITED_BROADCAST);
        assertThat(v6("::192.0.2.1").toIpv4Mapped()).isNull();
        assertThat(v6("::1").toIpv4Mapped()).isNull();
        assertThat(Ipv4Address.of(192, 0, 2, 1).toIpv6Mapped()).isEqualTo(v6("::ffff:c000:201"));
        assertThat(Ipv4.LIMITED_BROADCAST.toIpv6Mapped().isIpv4Mapped()).isTrue();
        assertThat(Ipv4.UNSPECIFIED.toIpv6Mapped()).hasToString("::ffff:0.0.0.0");
    }

    @Test
    void solicitedNodeMulticast() {
        assertThat(v6("fe80::2aa:ff:fe28:9c5a").toSolicitedNodeMulticast())
                .isEqualTo(v6("ff02::1:ff28:9c5a"));
        assertThat(v6("2001:db8::1").toSolicitedNodeMulticast()).hasToString("ff02::1:ff00:1");
        assertThat(v6("::").toSolicitedNodeMulticast()).hasToString("ff02::1:ff00:0");
        assertThat(v6("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff").toSolicitedNodeMulticast())
                .hasToString("ff02::1:ffff:ffff");
    }

    @Test
    void readAndWriteAreBigEndianAtTheOffset() {
        byte[] array = new byte[20];
        array[0] = 0x55;
        array[19] = 0x66;
        Ipv6Address a = v6("2001:db8:1:2:3:4:5:6");
        a.write(array, 2);
        assertThat(array).containsExactly(
                0x55, 0, 0x20, 0x01, 0x0d, 0xb8, 0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 0x66);
        assertThat(Ipv6Address.read(array, 2)).isEqualTo(a);
        assertThat(a.toByteArray()).containsExactly(
                0x20, 0x01, 0x0d, 0xb8, 0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6);
    }

    @Test
    void readAndWriteCheckBounds() {
        Ipv6Address a = Ipv6.LOOPBACK;
        assertThatThrownBy(() -> a.write(new byte[16], 1))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> a.write(new byte[15], 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> a.write(new byte[16], -1))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Ipv6Address.read(new byte[16], 1))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Ipv6Address.read(new byte[20], Integer.MAX_VALUE))
                .isInstanceOf(IndexOutOfBoundsException.class);
        byte[] untouched = new byte[17];
        assertThatThrownBy(() -> a.write(untouched, 2))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(untouched).containsOnly(0);
    }

    @Test
    void compareToIsUnsigned() {
        assertThat(v6("7fff::").compareTo(v6("8000::"))).isNegative();
        assertThat(v6("8000::").compareTo(v6("7fff::"))).isPositive();
        assertThat(v6("::7fff:ffff:ffff:ffff").compareTo(v6("::8000:0:0:0"))).isNegative();
        assertThat(v6("::ffff:ffff:ffff:ffff").compareTo(v6("0:0:0:1::"))).isNegative();
        assertThat(v6("ffff::").compareTo(v6("::ffff"))).isPositive();
        assertThat(v6("2001:db8::1").compareTo(v6("2001:db8::1"))).isZero();
    }

    @Test
    void equalsAndHashCode() {
        assertThat(v6("2001:db8::1")).isEqualTo(Ipv6Address.of(0x2001_0db8_0000_0000L, 1))
                .hasSameHashCodeAs(Ipv6Address.of(0x2001_0db8_0000_0000L, 1))
                .isNotEqualTo(v6("2001:db8::2"))
                .isNotEqualTo(Ipv6Address.of(1, 0x2001_0db8_0000_0000L))
                .isNotEqualTo("2001:db8::1")
                .isNotEqualTo(null);
        assertThat(Ipv6Address.of(0, 1)).isNotEqualTo(Ipv4Address.of(1));
        assertThat(Ipv6Address.of(0, 0x0000_ffff_c000_0201L))
                .isNotEqualTo(Ipv4Address.of(0xc000_0201));
    }

    @Test
    void versionAndLengths() {
        assertThat(Ipv6.LOOPBACK.version()).isSameAs(Ipv6.INSTANCE);
        assertThat(Ipv6.LOOPBACK.bitLength()).isEqualTo(128);
        assertThat(Ipv6.LOOPBACK.toByteArray()).hasSize(16);
    }
}
