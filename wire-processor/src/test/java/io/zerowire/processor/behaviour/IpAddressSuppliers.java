package io.zerowire.processor.behaviour;

import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import net.jqwik.api.Combinators;

/** Random IP addresses for properties: {@code @ForAll(supplier = IpAddressSuppliers.Ipv4s.class)}. */
final class IpAddressSuppliers {
    private IpAddressSuppliers() {}

    /** Any of the 2^32 IPv4 addresses. */
    static final class Ipv4s implements ArbitrarySupplier<Ipv4Address> {
        @Override
        public Arbitrary<Ipv4Address> get() {
            return Arbitraries.integers().map(Ipv4Address::of);
        }
    }

    /** Any of the 2^128 IPv6 addresses. */
    static final class Ipv6s implements ArbitrarySupplier<Ipv6Address> {
        @Override
        public Arbitrary<Ipv6Address> get() {
            return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(Ipv6Address::of);
        }
    }
}
