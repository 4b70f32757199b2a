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
 *   <li>{@link #AT_PARSE}: either of the two, chosen per header when it is parsed or built (a pcap file's
 *       magic number, a pcapng section's byte-order magic). The view's {@code wrap} and {@code parse}
 *       take a {@link java.nio.ByteOrder}, or read it from the layout's {@link ByteOrderMark} field;
 *       the builder is told the order with {@code byteOrder(ByteOrder)} (big-endian until then).
 *       Every field is whole bytes on a byte boundary: bit-packed fields have no single meaning
 *       across the two orders, so a packed word is declared as one field (pcap's link-type word)
 *       and taken apart by helper methods. Checksums, options and optional fields are not
 *       supported in such a layout.
 * </ul>
 *
 * <p>Address fields ({@code MacAddress}, {@code Ipv4Address}, {@code Ipv6Address}) and byte regions
 * are byte strings: they are stored in network order in either kind of layout.
 */
public enum Endian {
    /** Network byte order, most significant bit first. */
    BIG,
    /** Little-endian, least significant bit first. */
    LITTLE,
    /** Big- or little-endian, chosen when a header is parsed or built: see the type's documentation. */
    AT_PARSE
}
