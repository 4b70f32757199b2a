package io.zerowire.ip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Version-generic code, written once and used for both IPv4 and IPv6. The helpers below are the
 * point of this class: none of them mentions a concrete version, and none needs a cast.
 */
class VersionGenericTest {

    // ---------------------------------------------------------------- written once

    /** Counts the addresses that {@code subnet} contains. */
    static <A extends IpAddress<?>> long countContained(Subnet<A> subnet, List<A> addresses) {
        return addresses.stream().filter(subnet::contains).count();
    }

    /** The most specific route that contains {@code destination}, or null. */
    static <A extends IpAddress<?>> Subnet<A> longestPrefixMatch(
            List<Subnet<A>> routes, A destination) {
        Subnet<A> best = null;
        for (Subnet<A> route : routes) {
            if (route.contains(destination)
                    && (best == null || route.prefixLength() > best.prefixLength())) {
                best = route;
            }
        }
        return best;
    }

    /** The smallest subnet that contains all of {@code addresses} (at least one). */
    static <I extends Ip, A extends IpAddress<I>> Subnet<IpAddress<I>> smallestCommonSubnet(
            List<A> addresses) {
        A first = addresses.get(0);
        int prefix = first.bitLength();
        for (A a : addresses) {
            prefix = Math.min(prefix, first.commonPrefixLength(a));
        }
        return Subnet.of(first.mask(prefix), prefix);
    }

    /** The addresses sorted in ascending order, by their natural (unsigned) order. */
    static <I extends Ip, A extends IpAddress<I>> List<A> sorted(List<A> addresses) {
        List<A> copy = new ArrayList<>(addresses);
        Collections.sort(copy);
        return copy;
    }

    /** Classifies an address by the version-independent predicates. */
    static String scope(IpAddress<?> address) {
        if (!address.isSpecified()) {
            return "unspecified";
        } else if (address.isLoopback()) {
            return "loopback";
        } else if (address.isMulticast()) {
            return "multicast";
        } else if (address.isLimitedBroadcast()) {
            return "broadcast";
        } else if (address.isLinkLocalUnicast()) {
            return "link-local";
        }
        return "global";
    }

    /** Serializes an address into a buffer sized from its version, and reads it back. */
    static <A extends IpAddress<?>> A writeAndRead(A address, Function<byte[], A> reader) {
        byte[] buffer = new byte[address.version().addressBytes()];
        address.write(buffer, 0);
        return reader.apply(buffer);
    }

    /** The three equivalent definitions of subnet membership agree. */
    static <I extends Ip, A extends IpAddress<I>> void checkMembership(Subnet<A> subnet, A address) {
        boolean contains = subnet.contains(address);
        assertThat(address.commonPrefixLength(subnet.network()) >= subnet.prefixLength())
                .isEqualTo(contains);
        assertThat(address.mask(subnet.prefixLength()).equals(subnet.network()))
                .isEqualTo(contains);
    }

    // ---------------------------------------------------------------- used for both versions

    private static final List<Subnet<Ipv4Address>> ROUTES_V4 = List.of(
            Subnet.parseIpv4("0.0.0.0/0"), Subnet.parseIpv4("10.0.0.0/8"),
            Subnet.parseIpv4("10.1.0.0/16"), Subnet.parseIpv4("10.1.2.0/24"),
            Subnet.parseIpv4("10.1.2.3/32"));

    private static final List<Subnet<Ipv6Address>> ROUTES_V6 = List.of(
            Subnet.parseIpv6("::/0"), Subnet.parseIpv6("2001:db8::/32"),
            Subnet.parseIpv6("2001:db8:1::/48"), Subnet.parseIpv6("2001:db8:1:2::/64"),
            Subnet.parseIpv6("2001:db8:1:2::3/128"));

    @Test
    void longestPrefixMatchForBothVersions() {
        assertThat(longestPrefixMatch(ROUTES_V4, Ipv4Address.parse("192.0.2.1")))
                .isEqualTo(ROUTES_V4.get(0));
        assertThat(longestPrefixMatch(ROUTES_V4, Ipv4Address.parse("10.200.0.1")))
                .isEqualTo(ROUTES_V4.get(1));
        assertThat(longestPrefixMatch(ROUTES_V4, Ipv4Address.parse("10.1.3.1")))
                .isEqualTo(ROUTES_V4.get(2));
        assertThat(longestPrefixMatch(ROUTES_V4, Ipv4Address.parse("10.1.2.4")))
                .isEqualTo(ROUTES_V4.get(3));
        assertThat(longestPrefixMatch(ROUTES_V4, Ipv4Address.parse("10.1.2.3")))
                .isEqualTo(ROUTES_V4.get(4));
        assertThat(longestPrefixMatch(ROUTES_V4.subList(1, 5), Ipv4Address.parse("192.0.2.1")))
                .isNull();

        assertThat(longestPrefixMatch(ROUTES_V6, Ipv6Address.parse("2001:db9::1")))
                .isEqualTo(ROUTES_V6.get(0));
        assertThat(longestPrefixMatch(ROUTES_V6, Ipv6Address.parse("2001:db8:ffff::1")))
                .isEqualTo(ROUTES_V6.get(1));
        assertThat(longestPrefixMatch(ROUTES_V6, Ipv6Address.parse("2001:db8:1:3::1")))
                .isEqualTo(ROUTES_V6.get(2));
        assertThat(longestPrefixMatch(ROUTES_V6, Ipv6Address.parse("2001:db8:1:2::4")))
                .isEqualTo(ROUTES_V6.get(3));
        assertThat(longestPrefixMatch(ROUTES_V6, Ipv6Address.parse("2001:db8:1:2::3")))
                .isEqualTo(ROUTES_V6.get(4));
        assertThat(longestPrefixMatch(ROUTES_V6.subList(1, 5), Ipv6Address.parse("::1")))
                .isNull();
    }

    @Test
    void countContainedForBothVersions() {
        List<Ipv4Address> v4 = List.of(Ipv4Address.parse("10.0.0.1"),
                Ipv4Address.parse("10.255.255.255"), Ipv4Address.parse("11.0.0.0"),
                Ipv4Address.parse("9.255.255.255"), Ipv4Address.parse("10.0.0.0"));
        assertThat(countContained(Subnet.parseIpv4("10.0.0.0/8"), v4)).isEqualTo(3);
        assertThat(countContained(Subnet.parseIpv4("0.0.0.0/0"), v4)).isEqualTo(5);
        assertThat(countContained(Subnet.parseIpv4("10.0.0.1/32"), v4)).isEqualTo(1);

        List<Ipv6Address> v6 = List.of(Ipv6Address.parse("fe80::1"),
                Ipv6Address.parse("febf:ffff::"), Ipv6Address.parse("fec0::"),
                Ipv6Address.parse("fe7f::"), Ipv6Address.parse("fe80::"));
        assertThat(countContained(Ipv6.LINK_LOCAL_UNICAST_SUBNET, v6)).isEqualTo(3);
        assertThat(countContained(Subnet.parseIpv6("::/0"), v6)).isEqualTo(5);
        assertThat(countContained(Subnet.parseIpv6("fe80::1/128"), v6)).isEqualTo(1);
    }

    @Test
    void smallestCommonSubnetForBothVersions() {
        assertThat(smallestCommonSubnet(List.of(Ipv4Address.parse("192.0.2.1"),
                Ipv4Address.parse("192.0.2.130")))).hasToString("192.0.2.0/24");
        assertThat(smallestCommonSubnet(List.of(Ipv4Address.parse("192.0.2.1"))))
                .hasToString("192.0.2.1/32");
        assertThat(smallestCommonSubnet(List.of(Ipv4Address.parse("1.0.0.0"),
                Ipv4Address.parse("255.0.0.0")))).hasToString("0.0.0.0/0");

        assertThat(smallestCommonSubnet(List.of(Ipv6Address.parse("2001:db8::1"),
                Ipv6Address.parse("2001:db8::ff")))).hasToString("2001:db8::/120");
        assertThat(smallestCommonSubnet(List.of(Ipv6Address.parse("2001:db8::1"))))
                .hasToString("2001:db8::1/128");
        assertThat(smallestCommonSubnet(List.of(Ipv6Address.parse("::1"),
                Ipv6Address.parse("8000::")))).hasToString("::/0");
    }

    @Test
    void sortedForBothVersions() {
        assertThat(sorted(List.of(Ipv4Address.parse("200.0.0.1"), Ipv4Address.parse("10.0.0.1"),
                Ipv4Address.parse("128.0.0.0"), Ipv4Address.parse("127.255.255.255"))))
                .extracting(Object::toString)
                .containsExactly("10.0.0.1", "127.255.255.255", "128.0.0.0", "200.0.0.1");
        assertThat(sorted(List.of(Ipv6Address.parse("ffff::"), Ipv6Address.parse("::1"),
                Ipv6Address.parse("8000::"), Ipv6Address.parse("7fff:ffff::"))))
                .extracting(Object::toString)
                .containsExactly("::1", "7fff:ffff::", "8000::", "ffff::");
    }

    @Test
    void scopeForBothVersions() {
        assertThat(List.of(Ipv4.UNSPECIFIED, Ipv4.LOOPBACK, Ipv4.ALL_SYSTEMS_MULTICAST,
                Ipv4.LIMITED_BROADCAST, Ipv4Address.parse("169.254.1.1"),
                Ipv4Address.parse("192.0.2.1")))
                .extracting(VersionGenericTest::scope)
                .containsExactly("unspecified", "loopback", "multicast", "broadcast",
                        "link-local", "global");
        assertThat(List.of(Ipv6.UNSPECIFIED, Ipv6.LOOPBACK, Ipv6.ALL_NODES_LINK_LOCAL_MULTICAST,
                Ipv6Address.parse("fe80::1"), Ipv6Address.parse("2001:db8::1")))
                .extracting(VersionGenericTest::scope)
                .containsExactly("unspecified", "loopback", "multicast", "link-local", "global");
    }

    @Test
    void writeAndReadForBothVersions() {
        Ipv4Address v4 = Ipv4Address.parse("192.0.2.1");
        assertThat(writeAndRead(v4, b -> Ipv4Address.read(b, 0))).isEqualTo(v4);
        Ipv6Address v6 = Ipv6Address.parse("2001:db8::1");
        assertThat(writeAndRead(v6, b -> Ipv6Address.read(b, 0))).isEqualTo(v6);
    }

    @Property
    void membershipDefinitionsAgreeForIpv4(@ForAll("ipv4") Ipv4Address network,
            @ForAll("ipv4") Ipv4Address address, @ForAll("prefix32") int prefix) {
        checkMembership(Subnet.of(network.mask(prefix), prefix), address);
        checkMembership(Subnet.of(network.mask(prefix), prefix), network);
    }

    @Property
    void membershipDefinitionsAgreeForIpv6(@ForAll("ipv6") Ipv6Address network,
            @ForAll("ipv6") Ipv6Address address, @ForAll("prefix128") int prefix) {
        checkMembership(Subnet.of(network.mask(prefix), prefix), address);
        checkMembership(Subnet.of(network.mask(prefix), prefix), network);
    }

    @Provide
    Arbitrary<Ipv4Address> ipv4() {
        return Arbitraries.integers().map(Ipv4Address::of);
    }

    @Provide
    Arbitrary<Ipv6Address> ipv6() {
        return Arbitraries.longs().tuple2().map(t -> Ipv6Address.of(t.get1(), t.get2()));
    }

    @Provide
    Arbitrary<Integer> prefix32() {
        return Arbitraries.integers().between(0, 32);
    }

    @Provide
    Arbitrary<Integer> prefix128() {
        return Arbitraries.integers().between(0, 128);
    }
}
