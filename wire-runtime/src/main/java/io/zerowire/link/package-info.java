/**
 * Link-layer address types: {@link io.zerowire.link.MacAddress}, the 48-bit IEEE 802 address of
 * Ethernet and Wi-Fi, with the mapping of IPv4 and IPv6 multicast groups to MAC addresses.
 */
package io.zerowire.link;
