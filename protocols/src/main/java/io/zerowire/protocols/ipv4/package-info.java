/**
 * IPv4 (RFC 791) with its options.
 *
 * <ul>
 *   <li>{@link io.zerowire.protocols.ipv4.Ipv4Layout}: the header; generated {@code Ipv4} (view:
 *       validates version, IHL, total length against the buffer, the option list and the checksum;
 *       trims link padding into the suffix; setters keep the checksum by RFC 1624) and
 *       {@code Ipv4Builder} (derives version, IHL, total length, option padding and checksum).
 *   <li>{@link io.zerowire.protocols.ipv4.Ipv4Packet}: the entry point for receiving, an
 *       {@code IpPacket<Ipv4>} for the transport layers: fragments, the pseudo-header destination
 *       (the final destination of a source route), parameter problems for broken options, an
 *       explicit error for a total length of 0 (segmentation offload).
 *   <li>{@link io.zerowire.protocols.ipv4.Ipv4Options}: option types and allocation-free typed
 *       readers over the view's {@code options()} iterator.
 *   <li>{@link io.zerowire.protocols.ipv4.Ipv4OptionsBuilder}: a typed method per option (EOL,
 *       NOP, Router Alert, Record Route, loose and strict source routes, Timestamp with each flag,
 *       Security of RFC 791 and RFC 1108, Stream ID) and {@code raw} for any other.
 *   <li>Option layouts, each with a generated strict view and builder:
 *       {@link io.zerowire.protocols.ipv4.RouterAlertOptionLayout},
 *       {@link io.zerowire.protocols.ipv4.RouteOptionLayout},
 *       {@link io.zerowire.protocols.ipv4.TimestampOptionLayout},
 *       {@link io.zerowire.protocols.ipv4.SecurityOptionLayout},
 *       {@link io.zerowire.protocols.ipv4.BasicSecurityOptionLayout},
 *       {@link io.zerowire.protocols.ipv4.StreamIdOptionLayout}.
 * </ul>
 *
 * <p>Parse, read the options, forward in place:
 *
 * <pre>{@code
 * Ipv4Packet ip = new Ipv4Packet();                     // one per thread, reused
 * try {
 *     ip.wrap(buffer);                                  // body = payload, padding -> suffix
 * } catch (ParameterProblemException e) {               // a broken option list
 *     if (e.mayRespond()) { sendParameterProblem(e.pointer()); }
 *     return;
 * } catch (ParseException e) {                          // anything else: drop
 *     return;
 * }
 * OptionsIterator options = ip.header().options();
 * while (options.next()) {
 *     if (options.kind() == Ipv4Options.ROUTER_ALERT && Ipv4Options.routerAlert(options) == 0) {
 *         deliverToControlPlane = true;
 *     }
 * }
 * if (!ip.isFragment() && ip.transportProtocol().equals(IpProtocol.UDP)) {
 *     // UdpV4.parse(buffer, ip.source(), ip.pseudoHeaderDestination()) ...
 * }
 * ip.header().setTtl(ip.hopLimit() - 1);                 // checksum updated incrementally
 * ip.undoParse(buffer);                                  // the whole packet again, to forward
 * }</pre>
 *
 * <p>Build a packet with options:
 *
 * <pre>{@code
 * PacketBuffer packet = Serializer.of(igmpReport)
 *         .encapsulate(new Ipv4Builder()
 *                 .ttl(1).protocol(IpProtocol.IGMP)
 *                 .source(me).destination(Ipv4Address.parse("224.0.0.22"))
 *                 .options(new Ipv4OptionsBuilder().routerAlert(0).optionsBuilder()))   // 94 04 00 00
 *         .encapsulate(ethernet)
 *         .serialize();
 * }</pre>
 */
package io.zerowire.protocols.ipv4;
