/**
 * Ethernet II and 802.1Q / 802.1ad VLAN tags: the {@link io.zerowire.protocols.ethernet.EthernetLayout}
 * and {@link io.zerowire.protocols.ethernet.VlanTagLayout} layouts (generated views {@code Ethernet},
 * {@code VlanTag} and their builders), the {@link io.zerowire.protocols.ethernet.EtherType} open enum,
 * and {@link io.zerowire.protocols.ethernet.EthernetFrames}, the parse entry points that reject 802.3
 * length frames as {@code UNSUPPORTED} and optionally check the 60-byte minimum.
 */
package io.zerowire.protocols.ethernet;
