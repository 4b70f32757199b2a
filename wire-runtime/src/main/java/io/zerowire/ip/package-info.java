/**
 * IP version types and addresses, after Fuchsia netstack3's {@code net-types} crate.
 *
 * <p>{@link io.zerowire.ip.Ip} is the IP version: {@link io.zerowire.ip.Ipv4} and
 * {@link io.zerowire.ip.Ipv6} are its two singletons and carry the per-version constants
 * (unspecified and loopback addresses, well-known subnets, minimum link MTU).
 * {@link io.zerowire.ip.IpAddress IpAddress&lt;I&gt;} is an address of version {@code I}, with
 * {@link io.zerowire.ip.Ipv4Address} (one {@code int}) and {@link io.zerowire.ip.Ipv6Address}
 * (two {@code long}s) as its only implementations, and {@link io.zerowire.ip.Subnet
 * Subnet&lt;A&gt;} is a network address with a prefix length.
 *
 * <p>Code that does not care about the version is written once against the type parameter, for
 * example {@code <A extends IpAddress<?>> Subnet<A> longestMatch(List<Subnet<A>> routes, A
 * destination)}, and works for both versions without casts.
 *
 * <p>Addresses are immutable values with value-based {@code equals}, {@code hashCode} and an
 * unsigned {@code compareTo}; they never hold a reference to a packet buffer. Text that is not a
 * valid address fails with {@link io.zerowire.ip.AddressFormatException}, whose message quotes the
 * input and says what is wrong with it.
 */
package io.zerowire.ip;
