package io.zerowire.protocols.igmp;

import io.zerowire.buffer.Bytes;
import io.zerowire.buffer.PacketBuffer;
import io.zerowire.buffer.ParseMetadata;
import io.zerowire.checksum.InternetChecksum;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.parse.BufferView;
import io.zerowire.parse.ParseException;
import java.util.Objects;

/**
 * An IGMP message of any version (RFC 1112, RFC 2236, RFC 3376): the common {@link IgmpHeader},
 * checksum verified over the whole message, and the message view its type and length call for. A
 * reusable view: {@link #wrap} it for every packet; nothing is allocated, group records included.
 *
 * <pre>{@code
 * IgmpPacket igmp = new IgmpPacket();                 // once
 * ip.wrap(buffer);                                    // an Ipv4 view: the body is the IGMP message
 * igmp.wrap(buffer);
 * switch (igmp.kind()) {
 *     case V2_MEMBERSHIP_REPORT -> join(igmp.groupAddress().groupAddressBits());
 *     case V3_MEMBERSHIP_REPORT -> {
 *         IgmpGroupRecords records = igmp.records();
 *         while (records.next()) {
 *             apply(records.record().recordType(), records.record().multicastAddress());
 *         }
 *     }
 *     default -> { }
 * }
 * }</pre>
 *
 * <p><b>Versions</b> (RFC 3376 section 7.1): a query (type 0x11) of exactly 8 bytes is IGMPv1 when
 * its max response code is 0 and IGMPv2 otherwise; of 12 bytes or more it is IGMPv3; of 9 to 11
 * bytes it is none of them and is rejected ({@code MALFORMED}; the RFC says to ignore it). Reports
 * are told by type: 0x12 v1, 0x16 v2, 0x17 v2 leave, 0x22 v3. The message is the whole buffer
 * body, so give it the IPv4 payload (the {@code Ipv4} view trims link padding away).
 *
 * <p><b>Bounds.</b> A v3 query says how many sources follow and a v3 report how many group records,
 * each with its own number of sources and auxiliary words; all must fit in the message
 * ({@code MALFORMED} otherwise). On top of that, a report may hold at most {@link #maxGroupRecords()}
 * records, and a query or a group record at most {@link #maxSources()} source addresses (default
 * {@link #MAX_GROUP_RECORDS} and {@link #MAX_SOURCES}, the bounds of
 * {@link io.zerowire.protocols.ParseLimits} that MLDv2 shares; a router can lower them with
 * {@link #IgmpPacket(int, int)}); more is an {@code UNSUPPORTED} {@link ParseException} naming the
 * field. The validation walks the records once; {@link #records()} then iterates them without
 * failing or allocating.
 *
 * <p><b>Unknown types are kept</b>, not rejected: DVMRP, PIMv1, mtrace and other types parse as
 * {@link IgmpMessageKind#OTHER} with their type, max response code and checksum read and verified,
 * the rest as the body. RFC 3376 section 4 asks receivers to ignore unrecognized types, which the
 * caller does by looking at {@link #kind()}.
 *
 * <p><b>After {@code wrap}</b> the buffer's body is whatever follows what the message's version
 * defines (bytes past an IGMPv1/v2 message's 8, additional data after a v3 query's sources or a v3
 * report's records): receivers ignore it, the checksum covers it. {@link #undoParse} gives
 * everything back. The message views' setters do not see the checksum in the header: call
 * {@link #updateChecksum()} after editing them.
 */
public final class IgmpPacket {
    /** The default bound on source addresses in one query or one group record: {@link io.zerowire.protocols.ParseLimits#SOURCES_PER_LIST}. */
    public static final int MAX_SOURCES = io.zerowire.protocols.ParseLimits.SOURCES_PER_LIST;

    /** The default bound on group records in one report: {@link io.zerowire.protocols.ParseLimits#RECORDS_PER_REPORT}. */
    public static final int MAX_GROUP_RECORDS = io.zerowire.protocols.ParseLimits.RECORDS_PER_REPORT;

    private final int maxGroupRecords;
    private final int maxSources;
    private final IgmpHeader header = new IgmpHeader();
    private final IgmpGroupAddress groupAddress = new IgmpGroupAddress();
    private final IgmpV3Query v3Query = new IgmpV3Query();
    private final IgmpV3Report v3Report = new IgmpV3Report();
    private final IgmpGroupRecords records = new IgmpGroupRecords();

    private IgmpMessageKind kind;
    private int regionStart;
    private int variableOffset;
    private int variableLength;
    private int bodyOffset;
    private int bodyLength;

    /** An empty view with the default bounds, {@link #MAX_GROUP_RECORDS} and {@link #MAX_SOURCES}. */
    public IgmpPacket() {
        this(MAX_GROUP_RECORDS, MAX_SOURCES);
    }

    /**
     * An empty view that rejects reports with more than {@code maxGroupRecords} group records, and
     * queries or group records with more than {@code maxSources} source addresses, as {@code UNSUPPORTED}.
     *
     * @throws IllegalArgumentException if a bound is negative or above the default
     */
    public IgmpPacket(int maxGroupRecords, int maxSources) {
        if (maxGroupRecords < 0 || maxGroupRecords > MAX_GROUP_RECORDS) {
            throw new IllegalArgumentException("maxGroupRecords must be 0 to " + MAX_GROUP_RECORDS + ", was "
                    + maxGroupRecords);
        }
        if (maxSources < 0 || maxSources > MAX_SOURCES) {
            throw new IllegalArgumentException("maxSources must be 0 to " + MAX_SOURCES + ", was " + maxSources);
        }
        this.maxGroupRecords = maxGroupRecords;
        this.maxSources = maxSources;
    }

    /**
     * Parses the IGMP message that fills {@code buffer}'s body into a new view (default bounds),
     * verifying its checksum.
     *
     * @throws ParseException if it is not a valid message; the buffer is then unchanged
     */
    public static IgmpPacket parse(BufferView buffer) throws ParseException {
        return new IgmpPacket().wrap(buffer);
    }

    /**
     * Points this view at the IGMP message that fills {@code buffer}'s body, validating it and its
     * checksum, and consumes what its version defines.
     *
     * @return this view
     * @throws ParseException {@code MALFORMED} if too short for its type, a 9 to 11-byte query, or
     *     sources and records that run past the end; {@code UNSUPPORTED} past the bounds;
     *     {@code CHECKSUM} if the checksum does not verify. The buffer and this view are then unchanged.
     */
    public IgmpPacket wrap(BufferView buffer) throws ParseException {
        return wrap(buffer, true);
    }

    /** Like {@link #wrap} without verifying the checksum (see {@link #checksumValid()}). */
    public IgmpPacket wrapUnverified(BufferView buffer) throws ParseException {
        return wrap(buffer, false);
    }

    private IgmpPacket wrap(BufferView buffer, boolean verifyChecksum) throws ParseException {
        int available = buffer.remaining();
        IgmpMessageKind found = IgmpMessageKind.OTHER;
        int variable = 0;
        int recordCount = 0;
        if (available >= IgmpHeader.FIXED_LENGTH) {
            // Everything that could fail once the header is consumed is checked first, so that a
            // failed parse leaves the buffer as it was.
            byte[] array = buffer.array();
            int at = buffer.bodyStart();
            int position = buffer.position();
            found = kindOf(array, at, available, position);
            int fixedEnd = IgmpHeader.FIXED_LENGTH + found.fixedLength();
            if (available < fixedEnd) {
                throw ParseException.malformed(layer(found), "", position + IgmpHeader.FIXED_LENGTH,
                        "shorter than the %d-byte fixed fields of its message", fixedEnd);
            }
            if (found == IgmpMessageKind.V3_MEMBERSHIP_QUERY) {
                int sourcesAt = IgmpHeader.FIXED_LENGTH + IgmpV3Query.NUMBER_OF_SOURCES_OFFSET;
                int sources = Bytes.u16(array, at + sourcesAt);
                if (sources > maxSources) {
                    throw ParseException.unsupported(IgmpV3Query.LAYER, "numberOfSources", position + sourcesAt,
                            "%d sources, more than the bound of %d", sources, maxSources);
                }
                variable = 4 * sources;
                if (variable > available - fixedEnd) {
                    throw ParseException.malformed(IgmpV3Query.LAYER, "numberOfSources", position + sourcesAt,
                            "%d sources run past the end of the %d-byte message", sources, available);
                }
            } else if (found == IgmpMessageKind.V3_MEMBERSHIP_REPORT) {
                int countAt = IgmpHeader.FIXED_LENGTH + IgmpV3Report.NUMBER_OF_GROUP_RECORDS_OFFSET;
                recordCount = Bytes.u16(array, at + countAt);
                if (recordCount > maxGroupRecords) {
                    throw ParseException.unsupported(IgmpV3Report.LAYER, "numberOfGroupRecords", position + countAt,
                            "%d group records, more than the bound of %d", recordCount, maxGroupRecords);
                }
                variable = validateRecords(array, at + fixedEnd, available - fixedEnd, recordCount,
                        position + fixedEnd);
            }
        }
        if (verifyChecksum) {
            header.wrap(buffer);
        } else {
            header.wrapUnverified(buffer);
        }
        switch (found) {
            case V1_MEMBERSHIP_QUERY, V2_MEMBERSHIP_QUERY, V1_MEMBERSHIP_REPORT, V2_MEMBERSHIP_REPORT, V2_LEAVE_GROUP ->
                    groupAddress.wrap(buffer);
            case V3_MEMBERSHIP_QUERY -> v3Query.wrap(buffer);
            case V3_MEMBERSHIP_REPORT -> v3Report.wrap(buffer);
            case OTHER -> { }
        }
        this.kind = found;
        this.regionStart = buffer.bodyStart() - buffer.position();
        this.variableOffset = buffer.bodyStart();
        this.variableLength = variable;
        // Sources and records are part of the message, not its body: consume them too.
        buffer.takeFront(variable);
        this.bodyOffset = buffer.bodyStart();
        this.bodyLength = buffer.remaining();
        if (found == IgmpMessageKind.V3_MEMBERSHIP_REPORT) {
            records.reset(header.array(), regionStart, variableOffset, variableOffset + variable, recordCount);
        }
        return this;
    }

    /** The kind by type and, for a query, by length (RFC 3376 section 7.1). */
    private static IgmpMessageKind kindOf(byte[] array, int at, int length, int position) throws ParseException {
        int type = array[at + IgmpHeader.TYPE_OFFSET] & 0xFF;
        if (type == IgmpType.MEMBERSHIP_QUERY.value()) {
            int v1v2 = IgmpHeader.FIXED_LENGTH + IgmpGroupAddress.FIXED_LENGTH;
            if (length == v1v2) {
                return (array[at + IgmpHeader.MAX_RESPONSE_CODE_OFFSET] & 0xFF) == 0
                        ? IgmpMessageKind.V1_MEMBERSHIP_QUERY : IgmpMessageKind.V2_MEMBERSHIP_QUERY;
            }
            if (length < v1v2) {
                throw ParseException.malformed(IgmpHeader.LAYER, "", position, "a query of %d bytes is shorter than the 8 bytes of every IGMP version", length);
            }
            if (length < IgmpHeader.FIXED_LENGTH + IgmpV3Query.FIXED_LENGTH) {
                throw ParseException.malformed(IgmpHeader.LAYER, "", position, "a query of %d bytes is neither IGMPv1/v2 (8 bytes) nor IGMPv3 (12 or more; RFC 3376 section 7.1)",
                        length);
            }
            return IgmpMessageKind.V3_MEMBERSHIP_QUERY;
        }
        if (type == IgmpType.V1_MEMBERSHIP_REPORT.value()) {
            return IgmpMessageKind.V1_MEMBERSHIP_REPORT;
        }
        if (type == IgmpType.V2_MEMBERSHIP_REPORT.value()) {
            return IgmpMessageKind.V2_MEMBERSHIP_REPORT;
        }
        if (type == IgmpType.LEAVE_GROUP.value()) {
            return IgmpMessageKind.V2_LEAVE_GROUP;
        }
        if (type == IgmpType.V3_MEMBERSHIP_REPORT.value()) {
            return IgmpMessageKind.V3_MEMBERSHIP_REPORT;
        }
        return IgmpMessageKind.OTHER;
    }

    /** Walks {@code count} records from {@code at}; returns their total length. */
    private int validateRecords(byte[] array, int at, int available, int count, int position) throws ParseException {
        int used = 0;
        for (int i = 0; i < count; i++) {
            if (available - used < IgmpGroupRecord.FIXED_LENGTH) {
                throw ParseException.malformed(IgmpV3Report.LAYER, "numberOfGroupRecords", position + used,
                        "group record %d of %d runs past the end of the message", i, count);
            }
            int record = at + used;
            int sources = Bytes.u16(array, record + IgmpGroupRecord.NUMBER_OF_SOURCES_OFFSET);
            if (sources > maxSources) {
                throw ParseException.unsupported(IgmpGroupRecord.LAYER, "numberOfSources",
                        position + used + IgmpGroupRecord.NUMBER_OF_SOURCES_OFFSET,
                        "%d sources in a group record, more than the bound of %d", sources, maxSources);
            }
            int length = IgmpGroupRecords.recordLength(array, record);
            if (length > available - used) {
                throw ParseException.malformed(IgmpGroupRecord.LAYER, "numberOfSources",
                        position + used + IgmpGroupRecord.NUMBER_OF_SOURCES_OFFSET,
                        "group record %d of %d bytes (with its sources and auxiliary data) runs past the end of the message",
                        i, length);
            }
            used += length;
        }
        return used;
    }

    private static String layer(IgmpMessageKind kind) {
        return switch (kind) {
            case V3_MEMBERSHIP_QUERY -> IgmpV3Query.LAYER;
            case V3_MEMBERSHIP_REPORT -> IgmpV3Report.LAYER;
            case OTHER -> IgmpHeader.LAYER;
            default -> IgmpGroupAddress.LAYER;
        };
    }

    /** The bound on group records per message this view enforces. */
    public int maxGroupRecords() {
        return maxGroupRecords;
    }

    /** The bound on source addresses per message (all records together) this view enforces. */
    public int maxSources() {
        return maxSources;
    }

    /** Which message this is. */
    public IgmpMessageKind kind() {
        return kind;
    }

    /** The IGMP version (1 to 3) by RFC 3376 section 7.1, or 0 for a type without one ({@link IgmpMessageKind#OTHER}). */
    public int version() {
        return kind.version();
    }

    /** The common header: type, max response code, checksum. */
    public IgmpHeader header() {
        return header;
    }

    /** The type, named or not. */
    public IgmpType type() {
        return header.type();
    }

    /** The type number. */
    public int typeValue() {
        return header.typeValue();
    }

    /** The max response code byte as it is (reserved in reports). */
    public int maxResponseCode() {
        return header.maxResponseCode();
    }

    /**
     * A query's max response time in tenths of a second: 100 for an IGMPv1 query (RFC 2236 section
     * 4 reads its 0 so), the code itself for IGMPv2, the decoded code for IGMPv3.
     *
     * @throws IllegalStateException if this is not a query
     */
    public int maxResponseTime() {
        require(kind.isQuery(), "a query");
        return switch (kind) {
            case V1_MEMBERSHIP_QUERY -> 100;
            case V2_MEMBERSHIP_QUERY -> header.maxResponseCode();
            default -> IgmpTimeCode.decode(header.maxResponseCode());
        };
    }

    /** The checksum field. */
    public int checksum() {
        return header.checksum();
    }

    /** Whether the checksum verifies over the whole message as it is now. */
    public boolean checksumValid() {
        return header.checksumValid();
    }

    /** The group address of an IGMPv1/v2 query, report or leave. @throws IllegalStateException for another kind */
    public IgmpGroupAddress groupAddress() {
        require(kind.hasGroupAddress(), "an IGMPv1/v2");
        return groupAddress;
    }

    /** The fixed fields of an IGMPv3 query. @throws IllegalStateException for another kind */
    public IgmpV3Query v3Query() {
        require(kind == IgmpMessageKind.V3_MEMBERSHIP_QUERY, "an IGMPv3 query");
        return v3Query;
    }

    /**
     * The bits of source {@code i} of an IGMPv3 query, as {@code Ipv4Address.of(int)} takes them.
     *
     * @throws IndexOutOfBoundsException if {@code i} is not below {@code v3Query().numberOfSources()}
     * @throws IllegalStateException for another kind
     */
    public int sourceBits(int i) {
        Objects.checkIndex(i, v3Query().numberOfSources());
        return Bytes.i32(header.array(), variableOffset + 4 * i);
    }

    /** Source {@code i} of an IGMPv3 query (allocates the address; see {@link #sourceBits}). */
    public Ipv4Address source(int i) {
        return Ipv4Address.of(sourceBits(i));
    }

    /** The querier's query interval of an IGMPv3 query in seconds (QQIC decoded). */
    public int querierQueryInterval() {
        return IgmpTimeCode.decode(v3Query().querierQueryIntervalCode());
    }

    /** The fixed fields of an IGMPv3 report. @throws IllegalStateException for another kind */
    public IgmpV3Report v3Report() {
        require(kind == IgmpMessageKind.V3_MEMBERSHIP_REPORT, "an IGMPv3 report");
        return v3Report;
    }

    /**
     * The group records of an IGMPv3 report: the same iterator on every call, positioned before
     * the first record.
     *
     * @throws IllegalStateException for another kind
     */
    public IgmpGroupRecords records() {
        v3Report();
        return records.rewind();
    }

    /** The array holding the message. */
    public byte[] array() {
        return header.array();
    }

    /** Array index of the message's first byte. */
    public int offset() {
        return header.offset();
    }

    /** Bytes of the whole message (the checksum's coverage). */
    public int messageLength() {
        return IgmpHeader.FIXED_LENGTH + header.bodyLength();
    }

    /** Bytes of what the message's version defines: header, fixed fields, sources or records. */
    public int headerLength() {
        return IgmpHeader.FIXED_LENGTH + kind.fixedLength() + variableLength;
    }

    /** Array index of the sources of a v3 query, or of the records of a v3 report. */
    public int variableOffset() {
        return variableOffset;
    }

    /** Bytes of the sources of a v3 query, or of the records of a v3 report; 0 for other messages. */
    public int variableLength() {
        return variableLength;
    }

    /** Array index of what follows the message's defined part (ignored by receivers). */
    public int bodyOffset() {
        return bodyOffset;
    }

    /** Bytes after the message's defined part. */
    public int bodyLength() {
        return bodyLength;
    }

    /**
     * Recomputes the checksum over the whole message as it is now, after in-place edits through a
     * message view's setters.
     *
     * @return this view
     */
    public IgmpPacket updateChecksum() {
        header.setChecksum(0);
        header.setChecksum(InternetChecksum.compute(header.array(), header.offset(), messageLength()));
        return this;
    }

    /** What {@code wrap} consumed, for {@link PacketBuffer#undoParse(ParseMetadata)}. */
    public ParseMetadata parseMetadata() {
        return new ParseMetadata(headerLength(), bodyLength, 0);
    }

    /** Gives back to {@code buffer} what {@code wrap} consumed, without allocating. */
    public void undoParse(PacketBuffer buffer) {
        buffer.undoParse(headerLength(), bodyLength, 0);
    }

    private void require(boolean condition, String what) {
        if (kind == null) {
            throw new IllegalStateException("no message: wrap one first");
        }
        if (!condition) {
            throw new IllegalStateException("not " + what + " message but " + kind + " (type "
                    + String.format("0x%02x", header.typeValue()) + ")");
        }
    }

    /** The header, the message's fields, and the sources or record count. */
    @Override
    public String toString() {
        if (kind == null) {
            return "igmp[no message]";
        }
        StringBuilder text = new StringBuilder(header.toString()).append(" v").append(kind.version());
        switch (kind) {
            case V1_MEMBERSHIP_QUERY, V2_MEMBERSHIP_QUERY, V1_MEMBERSHIP_REPORT, V2_MEMBERSHIP_REPORT, V2_LEAVE_GROUP ->
                    text.append(' ').append(groupAddress);
            case V3_MEMBERSHIP_QUERY -> {
                text.append(' ').append(v3Query).append(" sources=[");
                for (int i = 0; i < v3Query.numberOfSources(); i++) {
                    text.append(i == 0 ? "" : " ").append(source(i));
                }
                text.append(']');
            }
            case V3_MEMBERSHIP_REPORT -> text.append(' ').append(v3Report).append(" records=").append(variableLength)
                    .append(" bytes");
            case OTHER -> { }
        }
        return text.append(" body=").append(bodyLength).toString();
    }
}
