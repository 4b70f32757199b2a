/**
 * UDP (RFC 768) over IPv4 and IPv6: the {@link io.zerowire.protocols.udp.UdpLayout} layout,
 * specialized by the processor into {@code UdpV4}/{@code UdpV6} views and {@code UdpV4Builder}/
 * {@code UdpV6Builder}, and the version-generic {@link io.zerowire.protocols.udp.UdpParser} and
 * {@link io.zerowire.protocols.udp.UdpBuilder}, which take the addresses of an
 * {@link io.zerowire.protocols.ip.IpPacket} of either version.
 *
 * <p>Checksum rules: over IPv4 a zero checksum means "none" and is accepted unverified; over IPv6
 * it is refused with a {@code CHECKSUM} error (RFC 8200 section 8.1), the kind a wrong checksum
 * gets. A computed checksum of zero is sent as {@code 0xFFFF}. {@code length} must cover the header
 * and fit the IP payload; bytes after it are trimmed. A fragment is refused with
 * {@code NOT_EXPECTED} by the parser (reassemble first).
 *
 * <p>Parse, over either version:
 * <pre>{@code
 * UdpParser udp = new UdpParser();                       // reusable: no allocation per packet
 * UdpLayout<?> datagram = udp.wrap(buffer, ip);          // ip: IpPacket<?>; buffer body = its payload
 * int port = datagram.destinationPort();                 // buffer body is now the UDP payload
 * }</pre>
 * or with a known version, straight from the generated view:
 * <pre>{@code
 * Ipv4 ip = Ipv4.parse(buffer);
 * UdpV4 datagram = UdpV4.parse(buffer, ip.source(), ip.destination());
 * }</pre>
 *
 * <p>Build:
 * <pre>{@code
 * UdpBuilder udp = new UdpBuilder().sourcePort(53).destinationPort(40000).addresses(server, client);
 * PacketBuffer packet = Serializer.of(payload).encapsulate(udp).encapsulate(ipBuilder).serialize();
 * }</pre>
 */
package io.zerowire.protocols.udp;
