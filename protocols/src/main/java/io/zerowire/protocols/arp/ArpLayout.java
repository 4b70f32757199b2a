package io.zerowire.protocols.arp;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Const;
import io.zerowire.annotations.Header;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.link.MacAddress;

/**
 * ARP for IPv4 over Ethernet (RFC 826), the only ARP in use: hardware type 1 (Ethernet), protocol
 * type 0x0800 (IPv4), address lengths 6 and 4, all constants that the builder writes. The generated
 * views are {@code Arp} and {@code ArpBuilder}.
 *
 * <p>Parse with {@link ArpPackets#wrap}: another hardware or protocol type (or lengths) is then an
 * {@code UNSUPPORTED} error, where the view's own {@code wrap} would call it {@code MALFORMED}.
 *
 * <p>Not generic over the IP version ({@code ArpLayout<A extends IpAddress<?>>}): IPv6 has no ARP
 * (it uses NDP), so an {@code ArpV6} would describe packets that do not exist, and the protocol type
 * and length constants would have to depend on the type parameter, which {@code @Const} cannot say.
 */
@Header(layer = "arp")
public interface ArpLayout {
    /** Ethernet (1). */
    @Bits(16) @Const(ArpPackets.HARDWARE_TYPE_ETHERNET) int hardwareType();

    /** IPv4 (0x0800). */
    @Bits(16) @Const(ArpPackets.PROTOCOL_TYPE_IPV4) int protocolType();

    /** Bytes of a hardware address: 6. */
    @Bits(8) @Const(6) int hardwareLength();

    /** Bytes of a protocol address: 4. */
    @Bits(8) @Const(4) int protocolLength();

    @Bits(16) ArpOperation operation();

    MacAddress senderHardwareAddress();

    Ipv4Address senderProtocolAddress();

    /** Ignored in a request (usually zeros). */
    MacAddress targetHardwareAddress();

    Ipv4Address targetProtocolAddress();
}
