/**
 * TCP (RFC 9293) over IPv4 and IPv6: the {@link io.zerowire.protocols.tcp.TcpLayout} layout,
 * specialized by the processor into {@code TcpV4}/{@code TcpV6} views and {@code TcpV4Builder}/
 * {@code TcpV6Builder}; the version-generic {@link io.zerowire.protocols.tcp.TcpParser} and
 * {@link io.zerowire.protocols.tcp.TcpBuilder}; {@link io.zerowire.protocols.tcp.TcpOptions},
 * allocation-free typed readers of MSS, Window Scale, SACK-Permitted, SACK and Timestamps over the
 * options iterator; and {@link io.zerowire.protocols.tcp.TcpOptionsBuilder}, which writes those,
 * NOP, End of Option List and any other kind raw, so that a list seen on the wire can be rebuilt
 * byte for byte.
 *
 * <p>Parsing checks the data offset (5 to 15 words, within the IP payload: else
 * {@code MALFORMED}), the option list's lengths ({@code MALFORMED}) and the checksum over the
 * pseudo-header ({@code CHECKSUM}); the parser refuses a fragment or another protocol with
 * {@code NOT_EXPECTED}.
 *
 * <p>Parse, over either version:
 * <pre>{@code
 * TcpParser tcp = new TcpParser();                       // reusable: no allocation per packet
 * TcpLayout<?> segment = tcp.wrap(buffer, ip);           // ip: IpPacket<?>; buffer body = its payload
 * OptionsIterator options = segment.options();
 * while (options.next()) {
 *     if (options.kind() == TcpOptions.MSS) {
 *         mss = TcpOptions.mss(options);
 *     }
 * }
 * }</pre>
 *
 * <p>Build a SYN as Linux sends it (MSS, SACK-Permitted, Timestamps, NOP, Window Scale):
 * <pre>{@code
 * TcpOptionsBuilder options = new TcpOptionsBuilder()
 *         .mss(1460).sackPermitted().timestamps(tsval, 0).nop().windowScale(7);
 * TcpBuilder syn = new TcpBuilder().sourcePort(41608).destinationPort(80).sequenceNumber(iss)
 *         .syn(true).window(64240).options(options).addresses(local, remote);
 * PacketBuffer packet = Serializer.of(new byte[0]).encapsulate(syn).encapsulate(ipBuilder).serialize();
 * }</pre>
 */
package io.zerowire.protocols.tcp;
