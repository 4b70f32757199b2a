/**
 * ARP for IPv4 over Ethernet (RFC 826).
 *
 * <ul>
 *   <li>{@link io.zerowire.protocols.arp.ArpLayout} (generated {@code Arp}, {@code ArpBuilder}):
 *       hardware type 1, protocol type 0x0800 and the address lengths 6 and 4 are constants the
 *       builder writes; operation, sender and target addresses.
 *   <li>{@link io.zerowire.protocols.arp.ArpOperation}: an open enum (request, reply, any other).
 *   <li>{@link io.zerowire.protocols.arp.ArpPackets}: the parse entry point. Another hardware or
 *       protocol type, or other address lengths, is a valid ARP packet reported as
 *       {@code UNSUPPORTED}; the bytes after the 28 of the packet (Ethernet padding) move into the
 *       buffer's suffix.
 * </ul>
 *
 * <p>Parse a request:
 *
 * <pre>{@code
 * Arp arp = ArpPackets.wrap(arpView, buffer);     // after EthernetFrames.wrap saw EtherType.ARP
 * boolean forMe = arp.operation().equals(ArpOperation.REQUEST) && arp.targetProtocolAddress().equals(me);
 * }</pre>
 *
 * <p>Build the reply (in the received buffer: its prefix holds the new headers, the Ethernet
 * builder pads to 60 bytes with zeros):
 *
 * <pre>{@code
 * PacketBuffer reply = buffer
 *         .encapsulate(new ArpBuilder().operation(ArpOperation.REPLY)
 *                 .senderHardwareAddress(myMac).senderProtocolAddress(me)
 *                 .targetHardwareAddress(arp.senderHardwareAddress())
 *                 .targetProtocolAddress(arp.senderProtocolAddress()))
 *         .encapsulate(new EthernetBuilder().destination(arp.senderHardwareAddress())
 *                 .source(myMac).etherType(EtherType.ARP))
 *         .serialize(BufferProvider.reuse());
 * }</pre>
 */
package io.zerowire.protocols.arp;
