/**
 * ICMPv6 (RFC 4443) with Neighbor Discovery (package {@link io.zerowire.protocols.icmpv6.ndp}) and
 * Multicast Listener Discovery (package {@link io.zerowire.protocols.icmpv6.mld}), over IPv6 only.
 *
 * <p>Each message is two layouts: {@link io.zerowire.protocols.icmpv6.Icmpv6HeaderLayout} (type,
 * code, and the checksum over the IPv6 pseudo-header and the whole message), then the layout of the
 * fields its type adds ({@link io.zerowire.protocols.icmpv6.EchoLayout},
 * {@link io.zerowire.protocols.icmpv6.PacketTooBigLayout}, the NDP and MLD messages, ...). What
 * follows those fields is the message's body: the invoking packet of an error, the data of an echo,
 * NDP options, MLDv2 sources or records.
 *
 * <p><b>Parsing.</b> {@link io.zerowire.protocols.icmpv6.Icmpv6Packet} is the entry point: it takes
 * the pseudo-header addresses from an {@code IpPacket<Ipv6>} (its source and
 * {@code pseudoHeaderDestination()}) or as plain addresses, checks everything the layouts cannot
 * say, verifies the checksum, and picks the message view by type. A reusable object; a loop over
 * packets allocates nothing.
 *
 * <pre>{@code
 * Icmpv6Packet icmp = new Icmpv6Packet();
 * icmp.wrap(buffer, source, destination);           // buffer: exactly the ICMPv6 message
 * switch (icmp.message()) {
 *     case ROUTER_ADVERTISEMENT -> {
 *         icmp.checkNdp(hopLimit);                  // RFC 4861 section 6.1.2
 *         RouterAdvertisement ra = icmp.routerAdvertisement();
 *         NdpOptions options = icmp.ndpOptions();
 *         while (options.next()) {
 *             PrefixInformation prefix = options.prefixInformation();
 *             if (prefix != null && prefix.autonomous()) {
 *                 configure(prefix.prefix(), prefix.prefixLength(), prefix.validLifetime());
 *             }
 *         }
 *     }
 *     case PACKET_TOO_BIG -> {
 *         long mtu = icmp.packetTooBig().mtu();
 *         // buffer's body is now the quoted packet: parse it as a (cut-short) IPv6 packet
 *     }
 *     default -> { }
 * }
 * }</pre>
 *
 * <p><b>Building.</b> The generated builders nest: the body, the message's builder, then
 * {@code Icmpv6HeaderBuilder}, which computes the checksum once it has the addresses.
 * {@link io.zerowire.protocols.icmpv6.Icmpv6Errors} quotes an invoking packet through a
 * {@code TruncatingSerializer} so that the error stays within the minimum IPv6 MTU.
 *
 * <pre>{@code
 * PacketBuffer ns = Serializer.of(new NdpOptionsBuilder().sourceLinkLayerAddress(myMac))
 *         .encapsulate(new NeighborSolicitationBuilder().target(target))
 *         .encapsulate(new Icmpv6HeaderBuilder().type(Icmpv6Type.NEIGHBOR_SOLICITATION)
 *                 .addresses(myLinkLocal, target.toSolicitedNodeMulticast()))
 *         .serialize();
 *
 * Serializer tooBig = Icmpv6Errors.quoting(receivedPacket,            // cut to 1240 bytes in all
 *         new PacketTooBigBuilder().mtu(1400),
 *         new Icmpv6HeaderBuilder().type(Icmpv6Type.PACKET_TOO_BIG).addresses(me, originalSource));
 * }</pre>
 */
package io.zerowire.protocols.icmpv6;
