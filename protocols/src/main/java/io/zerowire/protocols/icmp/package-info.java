/**
 * ICMPv4 (RFC 792), with the RFC 1191 next-hop MTU and the RFC 4884 length attribute: parse,
 * validate and build.
 *
 * <p>Layouts: {@link io.zerowire.protocols.icmp.IcmpHeaderLayout} (type, code, and the checksum
 * over the whole message; generated {@code IcmpHeader} and {@code IcmpHeaderBuilder}) and one
 * layout per message for the bytes after it: {@link io.zerowire.protocols.icmp.IcmpEchoLayout},
 * {@link io.zerowire.protocols.icmp.IcmpDestinationUnreachableLayout},
 * {@link io.zerowire.protocols.icmp.IcmpRedirectLayout},
 * {@link io.zerowire.protocols.icmp.IcmpTimeExceededLayout},
 * {@link io.zerowire.protocols.icmp.IcmpParameterProblemLayout} and
 * {@link io.zerowire.protocols.icmp.IcmpTimestampLayout}. Open enums:
 * {@link io.zerowire.protocols.icmp.IcmpType} and the codes of the errors
 * ({@link io.zerowire.protocols.icmp.IcmpUnreachableCode}, ...).
 *
 * <p>Parse with {@link io.zerowire.protocols.icmp.IcmpPacket}: it checks the lengths, verifies the
 * checksum, and picks the message view by type ({@link io.zerowire.protocols.icmp.IcmpMessageKind});
 * a type without a view is kept as {@code OTHER}, its body raw. An error's body is the quoted
 * datagram, read with the ordinary IPv4 view's {@code parseQuoted}:
 *
 * <pre>{@code
 * IcmpPacket icmp = new IcmpPacket();           // reusable: no allocation per packet
 * Ipv4 ip = new Ipv4();
 * ip.wrap(buffer);
 * if (ip.protocolValue() == IpProtocol.ICMP.value()) {
 *     icmp.wrap(buffer);                        // ParseException: MALFORMED or CHECKSUM
 *     if (icmp.kind() == IcmpMessageKind.DESTINATION_UNREACHABLE) {
 *         Ipv4 quoted = icmp.quotedDatagram(new Ipv4());
 *         int mtu = icmp.destinationUnreachable().nextHopMtu();   // code 4
 *     }
 * }
 * }</pre>
 *
 * <p>Build with {@link io.zerowire.protocols.icmp.IcmpMessageBuilder}; an error quotes the
 * offending datagram through a {@code TruncatingSerializer}, cut so the whole error fits 576 bytes:
 *
 * <pre>{@code
 * PacketBuffer ping = Serializer.of(data)
 *         .encapsulate(IcmpMessageBuilder.echoRequest(id, 1))
 *         .encapsulate(new Ipv4Builder().ttl(64).protocol(IpProtocol.ICMP).source(me).destination(peer))
 *         .serialize();
 * PacketBuffer error = IcmpMessageBuilder.destinationUnreachable(IcmpUnreachableCode.PORT)
 *         .quoting(offendingDatagram)
 *         .encapsulate(new Ipv4Builder().ttl(64).protocol(IpProtocol.ICMP).source(me).destination(sender))
 *         .serialize(PacketConstraints.maxBody(IcmpMessageBuilder.ERROR_DATAGRAM_LIMIT), BufferProvider.reuse());
 * }</pre>
 */
package io.zerowire.protocols.icmp;
