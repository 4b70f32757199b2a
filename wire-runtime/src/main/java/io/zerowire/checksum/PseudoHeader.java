package io.zerowire.checksum;

import java.util.Objects;

/**
 * Adds the IP pseudo-header that the UDP, TCP and ICMPv6 checksums cover to an
 * {@link InternetChecksum}, without building it in memory. The pseudo-header ties a transport
 * checksum to the addresses and protocol of the IP packet that carries the segment, so that a
 * segment delivered to the wrong host or protocol fails its checksum.
 *
 * <p>Addresses are given either as primitives (an IPv4 address as its 32 bits in an {@code int}, an
 * IPv6 address as its first and last 64 bits in two {@code long}s) or as offsets into a byte array,
 * typically the received packet itself. The pseudo-header is added to the accumulator's stream like
 * any other bytes; it normally comes first, followed by the transport header and body. Each method
 * checks all its arguments before adding anything: on an exception the accumulator is unchanged.
 * Nothing here allocates.
 *
 * <pre>{@code
 * // TCP over IPv6, addresses straight from the IPv6 header at offset ip:
 * PseudoHeader.addIpv6(c.reset(), packet, ip + 8, ip + 24, 6, tcpLength).add(packet, tcp, tcpLength);
 * }</pre>
 */
public final class PseudoHeader {

    private PseudoHeader() {
    }

    /**
     * Adds the IPv4 pseudo-header (RFC 768, RFC 9293 section 3.1): source address, destination
     * address, a zero byte, the protocol number and the 16-bit upper-layer length.
     *
     * @param checksum    the accumulator to add to
     * @param source      the source address, as its 32 bits
     * @param destination the destination address, as its 32 bits
     * @param protocol    the IP protocol number of the upper layer (6 TCP, 17 UDP), 0 to 255
     * @param length      the length of the upper-layer header and data in bytes, 0 to 65535
     * @return {@code checksum}
     * @throws IllegalArgumentException if {@code protocol} or {@code length} is out of range
     */
    public static InternetChecksum addIpv4(
            InternetChecksum checksum, int source, int destination, int protocol, int length) {
        checkIpv4(protocol, length);
        return checksum.addU32(source).addU32(destination).addU16(protocol).addU16(length);
    }

    /**
     * Adds the IPv4 pseudo-header with the addresses read from a byte array, for example straight out
     * of an IPv4 header at {@code ip}: {@code addIpv4(c, packet, ip + 12, ip + 16, 17, udpLength)}.
     *
     * @param checksum          the accumulator to add to
     * @param array             the bytes holding the addresses
     * @param sourceOffset      index of the source address's first byte (4 bytes)
     * @param destinationOffset index of the destination address's first byte (4 bytes)
     * @param protocol          the IP protocol number of the upper layer (6 TCP, 17 UDP), 0 to 255
     * @param length            the length of the upper-layer header and data in bytes, 0 to 65535
     * @return {@code checksum}
     * @throws IllegalArgumentException  if {@code protocol} or {@code length} is out of range
     * @throws IndexOutOfBoundsException if an address is not inside the array
     */
    public static InternetChecksum addIpv4(
            InternetChecksum checksum,
            byte[] array,
            int sourceOffset,
            int destinationOffset,
            int protocol,
            int length) {
        checkIpv4(protocol, length);
        Objects.checkFromIndexSize(sourceOffset, 4, array.length);
        Objects.checkFromIndexSize(destinationOffset, 4, array.length);
        return checksum.add(array, sourceOffset, 4)
                .add(array, destinationOffset, 4)
                .addU16(protocol)
                .addU16(length);
    }

    /**
     * Adds the IPv6 pseudo-header (RFC 8200 section 8.1): source address, destination address, the
     * 32-bit upper-layer packet length, three zero bytes and the next header value of the upper layer.
     * The destination is the final one: with a Routing header, the last address in it, not the one in
     * the IPv6 header of a packet in transit. The next header value is that of the upper layer (58 for
     * ICMPv6), not that of the first extension header, and the length excludes extension headers.
     *
     * @param checksum        the accumulator to add to
     * @param sourceHigh      the first 64 bits of the source address
     * @param sourceLow       the last 64 bits of the source address
     * @param destinationHigh the first 64 bits of the destination address
     * @param destinationLow  the last 64 bits of the destination address
     * @param nextHeader      the upper-layer protocol (6 TCP, 17 UDP, 58 ICMPv6), 0 to 255
     * @param length          the length of the upper-layer header and data in bytes, 0 to
     *                        2<sup>32</sup> - 1 (larger than 65535 only in a jumbogram)
     * @return {@code checksum}
     * @throws IllegalArgumentException if {@code nextHeader} or {@code length} is out of range
     */
    public static InternetChecksum addIpv6(
            InternetChecksum checksum,
            long sourceHigh,
            long sourceLow,
            long destinationHigh,
            long destinationLow,
            int nextHeader,
            long length) {
        checkIpv6(nextHeader, length);
        return checksum.addU64(sourceHigh)
                .addU64(sourceLow)
                .addU64(destinationHigh)
                .addU64(destinationLow)
                .addU32((int) length)
                .addU32(nextHeader);
    }

    /**
     * Adds the IPv6 pseudo-header with the addresses read from a byte array, for example straight out
     * of an IPv6 header at {@code ip}: {@code addIpv6(c, packet, ip + 8, ip + 24, 17, udpLength)}. See
     * {@link #addIpv6(InternetChecksum, long, long, long, long, int, long)} for which destination,
     * next header and length belong in it.
     *
     * @param checksum          the accumulator to add to
     * @param array             the bytes holding the addresses
     * @param sourceOffset      index of the source address's first byte (16 bytes)
     * @param destinationOffset index of the destination address's first byte (16 bytes)
     * @param nextHeader        the upper-layer protocol (6 TCP, 17 UDP, 58 ICMPv6), 0 to 255
     * @param length            the length of the upper-layer header and data in bytes, 0 to
     *                          2<sup>32</sup> - 1
     * @return {@code checksum}
     * @throws IllegalArgumentException  if {@code nextHeader} or {@code length} is out of range
     * @throws IndexOutOfBoundsException if an address is not inside the array
     */
    public static InternetChecksum addIpv6(
            InternetChecksum checksum,
            byte[] array,
            int sourceOffset,
            int destinationOffset,
            int nextHeader,
            long length) {
        checkIpv6(nextHeader, length);
        Objects.checkFromIndexSize(sourceOffset, 16, array.length);
        Objects.checkFromIndexSize(destinationOffset, 16, array.length);
        return checksum.add(array, sourceOffset, 16)
                .add(array, destinationOffset, 16)
                .addU32((int) length)
                .addU32(nextHeader);
    }

    private static void checkIpv4(int protocol, int length) {
        if ((protocol & ~0xFF) != 0) {
            throw new IllegalArgumentException("protocol out of range 0..255: " + protocol);
        }
        if ((length & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("IPv4 upper-layer length out of range 0..65535: " + length);
        }
    }

    private static void checkIpv6(int nextHeader, long length) {
        if ((nextHeader & ~0xFF) != 0) {
            throw new IllegalArgumentException("next header out of range 0..255: " + nextHeader);
        }
        if ((length & ~0xFFFF_FFFFL) != 0) {
            throw new IllegalArgumentException(
                    "IPv6 upper-layer length out of range 0..4294967295: " + length);
        }
    }
}
