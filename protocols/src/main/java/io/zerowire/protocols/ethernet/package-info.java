/**
 * Ethernet II and 802.1Q / 802.1ad VLAN tags.
 *
 * <ul>
 *   <li>{@link io.zerowire.protocols.ethernet.EthernetLayout} (generated {@code Ethernet},
 *       {@code EthernetBuilder}): destination, source, type. The builder pads the body with zeros
 *       to 46 bytes, so a built frame is at least 60 bytes without its FCS, tags included (a tagged
 *       frame's payload is then padded to 42 bytes, as IEEE 802.3 asks).
 *   <li>{@link io.zerowire.protocols.ethernet.VlanTagLayout} (generated {@code VlanTag},
 *       {@code VlanTagBuilder}): priority, drop eligible, VLAN id and the inner type; one layout for
 *       a customer tag (after {@code 0x8100}) and a service tag (after {@code 0x88A8}), any number
 *       stacked.
 *   <li>{@link io.zerowire.protocols.ethernet.EtherType}: an open enum of types.
 *   <li>{@link io.zerowire.protocols.ethernet.EthernetFrames}: the parse entry points. A type of
 *       at most 1500 is an IEEE 802.3 length, reported as {@code UNSUPPORTED} on field
 *       {@code etherType}; the 60-byte minimum is checked on request
 *       ({@link io.zerowire.protocols.ethernet.EthernetFrames.MinimumLength#CHECK}), since a capture
 *       on the sending host holds shorter frames.
 * </ul>
 *
 * <p>Parse a frame, tag by tag:
 *
 * <pre>{@code
 * Ethernet eth = EthernetFrames.wrap(ethView, buffer, MinimumLength.IGNORE);
 * EtherType type = eth.etherType();
 * while (type.isTag()) {                                  // 802.1ad outside 802.1Q, or any stack
 *     type = EthernetFrames.wrapTag(tagView, buffer).etherType();
 * }
 * if (type.equals(EtherType.IPV4)) {
 *     ipv4.wrap(buffer);                                  // trims the padding into the suffix
 * }
 * }</pre>
 *
 * <p>Build a double-tagged (Q-in-Q) frame:
 *
 * <pre>{@code
 * PacketBuffer frame = Serializer.of(payload)
 *         .encapsulate(new VlanTagBuilder().vlanId(100).etherType(EtherType.IPV4))           // customer tag
 *         .encapsulate(new VlanTagBuilder().vlanId(4000).etherType(EtherType.VLAN))          // service tag
 *         .encapsulate(new EthernetBuilder().destination(peer).source(me).etherType(EtherType.QINQ))
 *         .serialize();                                   // ... 88a8 0fa0 8100 0064 0800 payload, 60 bytes at least
 * }</pre>
 */
package io.zerowire.protocols.ethernet;
