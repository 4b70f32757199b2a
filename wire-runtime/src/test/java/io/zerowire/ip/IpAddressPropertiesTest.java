package io.zerowire.ip;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of IPv4 and IPv6 addresses over random values. */
class IpAddressPropertiesTest {

    // ---------------------------------------------------------------- generators

    @Provide
    Arbitrary<Ipv4Address> ipv4() {
        return Arbitraries.integers().map(Ipv4Address::of);
    }

    /**
     * IPv6 addresses with many zero groups (so that every compression case occurs), uniformly
     * random ones, and IPv4-mapped ones.
     */
    @Provide
    Arbitrary<Ipv6Address> ipv6() {
        Arbitrary<Integer> group = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 0xffff)));
        Arbitrary<Ipv6Address> sparse = group.list().ofSize(8).map(groups -> {
            long high = 0;
            long low = 0;
            for (int i = 0; i < 4; i++) {
                high = high << 16 | groups.get(i);
                low = low << 16 | groups.get(i + 4);
            }
            return Ipv6Address.of(high, low);
        });
        Arbitrary<Ipv6Address> dense =
                Arbitraries.longs().tuple2().map(t -> Ipv6Address.of(t.get1(), t.get2()));
        Arbitrary<Ipv6Address> mapped = ipv4().map(Ipv4Address::toIpv6Mapped);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, sparse),
                net.jqwik.api.Tuple.of(3, dense),
                net.jqwik.api.Tuple.of(1, mapped));
    }

    private static int[] groups(Ipv6Address a) {
        int[] g = new int[8];
        for (int i = 0; i < 4; i++) {
            g[i] = (int) (a.high() >>> (48 - 16 * i)) & 0xffff;
            g[i + 4] = (int) (a.low() >>> (48 - 16 * i)) & 0xffff;
        }
        return g;
    }

    /** The uncompressed form with four digits per group, in upper case: 2001:0DB8:0000:... */
    private static String fullUpperCase(Ipv6Address a) {
        StringBuilder sb = new StringBuilder();
        for (int g : groups(a)) {
            if (sb.length() > 0) {
                sb.append(':');
            }
            sb.append(String.format("%04X", g));
        }
        return sb.toString();
    }

    private static BigInteger unsigned(IpAddress<?> a) {
        return new BigInteger(1, a.toByteArray());
    }

    // ---------------------------------------------------------------- IPv4

    @Property
    void ipv4TextRoundTrip(@ForAll("ipv4") Ipv4Address a) {
        String text = a.toString();
        assertThat(Ipv4Address.parse(text)).isEqualTo(a);
        assertThat(Ipv4Address.parse(text).bits()).isEqualTo(a.bits());
    }

    @Property
    void ipv4BitsRoundTrip(@ForAll int bits) {
        assertThat(Ipv4Address.parse(Ipv4Address.of(bits).toString()).bits()).isEqualTo(bits);
    }

    @Property
    void ipv4TextAgreesWithTheJdk(@ForAll("ipv4") Ipv4Address a) throws UnknownHostException {
        // A literal is not looked up; the JDK parses it.
        assertThat(InetAddress.getByName(a.toString()).getAddress()).isEqualTo(a.toByteArray());
        assertThat(InetAddress.getByAddress(a.toByteArray()).getHostAddress())
                .isEqualTo(a.toString());
    }

    @Property
    void ipv4WriteReadRoundTrip(@ForAll("ipv4") Ipv4Address a,
            @ForAll @IntRange(max = 40) int offset, @ForAll @IntRange(max = 8) int slack,
            @ForAll byte fill) {
        byte[] array = new byte[offset + 4 + slack];
        Arrays.fill(array, fill);
        a.write(array, offset);
        assertThat(Ipv4Address.read(array, offset)).isEqualTo(a);
        assertThat(Arrays.copyOfRange(array, offset, offset + 4)).isEqualTo(a.toByteArray());
        for (int i = 0; i < array.length; i++) {
            if (i < offset || i >= offset + 4) {
                assertThat(array[i]).as("byte %d outside the address", i).isEqualTo(fill);
            }
        }
    }

    @Property
    void ipv4CompareToIsUnsignedOrder(@ForAll("ipv4") Ipv4Address a, @ForAll("ipv4") Ipv4Address b) {
        assertThat(Integer.signum(a.compareTo(b)))
                .isEqualTo(unsigned(a).compareTo(unsigned(b)));
        assertThat(a.compareTo(b) == 0).isEqualTo(a.equals(b));
    }

    @Property
    void ipv4MappedRoundTrip(@ForAll("ipv4") Ipv4Address a) {
        Ipv6Address mapped = a.toIpv6Mapped();
        assertThat(mapped.isIpv4Mapped()).isTrue();
        assertThat(mapped.toIpv4Mapped()).isEqualTo(a);
        assertThat(mapped).hasToString("::ffff:" + a);
        assertThat(Ipv6Address.parse("::ffff:" + a)).isEqualTo(mapped);
    }

    @Property
    void ipv4CommonPrefixLengthIsTheLongestEqualMask(
            @ForAll("ipv4") Ipv4Address a, @ForAll("ipv4") Ipv4Address b) {
        int common = a.commonPrefixLength(b);
        assertThat(common).isEqualTo(b.commonPrefixLength(a)).isBetween(0, 32);
        assertThat(a.mask(common)).isEqualTo(b.mask(common));
        if (common < 32) {
            assertThat(a.mask(common + 1)).isNotEqualTo(b.mask(common + 1));
        }
    }

    // ---------------------------------------------------------------- IPv6

    @Property(tries = 2000)
    void ipv6TextRoundTrip(@ForAll("ipv6") Ipv6Address a) {
        Ipv6Address parsed = Ipv6Address.parse(a.toString());
        assertThat(parsed).isEqualTo(a);
        assertThat(parsed.high()).isEqualTo(a.high());
        assertThat(parsed.low()).isEqualTo(a.low());
    }

    @Property
    void ipv6BitsRoundTrip(@ForAll long high, @ForAll long low) {
        Ipv6Address parsed = Ipv6Address.parse(Ipv6Address.of(high, low).toString());
        assertThat(parsed.high()).isEqualTo(high);
        assertThat(parsed.low()).isEqualTo(low);
    }

    @Property(tries = 2000)
    void ipv6NonCanonicalFormsParseToTheSameAddress(@ForAll("ipv6") Ipv6Address a) {
        String full = fullUpperCase(a);
        assertThat(Ipv6Address.parse(full)).isEqualTo(a);
        assertThat(Ipv6Address.parse(full.toLowerCase(Locale.ROOT))).isEqualTo(a);
        assertThat(Ipv6Address.parse(a.toString().toUpperCase(Locale.ROOT))).isEqualTo(a);
        // The last 32 bits in dotted-quad form, whatever the prefix.
        String mixed = full.substring(0, 30) + Ipv4Address.of((int) a.low());
        assertThat(Ipv6Address.parse(mixed)).isEqualTo(a);
    }

    @Property(tries = 2000)
    void ipv6TextAgreesWithTheJdk(@ForAll("ipv6") Ipv6Address a) throws UnknownHostException {
        for (String text : List.of(a.toString(), fullUpperCase(a))) {
            // A literal with ':' is never looked up. The JDK turns IPv4-mapped addresses into
            // IPv4 addresses.
            byte[] jdk = InetAddress.getByName(text).getAddress();
            byte[] expected = a.isIpv4Mapped() ? a.toIpv4Mapped().toByteArray() : a.toByteArray();
            assertThat(jdk).as(text).isEqualTo(expected);
        }
    }

    /** Checks the output against the rules of RFC 5952 section 4, one by one. */
    @Property(tries = 2000)
    void ipv6TextIsCanonical(@ForAll("ipv6") Ipv6Address a) {
        String text = a.toString();
        if (a.isIpv4Mapped()) {
            assertThat(text).isEqualTo("::ffff:" + a.toIpv4Mapped());
            return;
        }
        // 4.3: lower case; only hex digits and colons.
        assertThat(text).matches("[0-9a-f:]+");
        // At most one "::".
        int gap = text.indexOf("::");
        assertThat(text.indexOf("::", gap + 1)).as(text).isLessThan(gap < 0 ? 0 : gap + 2);
        String[] head = gap < 0 ? text.split(":") : text.substring(0, gap).split(":", -1);
        String[] tail = gap < 0 ? new String[0] : text.substring(gap + 2).split(":", -1);
        if (gap >= 0 && text.substring(0, gap).isEmpty()) {
            head = new String[0];
        }
        if (gap >= 0 && text.substring(gap + 2).isEmpty()) {
            tail = new String[0];
        }
        // 4.1: no leading zeros.
        for (String[] side : List.of(head, tail)) {
            for (String g : side) {
                assertThat(g).as(text).matches("0|[1-9a-f][0-9a-f]{0,3}");
            }
        }
        int[] groups = groups(a);
        // Zero runs of the address.
        int longestStart = -1;
        int longest = 0;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > longest) {
                longest = j - i;
                longestStart = i;
            }
        }
        if (longest >= 2) {
            // 4.2.1 and 4.2.3: "::" replaces the first longest run of zeros, entirely.
            assertThat(gap).as(text).isGreaterThanOrEqualTo(0);
            assertThat(head.length).as(text).isEqualTo(longestStart);
            assertThat(8 - head.length - tail.length).as(text).isEqualTo(longest);
        } else {
            // 4.2.2: a single zero group is never compressed.
            assertThat(gap).as(text).isNegative();
            assertThat(head.length).as(text).isEqualTo(8);
        }
    }

    @Property
    void ipv6WriteReadRoundTrip(@ForAll("ipv6") Ipv6Address a,
            @ForAll @IntRange(max = 40) int offset, @ForAll @IntRange(max = 8) int slack,
            @ForAll byte fill) {
        byte[] array = new byte[offset + 16 + slack];
        Arrays.fill(array, fill);
        a.write(array, offset);
        assertThat(Ipv6Address.read(array, offset)).isEqualTo(a);
        assertThat(Arrays.copyOfRange(array, offset, offset + 16)).isEqualTo(a.toByteArray());
        for (int i = 0; i < array.length; i++) {
            if (i < offset || i >= offset + 16) {
                assertThat(array[i]).as("byte %d outside the address", i).isEqualTo(fill);
            }
        }
    }

    @Property
    void ipv6BytesAreBigEndian(@ForAll("ipv6") Ipv6Address a) {
        BigInteger value = BigInteger.valueOf(a.high()).shiftLeft(64)
                .add(new BigInteger(Long.toUnsignedString(a.low())));
        assertThat(unsigned(a)).isEqualTo(value.mod(BigInteger.ONE.shiftLeft(128)));
    }

    @Property
    void ipv6CompareToIsUnsignedOrder(@ForAll("ipv6") Ipv6Address a, @ForAll("ipv6") Ipv6Address b) {
        assertThat(Integer.signum(a.compareTo(b)))
                .isEqualTo(unsigned(a).compareTo(unsigned(b)));
        assertThat(a.compareTo(b) == 0).isEqualTo(a.equals(b));
        assertThat(a.equals(b)).isEqualTo(unsigned(a).equals(unsigned(b)));
    }

    @Property
    void ipv6CommonPrefixLengthIsTheLongestEqualMask(
            @ForAll("ipv6") Ipv6Address a, @ForAll("ipv6") Ipv6Address b) {
        int common = a.commonPrefixLength(b);
        assertThat(common).isEqualTo(b.commonPrefixLength(a)).isBetween(0, 128);
        assertThat(a.mask(common)).isEqualTo(b.mask(common));
        if (common < 128) {
            assertThat(a.mask(common + 1)).isNotEqualTo(b.mask(common + 1));
        }
    }

    @Property
    void ipv6MaskClearsExactlyTheHostBits(
            @ForAll("ipv6") Ipv6Address a, @ForAll @IntRange(max = 128) int prefix) {
        BigInteger hostMask = BigInteger.ONE.shiftLeft(128 - prefix).subtract(BigInteger.ONE);
        assertThat(unsigned(a.mask(prefix))).isEqualTo(unsigned(a).andNot(hostMask));
    }

    @Property
    void ipv4MaskClearsExactlyTheHostBits(
            @ForAll("ipv4") Ipv4Address a, @ForAll @IntRange(max = 32) int prefix) {
        BigInteger hostMask = BigInteger.ONE.shiftLeft(32 - prefix).subtract(BigInteger.ONE);
        assertThat(unsigned(a.mask(prefix))).isEqualTo(unsigned(a).andNot(hostMask));
    }

    @Property
    void subnetTextRoundTrip(@ForAll("ipv6") Ipv6Address a6, @ForAll("ipv4") Ipv4Address a4,
            @ForAll @IntRange(max = 128) int prefix6, @ForAll @IntRange(max = 32) int prefix4) {
        Subnet<Ipv6Address> s6 = Subnet.of(a6.mask(prefix6), prefix6);
        assertThat(Subnet.parseIpv6(s6.toString())).isEqualTo(s6);
        assertThat(s6.contains(a6)).isTrue();
        Subnet<Ipv4Address> s4 = Subnet.of(a4.mask(prefix4), prefix4);
        assertThat(Subnet.parseIpv4(s4.toString())).isEqualTo(s4);
        assertThat(s4.contains(a4)).isTrue();
    }
}
