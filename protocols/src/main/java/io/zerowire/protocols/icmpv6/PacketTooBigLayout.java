package io.zerowire.protocols.icmpv6;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;

/**
 * Packet Too Big (type 2, code 0, RFC 4443 section 3.2) after the common header: the MTU of the
 * next-hop link, then as much of the invoking packet as fits in the minimum IPv6 MTU.
 */
@Header(layer = "icmpv6-packet-too-big")
public interface PacketTooBigLayout {
    /** The maximum transmission unit of the next-hop link, in bytes. */
    @Bits(32) long mtu();
}
