/**
 * Neighbor Discovery for IPv6 (RFC 4861): the layouts of Router Solicitation, Router
 * Advertisement (with the flags of RFC 6275, RFC 4191 and RFC 4389), Neighbor Solicitation,
 * Neighbor Advertisement and Redirect after the common ICMPv6 header, and the layouts of the option
 * values: link-layer address, prefix information, redirected header, MTU, route information
 * (RFC 4191) and recursive DNS server (RFC 8106); the nonce (RFC 3971) is read raw.
 *
 * <p>{@link io.zerowire.protocols.icmpv6.ndp.NdpOptions} reads an option list in place with typed,
 * allocation-free readers (unknown options are skipped by their length; a zero length is rejected
 * when the message is parsed); {@link io.zerowire.protocols.icmpv6.ndp.NdpOptionsBuilder} writes
 * one, each option padded to a multiple of 8 bytes, as the body of a message builder. The
 * validity checks of RFC 4861 that need the IP header (hop limit 255, addresses) are
 * {@code Icmpv6Packet.checkNdp}.
 *
 * <pre>{@code
 * NdpOptions options = icmp.ndpOptions();
 * if (options.find(NdpOptions.SOURCE_LINK_LAYER_ADDRESS) && options.linkLayerAddress() != null) {
 *     long mac = options.linkLayerAddress().addressBits();
 * }
 *
 * Serializer ra = Serializer.of(new NdpOptionsBuilder().sourceLinkLayerAddress(mac).mtu(1500)
 *                 .routeInformation(48, RoutePreference.HIGH, 1800, Ipv6Address.parse("2001:db8:1::")))
 *         .encapsulate(new RouterAdvertisementBuilder().currentHopLimit(64).routerLifetime(1800))
 *         .encapsulate(new Icmpv6HeaderBuilder().type(Icmpv6Type.ROUTER_ADVERTISEMENT)
 *                 .addresses(routerLinkLocal, Ipv6.ALL_NODES_LINK_LOCAL_MULTICAST));
 * }</pre>
 */
package io.zerowire.protocols.icmpv6.ndp;
