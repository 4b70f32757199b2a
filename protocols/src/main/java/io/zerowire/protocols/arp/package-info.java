/**
 * ARP for IPv4 over Ethernet (RFC 826): the {@link io.zerowire.protocols.arp.ArpLayout} layout
 * (generated {@code Arp} and {@code ArpBuilder}), the {@link io.zerowire.protocols.arp.ArpOperation}
 * open enum and {@link io.zerowire.protocols.arp.ArpPackets}, which reports other hardware and
 * protocol types as {@code UNSUPPORTED}.
 */
package io.zerowire.protocols.arp;
