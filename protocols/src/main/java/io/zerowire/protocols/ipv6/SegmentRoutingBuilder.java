package io.zerowire.protocols.ipv6;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.options.OptionsBuilder;
import io.zerowire.options.OptionsIterator;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.serialize.PacketConstraints;
import io.zerowire.serialize.SerializeTarget;
import java.util.Objects;

/**
 * Builds a Segment Routing Header (RFC 8754): the generated {@link SegmentRoutingHeaderBuilder}
 * writes the first eight bytes, this builder the segment list and the TLVs, padded with Pad1/PadN
 * (type 4) to a multiple of 8 bytes; the header extension length is derived.
 *
 * <p>Setting the segments also sets the fixed part's Last Entry to their count minus one; set it on
 * {@link #header()} afterwards to build a deliberately inconsistent header.
 *
 * <pre>{@code
 * // A path through S1 then S2 to D: the list holds it in reverse, the final segment first.
 * SegmentRoutingBuilder srh = new SegmentRoutingBuilder(new SegmentRoutingHeaderBuilder()
 *         .nextHeader(IpProtocol.UDP).segmentsLeft(2))
 *         .segments(d, s2, s1);
 * }</pre>
 */
public final class SegmentRoutingBuilder implements RoutingBuilder {
    private final SegmentRoutingHeaderBuilder header;
    private final AddressList segments = new AddressList();
    private OptionsBuilder tlvs = new OptionsBuilder(RoutingHeaders.SRH_TLV_FORMAT, 0);
    private PacketConstraints cached;

    /** A builder with its own fixed-part builder, no segments and no TLVs. */
    public SegmentRoutingBuilder() {
        this(new SegmentRoutingHeaderBuilder());
    }

    /** A builder whose first eight bytes {@code header} writes. */
    public SegmentRoutingBuilder(SegmentRoutingHeaderBuilder header) {
        this.header = Objects.requireNonNull(header, "header");
    }

    /** The builder of the first eight bytes: next header, segments left, last entry, flags, tag. */
    public SegmentRoutingHeaderBuilder header() {
        return header;
    }

    @Override
    public SegmentRoutingBuilder nextHeader(IpProtocol nextHeader) {
        header.nextHeader(nextHeader);
        return this;
    }

    /**
     * Replaces the segment list (entry 0, the final segment, first) and sets Last Entry to match.
     *
     * @throws IllegalStateException beyond 127 segments
     */
    public SegmentRoutingBuilder segments(Ipv6Address... list) {
        segments.clear();
        for (Ipv6Address segment : list) {
            segments.add(segment);
        }
        header.lastEntry(Math.max(0, segments.count() - 1));
        return this;
    }

    /** Appends a segment after those already set and sets Last Entry to match. */
    public SegmentRoutingBuilder addSegment(Ipv6Address segment) {
        segments.add(segment);
        header.lastEntry(segments.count() - 1);
        return this;
    }

    /**
     * Sets every field, segment and TLV from a parsed header, so that it is written again as it was.
     *
     * @return this builder
     * @throws IllegalArgumentException if the header's segment list overruns it or its TLVs do not
     *     parse ({@link RoutingHeaders#segmentRoutingTlvs}): copy such a header with
     *     {@link OpaqueRoutingBuilder}
     */
    public SegmentRoutingBuilder copyFrom(SegmentRoutingHeader parsed) {
        OptionsIterator parsedTlvs = new OptionsIterator();
        if (!RoutingHeaders.segmentRoutingTlvs(parsed, parsedTlvs)) {
            throw new IllegalArgumentException("the header's segment list or TLVs are not well formed;"
                    + " copy it with OpaqueRoutingBuilder");
        }
        header.copyFrom(parsed);
        segments.clear();
        for (int i = 0; i < RoutingHeaders.segmentCount(parsed); i++) {
            segments.add(RoutingHeaders.segment(parsed, i));
        }
        tlvs = new OptionsBuilder(RoutingHeaders.SRH_TLV_FORMAT).addAll(parsedTlvs);
        return this;
    }

    /** How many segments are set. */
    public int segmentCount() {
        return segments.count();
    }

    /**
     * Sets the TLVs after the segment list, or none with {@code null}. They are read when
     * serializing, so later changes to the builder are included.
     *
     * @throws IllegalArgumentException if {@code tlvs} is not in {@link RoutingHeaders#SRH_TLV_FORMAT}
     */
    public SegmentRoutingBuilder tlvs(OptionsBuilder tlvs) {
        if (tlvs != null && tlvs.format() != RoutingHeaders.SRH_TLV_FORMAT) {
            throw new IllegalArgumentException("SRH TLVs must be in RoutingHeaders.SRH_TLV_FORMAT, not "
                    + tlvs.format().name());
        }
        this.tlvs = tlvs != null ? tlvs : new OptionsBuilder(RoutingHeaders.SRH_TLV_FORMAT, 0);
        return this;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException if segments and TLVs make the header longer than 2048 bytes
     */
    @Override
    public PacketConstraints constraints() {
        int fixed = RoutingHeaders.FIXED_LENGTH + segments.byteLength();
        int length = fixed + tlvs.regionLength(fixed);
        if (length > RoutingHeaders.MAX_LENGTH) {
            throw new IllegalStateException("a Segment Routing Header of " + length
                    + " bytes is longer than the 2048 bytes its length field can describe");
        }
        if (cached == null || cached.headerLength() != length) {
            cached = PacketConstraints.of(length, 0, 0, Integer.MAX_VALUE);
        }
        return cached;
    }

    @Override
    public void serialize(SerializeTarget target, PacketBuffer body) {
        byte[] array = target.array();
        int offset = target.headerOffset();
        int tlvStart = RoutingHeaders.FIXED_LENGTH + segments.byteLength();
        // The generated builder writes the first eight bytes and derives the header extension
        // length from the whole region; the segment list and the padded TLVs follow.
        header.serialize(target, body);
        segments.write(array, offset + RoutingHeaders.FIXED_LENGTH);
        tlvs.write(array, offset + tlvStart, target.headerLength() - tlvStart);
    }
}
