/**
 * IPv6 (RFC 8200) with its extension headers: parse, validate and build.
 *
 * <h2>Layouts</h2>
 * Every header is a layout, compiled into a view and a builder: {@link
 * io.zerowire.protocols.ipv6.Ipv6HeaderLayout} (the fixed header: {@code Ipv6Header},
 * {@code Ipv6HeaderBuilder}), {@link io.zerowire.protocols.ipv6.HopByHopOptionsLayout} and {@link
 * io.zerowire.protocols.ipv6.DestinationOptionsLayout} (options in the IPv6 extension format), {@link
 * io.zerowire.protocols.ipv6.FragmentHeaderLayout}, and the first eight bytes of a Routing header in
 * three shapes: any type ({@link io.zerowire.protocols.ipv6.RoutingHeaderLayout}), type 0 ({@link
 * io.zerowire.protocols.ipv6.Type0RoutingHeaderLayout}) and the Segment Routing Header ({@link
 * io.zerowire.protocols.ipv6.SegmentRoutingHeaderLayout}, RFC 8754).
 *
 * <h2>Hand-written around them</h2>
 * <ul>
 *   <li>{@link io.zerowire.protocols.ipv6.Ipv6Packet}: the packet as a reusable view (or, with
 *       {@code wrapQuoted}, the packet an ICMPv6 error quotes); walks and
 *       checks the extension header chain and implements {@code IpPacket<Ipv6>} for the transport
 *       layers (the walk's rules are documented there).
 *   <li>{@link io.zerowire.protocols.ipv6.Ipv6Options}: option types and actions, Router Alert and
 *       Jumbo Payload readers and aligned writers.
 *   <li>{@link io.zerowire.protocols.ipv6.RoutingHeaders}: the variable part of Routing headers
 *       (type 0 addresses, SRH segment list and TLVs), and {@link
 *       io.zerowire.protocols.ipv6.Type0RoutingBuilder}, {@link
 *       io.zerowire.protocols.ipv6.SegmentRoutingBuilder}, {@link
 *       io.zerowire.protocols.ipv6.OpaqueRoutingBuilder} that write whole Routing headers. The
 *       layout language has no "array of addresses counted by a field, then a TLV list" region
 *       (only {@code @Options}, a TLV list right after the fixed fields), so these read and write
 *       the bytes after the first eight, around the generated views and builders.
 *   <li>{@link io.zerowire.protocols.ipv6.Ipv6PacketBuilder}: a whole chain as one layer, with the
 *       next header fields linked and jumbograms.
 * </ul>
 *
 * <h2>Parse</h2>
 * <pre>{@code
 * Ipv6Packet ip = new Ipv6Packet();                        // one per parsing loop
 * ip.wrap(buffer);                                         // throws ParseException / ParameterProblemException
 * IpProtocol upper = ip.transportProtocol();               // after the chain: UDP, TCP, ICMPv6, ...
 * int hops = ip.header().hopLimit();
 * for (int i = 0; i < ip.extensionHeaderCount(); i++) {
 *     IpProtocol type = ip.extensionHeaderType(i);         // IPV6_HOP_BY_HOP, IPV6_ROUTING, ...
 * }
 * SegmentRoutingHeader srh = ip.segmentRoutingHeader();    // null without one
 * Ipv6Address finalDestination = ip.pseudoHeaderDestination();
 * // buffer's body is now the upper-layer payload
 * }</pre>
 *
 * <h2>Build</h2>
 * <pre>{@code
 * OptionsBuilder hbh = Ipv6Options.addRouterAlert(new OptionsBuilder(Ipv6OptionFormat.FORMAT), 0);
 * PacketBuffer packet = Serializer.of(payload)
 *         .encapsulate(new Ipv6PacketBuilder(new Ipv6HeaderBuilder()
 *                 .hopLimit(1).source(source).destination(Ipv6Address.parse("ff02::16")))
 *                 .hopByHop(new HopByHopOptionsBuilder().options(hbh))
 *                 .upperLayer(IpProtocol.IPV6_ICMP))
 *         .serialize();
 * // or layer by layer, setting each next header:
 * Serializer.of(payload)
 *         .encapsulate(new FragmentHeaderBuilder().nextHeader(IpProtocol.UDP).identification(1).moreFragments(true))
 *         .encapsulate(new Ipv6HeaderBuilder().nextHeader(IpProtocol.IPV6_FRAGMENT).hopLimit(64)
 *                 .source(source).destination(destination))
 *         .serialize();
 * }</pre>
 */
package io.zerowire.protocols.ipv6;
