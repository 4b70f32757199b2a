package io.zerowire.ip;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpVersionTest {

    @Test
    void ipv4Constants() {
        assertThat(Ipv4.VERSION).isEqualTo(4);
        assertThat(Ipv4.ADDRESS_BYTES).isEqualTo(4);
        assertThat(Ipv4.ADDRESS_BITS).isEqualTo(32);
        assertThat(Ipv4.MINIMUM_LINK_MTU).isEqualTo(68);
        assertThat(Ipv4.UNSPECIFIED).hasToString("0.0.0.0");
        assertThat(Ipv4.LOOPBACK).hasToString("127.0.0.1");
        assertThat(Ipv4.LIMITED_BROADCAST).hasToString("255.255.255.255");
        assertThat(Ipv4.ALL_SYSTEMS_MULTICAST).hasToString("224.0.0.1");
        assertThat(Ipv4.ALL_ROUTERS_MULTICAST).hasToString("224.0.0.2");
        assertThat(Ipv4.LOOPBACK_SUBNET).hasToString("127.0.0.0/8");
        assertThat(Ipv4.MULTICAST_SUBNET).hasToString("224.0.0.0/4");
        assertThat(Ipv4.LINK_LOCAL_UNICAST_SUBNET).hasToString("169.254.0.0/16");
    }

    @Test
    void ipv6Constants() {
        assertThat(Ipv6.VERSION).isEqualTo(6);
        assertThat(Ipv6.ADDRESS_BYTES).isEqualTo(16);
        assertThat(Ipv6.ADDRESS_BITS).isEqualTo(128);
        assertThat(Ipv6.MINIMUM_LINK_MTU).isEqualTo(1280);
        assertThat(Ipv6.UNSPECIFIED).hasToString("::");
        assertThat(Ipv6.LOOPBACK).hasToString("::1");
        assertThat(Ipv6.ALL_NODES_LINK_LOCAL_MULTICAST).hasToString("ff02::1");
        assertThat(Ipv6.ALL_ROUTERS_LINK_LOCAL_MULTICAST).hasToString("ff02::2");
        assertThat(Ipv6.LOOPBACK_SUBNET).hasToString("::1/128");
        assertThat(Ipv6.MULTICAST_SUBNET).hasToString("ff00::/8");
        assertThat(Ipv6.LINK_LOCAL_UNICAST_SUBNET).hasToString("fe80::/10");
        assertThat(Ipv6.IPV4_MAPPED_SUBNET).hasToString("::ffff:0.0.0.0/96");
        assertThat(Ipv6.IPV4_MAPPED_SUBNET.network()).isEqualTo(Ipv6Address.parse("::ffff:0:0"));
    }

    @Test
    void constantsSatisfyTheirOwnPredicates() {
        assertThat(Ipv4.UNSPECIFIED.isSpecified()).isFalse();
        assertThat(Ipv4.LOOPBACK.isLoopback()).isTrue();
        assertThat(Ipv4.LIMITED_BROADCAST.isLimitedBroadcast()).isTrue();
        assertThat(Ipv4.ALL_SYSTEMS_MULTICAST.isMulticast()).isTrue();
        assertThat(Ipv4.ALL_ROUTERS_MULTICAST.isMulticast()).isTrue();
        assertThat(Ipv4.LOOPBACK_SUBNET.contains(Ipv4.LOOPBACK)).isTrue();
        assertThat(Ipv6.UNSPECIFIED.isSpecified()).isFalse();
        assertThat(Ipv6.LOOPBACK.isLoopback()).isTrue();
        assertThat(Ipv6.ALL_NODES_LINK_LOCAL_MULTICAST.isMulticast()).isTrue();
        assertThat(Ipv6.ALL_ROUTERS_LINK_LOCAL_MULTICAST.isMulticast()).isTrue();
        assertThat(Ipv6.LOOPBACK_SUBNET.contains(Ipv6.LOOPBACK)).isTrue();
    }

    @Test
    void instanceMethodsGiveTheConstants() {
        Ip v4 = Ipv4.INSTANCE;
        assertThat(v4.versionNumber()).isEqualTo(4);
        assertThat(v4.addressBytes()).isEqualTo(4);
        assertThat(v4.addressBits()).isEqualTo(32);
        assertThat(v4.unspecifiedAddress()).isSameAs(Ipv4.UNSPECIFIED);
        assertThat(v4.loopbackAddress()).isSameAs(Ipv4.LOOPBACK);
        assertThat(v4.loopbackSubnet()).isSameAs(Ipv4.LOOPBACK_SUBNET);
        assertThat(v4.multicastSubnet()).isSameAs(Ipv4.MULTICAST_SUBNET);
        assertThat(v4.linkLocalUnicastSubnet()).isSameAs(Ipv4.LINK_LOCAL_UNICAST_SUBNET);
        assertThat(v4.minimumLinkMtu()).isEqualTo(68);
        assertThat(v4).hasToString("IPv4");

        Ip v6 = Ipv6.INSTANCE;
        assertThat(v6.versionNumber()).isEqualTo(6);
        assertThat(v6.addressBytes()).isEqualTo(16);
        assertThat(v6.addressBits()).isEqualTo(128);
        assertThat(v6.unspecifiedAddress()).isSameAs(Ipv6.UNSPECIFIED);
        assertThat(v6.loopbackAddress()).isSameAs(Ipv6.LOOPBACK);
        assertThat(v6.loopbackSubnet()).isSameAs(Ipv6.LOOPBACK_SUBNET);
        assertThat(v6.multicastSubnet()).isSameAs(Ipv6.MULTICAST_SUBNET);
        assertThat(v6.linkLocalUnicastSubnet()).isSameAs(Ipv6.LINK_LOCAL_UNICAST_SUBNET);
        assertThat(v6.minimumLinkMtu()).isEqualTo(1280);
        assertThat(v6).hasToString("IPv6");
    }

    @Test
    void versionIsConsistentAcrossAddressesAndItsInstance() {
        for (Ip ip : List.<Ip>of(Ipv4.INSTANCE, Ipv6.INSTANCE)) {
            IpAddress<?> unspecified = ip.unspecifiedAddress();
            assertThat(unspecified.version()).isSameAs(ip);
            assertThat(unspecified.bitLength()).isEqualTo(ip.addressBits());
            assertThat(unspecified.toByteArray()).hasSize(ip.addressBytes());
            assertThat(ip.addressBits()).isEqualTo(8 * ip.addressBytes());
            assertThat(ip.loopbackAddress().isLoopback()).isTrue();
            assertThat(ip.loopbackSubnet().network().version()).isSameAs(ip);
            assertThat(ip.multicastSubnet().network().isMulticast()).isTrue();
            assertThat(ip.linkLocalUnicastSubnet().network().isLinkLocalUnicast()).isTrue();
        }
    }

    /**
     * The constants of Ipv4 and Ipv6 are built from address and subnet instances: whichever class
     * of the package is initialized first, no constant may be seen as null. Each case loads the
     * package's classes afresh in a class loader of its own and touches one class first.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "io.zerowire.ip.Ip", "io.zerowire.ip.Ipv4", "io.zerowire.ip.Ipv6",
        "io.zerowire.ip.IpAddress", "io.zerowire.ip.Ipv4Address", "io.zerowire.ip.Ipv6Address",
        "io.zerowire.ip.Subnet", "io.zerowire.ip.AddressFormatException",
        "io.zerowire.link.MacAddress"})
    void noConstantIsNullWhicheverClassIsInitializedFirst(String first) throws Exception {
        URL classes = Ipv4.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
            Class<?> firstClass = Class.forName(first, true, loader);
            assertThat(firstClass.getClassLoader()).isSameAs(loader);
            if (first.equals("io.zerowire.ip.Ipv4Address")) {
                // Also exercise the path where an address is created before its version class.
                firstClass.getMethod("of", int.class).invoke(null, 1);
            }
            for (String name : List.of("io.zerowire.ip.Ipv4", "io.zerowire.ip.Ipv6",
                    "io.zerowire.ip.Ipv4Address", "io.zerowire.ip.Ipv6Address",
                    "io.zerowire.ip.Subnet", "io.zerowire.link.MacAddress")) {
                Class<?> type = Class.forName(name, true, loader);
                assertThat(type).isNotSameAs(Class.forName(name));
                for (Field field : type.getFields()) {
                    if (Modifier.isStatic(field.getModifiers())) {
                        assertThat(field.get(null)).as("%s.%s", name, field.getName()).isNotNull();
                        Object value = field.get(null);
                        if (value.getClass().getName().equals("io.zerowire.ip.Subnet")) {
                            assertThat(value.getClass().getMethod("network").invoke(value))
                                    .as("%s.%s.network()", name, field.getName()).isNotNull();
                        }
                    }
                }
            }
            Class<?> ip = Class.forName("io.zerowire.ip.Ip", true, loader);
            for (String version : List.of("io.zerowire.ip.Ipv4", "io.zerowire.ip.Ipv6")) {
                Object instance = Class.forName(version, true, loader).getField("INSTANCE").get(null);
                for (Method method : ip.getMethods()) {
                    if (method.getParameterCount() == 0 && method.getReturnType() != int.class) {
                        assertThat(method.invoke(instance))
                                .as("%s.%s()", version, method.getName()).isNotNull();
                    }
                }
            }
        }
    }
}
