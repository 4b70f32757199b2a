package io.zerowire.annotations;

/**
 * Byte order of a layout, which also fixes how fields narrower than a byte are packed.
 *
 * <ul>
 *   <li>{@link #BIG}: network order. Bits are numbered from the most significant bit of the first
 *       byte; a field's first bit is its most significant one ({@code version:4} is the high
 *       nibble of byte 0 of IPv4).
 *   <li>{@link #LITTLE}: bits are numbered from the least significant bit of the first byte, as C
 *       compilers lay out bit fields on little-endian machines; a field's first bit is its least
 *       significant one. Byte-aligned fields read as ordinary little-endian integers (pcap headers).
 * </ul>
 *
 * <p>Address fields ({@code MacAddress}, {@code Ipv4Address}, {@code Ipv6Address}) and byte regions
 * are byte strings: they are stored in network order in either kind of layout.
 */
public enum Endian {
    /** Network byte order, most significant bit first. */
    BIG,
    /** Little-endian, least significant bit first. */
    LITTLE
}
