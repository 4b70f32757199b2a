package io.zerowire.protocols.ipv6;

import io.zerowire.ip.Ipv6Address;
import io.zerowire.options.OptionFormat;
import io.zerowire.options.OptionsIterator;
import io.zerowire.parse.ParseException;
import java.util.Objects;

/**
 * The type-specific data of Routing headers beyond their first eight bytes, read in place through
 * the generated views: the addresses of a type 0 header (RFC 2460 section 4.4) and the segment list
 * and TLVs of a Segment Routing Header (RFC 8754). A layout cannot say "an array of addresses
 * counted by another field, then a TLV list" (see the package documentation), so these readers do
 * it over the views' {@code offset()} and {@code headerLength()}; none of them allocates except the
 * {@link Ipv6Address} getters, and none throws on any header a view accepted.
 *
 * <pre>{@code
 * SegmentRoutingHeader srh = packet.segmentRoutingHeader();
 * for (int i = 0; i < RoutingHeaders.segmentCount(srh); i++) {
 *     Ipv6Address segment = RoutingHeaders.segment(srh, i);   // segment list[i]; [0] is the final one
 * }
 * OptionsIterator tlvs = new OptionsIterator();
 * if (RoutingHeaders.segmentRoutingTlvs(srh, tlvs)) {
 *     while (tlvs.next()) { ... }                             // Pad1 (0), PadN (4), HMAC (5), ...
 * }
 * }</pre>
 */
public final class RoutingHeaders {
    /** Routing type 0, the deprecated source route (RFC 5095). */
    public static final int TYPE_0 = 0;
    /** Routing type 2, Mobile IPv6 (RFC 6275); not parsed here. */
    public static final int TYPE_2 = 2;
    /** Routing type 3, RPL source route (RFC 6554); not parsed here. */
    public static final int TYPE_RPL = 3;
    /** Routing type 4, the Segment Routing Header (RFC 8754). */
    public static final int TYPE_SEGMENT_ROUTING = 4;

    /** Bytes of every Routing header before its type-specific variable data. */
    public static final int FIXED_LENGTH = 8;
    /** Bytes of one address in a type 0 header or a segment list. */
    public static final int ADDRESS_LENGTH = 16;
    /** The longest Routing header: a header extension length of 255. */
    public static final int MAX_LENGTH = 8 + 255 * 8;

    /** SRH TLV type Pad1 (0): one byte of padding. */
    public static final int SRH_PAD1 = 0;
    /** SRH TLV type PadN (4): two to seven bytes of padding. */
    public static final int SRH_PADN = 4;
    /** SRH TLV type HMAC (5, RFC 8754 section 2.1.2). */
    public static final int SRH_HMAC = 5;

    /**
     * The SRH TLV format (RFC 8754 section 2.1): one-byte type and one-byte length of the value,
     * Pad1 (0) a single byte, PadN (4) for longer padding, the whole header a multiple of 8 bytes.
     * The IPv6 option format with another PadN type, declared by {@link SrhTlvLayout}.
     */
    public static final OptionFormat SRH_TLV_FORMAT = SrhTlvFormat.FORMAT;

    private RoutingHeaders() {}

    // --- type 0 ---------------------------------------------------------------------------

    /** How many addresses the header holds: half its header extension length, rounded down. */
    public static int type0AddressCount(Type0RoutingHeader header) {
        return (header.headerLength() - FIXED_LENGTH) / ADDRESS_LENGTH;
    }

    /**
     * Array index of address {@code i} (numbered from 0; RFC 2460 numbers them from 1).
     *
     * @throws IndexOutOfBoundsException if {@code i} is not below {@link #type0AddressCount}
     */
    public static int type0AddressOffset(Type0RoutingHeader header, int i) {
        Objects.checkIndex(i, type0AddressCount(header));
        return header.offset() + FIXED_LENGTH + ADDRESS_LENGTH * i;
    }

    /**
     * Address {@code i}, numbered from 0.
     *
     * @throws IndexOutOfBoundsException if {@code i} is not below {@link #type0AddressCount}
     */
    public static Ipv6Address type0Address(Type0RoutingHeader header, int i) {
        return Ipv6Address.read(header.array(), type0AddressOffset(header, i));
    }

    // --- Segment Routing Header -------------------------------------------------------------

    /**
     * How many segments the header holds: {@code lastEntry + 1}, or fewer when the header is too
     * short for them, which a node accepts only when no segments are left (RFC 8754 section
     * 4.3.1.1 checks Last Entry only when it processes the header).
     */
    public static int segmentCount(SegmentRoutingHeader header) {
        return Math.min(header.lastEntry() + 1, (header.headerLength() - FIXED_LENGTH) / ADDRESS_LENGTH);
    }

    /**
     * Array index of segment list entry {@code i}; entry 0 is the final segment.
     *
     * @throws IndexOutOfBoundsException if {@code i} is not below {@link #segmentCount}
     */
    public static int segmentOffset(SegmentRoutingHeader header, int i) {
        Objects.checkIndex(i, segmentCount(header));
        return header.offset() + FIXED_LENGTH + ADDRESS_LENGTH * i;
    }

    /**
     * Segment list entry {@code i}; entry 0 is the final segment, entry {@code segmentsLeft()} the
     * active one.
     *
     * @throws IndexOutOfBoundsException if {@code i} is not below {@link #segmentCount}
     */
    public static Ipv6Address segment(SegmentRoutingHeader header, int i) {
        return Ipv6Address.read(header.array(), segmentOffset(header, i));
    }

    /**
     * Array index of the TLV region: right after {@code lastEntry + 1} segments, or the end of the
     * header when they do not fit.
     */
    public static int segmentRoutingTlvStart(SegmentRoutingHeader header) {
        long start = (long) header.offset() + FIXED_LENGTH + (long) ADDRESS_LENGTH * (header.lastEntry() + 1);
        int end = header.offset() + header.headerLength();
        return (int) Math.min(start, end);
    }

    /**
     * Positions {@code into} over the header's TLVs and tells whether they are well formed. An SRH
     * whose segment list overruns it, or whose TLVs do not parse in {@link #SRH_TLV_FORMAT}, leaves
     * {@code into} over an empty region and returns false: RFC 8754 makes TLV processing a local
     * choice of the segment endpoint, so such a header is not a parse error of the packet.
     *
     * @return whether the TLV region is a valid list (an empty region is)
     */
    public static boolean segmentRoutingTlvs(SegmentRoutingHeader header, OptionsIterator into) {
        int end = header.offset() + header.headerLength();
        long segmentsEnd = (long) header.offset() + FIXED_LENGTH + (long) ADDRESS_LENGTH * (header.lastEntry() + 1);
        if (segmentsEnd > end) {
            into.resetValidated(header.array(), end, end, SRH_TLV_FORMAT);
            return false;
        }
        try {
            into.reset(header.array(), (int) segmentsEnd, end, SRH_TLV_FORMAT, SegmentRoutingHeader.LAYER,
                    (int) segmentsEnd - header.offset());
            return true;
        } catch (ParseException e) {
            return false; // reset leaves the iterator over an empty region
        }
    }

    // --- any type ---------------------------------------------------------------------------

    /** Array index of the type-specific data after the first eight bytes. */
    public static int dataOffset(RoutingHeader header) {
        return header.offset() + FIXED_LENGTH;
    }

    /** Bytes of type-specific data after the first eight bytes: {@code headerExtensionLength * 8}. */
    public static int dataLength(RoutingHeader header) {
        return header.headerLength() - FIXED_LENGTH;
    }
}
