package io.zerowire.protocols.igmp;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.serialize.PacketBuilder;
import io.zerowire.serialize.PacketConstraints;
import io.zerowire.serialize.SerializeTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds an IGMPv3 membership report (RFC 3376 section 4.2): the common header (type 0x22, the
 * checksum over the whole message, computed last), the {@link IgmpV3ReportBuilder} fields and the
 * group records, whose number, and each record's number of sources and auxiliary data length, it
 * fills in. The body it encapsulates is normally empty.
 *
 * <pre>{@code
 * IgmpV3ReportMessageBuilder report = new IgmpV3ReportMessageBuilder()
 *         .addRecord(IgmpRecordType.CHANGE_TO_EXCLUDE_MODE, group)              // join, any source
 *         .addRecord(IgmpRecordType.ALLOW_NEW_SOURCES, other, List.of(source));
 * PacketBuffer packet = Serializer.of(new byte[0]).encapsulate(report).encapsulate(ipv4).serialize();
 * }</pre>
 *
 * <p>Bounds, each an {@link IllegalStateException} when exceeded: at most
 * {@link IgmpPacket#MAX_GROUP_RECORDS} records and {@link IgmpPacket#MAX_SOURCES} sources per record
 * (the bounds {@code IgmpPacket} parses to). A report larger than the link's MTU must be split
 * into several (RFC 3376 section 4.2.16); serializing within the MTU reports it as a
 * {@code SizeLimitExceededException}.
 */
public final class IgmpV3ReportMessageBuilder implements PacketBuilder {
    private static final byte[] NO_AUX_DATA = new byte[0];

    private final IgmpHeaderBuilder header = new IgmpHeaderBuilder().type(IgmpType.V3_MEMBERSHIP_REPORT);
    private final IgmpV3ReportBuilder report = new IgmpV3ReportBuilder();
    private final List<Record> records = new ArrayList<>();
    private final SerializeTarget part = new SerializeTarget();
    private PacketConstraints constraints;

    /** One group record: its fixed fields' builder, its sources and its auxiliary data. */
    private record Record(IgmpGroupRecordBuilder fields, List<Ipv4Address> sources, byte[] auxData) {
        int length() {
            return IgmpGroupRecord.FIXED_LENGTH + 4 * sources.size() + auxData.length;
        }
    }

    /** A report with no records yet. */
    public IgmpV3ReportMessageBuilder() {}

    /** Adds a record without sources (a join is CHANGE_TO_EXCLUDE_MODE with none, a leave CHANGE_TO_INCLUDE_MODE). */
    public IgmpV3ReportMessageBuilder addRecord(IgmpRecordType type, Ipv4Address group) {
        return addRecord(type, group, List.of(), NO_AUX_DATA);
    }

    /** Adds a record with sources. */
    public IgmpV3ReportMessageBuilder addRecord(IgmpRecordType type, Ipv4Address group, List<Ipv4Address> sources) {
        return addRecord(type, group, sources, NO_AUX_DATA);
    }

    /**
     * Adds a record with sources and auxiliary data (IGMPv3 defines none; receivers skip it).
     *
     * @param auxData a multiple of 4 bytes, at most 1020; copied
     * @return this builder
     * @throws IllegalArgumentException if {@code auxData} is not a multiple of 4 bytes or too long
     * @throws IllegalStateException if the report would exceed {@link IgmpPacket#MAX_GROUP_RECORDS}
     *     records, or the record {@link IgmpPacket#MAX_SOURCES} sources
     */
    public IgmpV3ReportMessageBuilder addRecord(IgmpRecordType type, Ipv4Address group, List<Ipv4Address> sources,
            byte[] auxData) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(group, "group");
        List<Ipv4Address> copy = List.copyOf(sources);
        if (auxData.length % 4 != 0 || auxData.length > 255 * 4) {
            throw new IllegalArgumentException("auxiliary data is counted in 32-bit words, at most 255: "
                    + auxData.length + " bytes");
        }
        if (records.size() >= IgmpPacket.MAX_GROUP_RECORDS) {
            throw new IllegalStateException("an IGMPv3 report holds at most " + IgmpPacket.MAX_GROUP_RECORDS
                    + " group records");
        }
        if (copy.size() > IgmpPacket.MAX_SOURCES) {
            throw new IllegalStateException("an IGMPv3 group record holds at most " + IgmpPacket.MAX_SOURCES
                    + " sources");
        }
        records.add(new Record(new IgmpGroupRecordBuilder().recordType(type).multicastAddress(group), copy,
                auxData.clone()));
        return this;
    }

    /** Removes every record. @return this builder */
    public IgmpV3ReportMessageBuilder clearRecords() {
        records.clear();
        return this;
    }

    /** How many records the report holds. */
    public int recordCount() {
        return records.size();
    }

    /**
     * The fixed fields' builder of record {@code i} (record type, group; the number of sources and
     * the auxiliary data length are set when serializing).
     */
    public IgmpGroupRecordBuilder record(int i) {
        return records.get(i).fields();
    }

    /** The common header's builder (reserved byte, checksum override). */
    public IgmpHeaderBuilder header() {
        return header;
    }

    /** The report fields' builder (reserved bytes; the number of records is set when serializing). */
    public IgmpV3ReportBuilder report() {
        return report;
    }

    @Override
    public PacketConstraints constraints() {
        int length = IgmpHeader.FIXED_LENGTH + IgmpV3Report.FIXED_LENGTH;
        for (int i = 0; i < records.size(); i++) {
            length += records.get(i).length();
        }
        if (constraints == null || constraints.headerLength() != length) {
            constraints = PacketConstraints.of(length, 0, 0, Integer.MAX_VALUE);
        }
        return constraints;
    }

    @Override
    public void serialize(SerializeTarget target, PacketBuffer body) {
        byte[] array = target.array();
        int at = target.headerOffset();
        int position = at + target.headerLength();
        int grown = 0;
        // Innermost first: the last record, back to the first, then the report fields, then the
        // header, each seeing what follows it as its body, so the checksum comes last.
        for (int r = records.size() - 1; r >= 0; r--) {
            Record record = records.get(r);
            int sources = record.sources().size();
            position -= record.auxData().length;
            System.arraycopy(record.auxData(), 0, array, position, record.auxData().length);
            position -= 4 * sources;
            for (int i = 0; i < sources; i++) {
                record.sources().get(i).write(array, position + 4 * i);
            }
            body.growFront(record.auxData().length + 4 * sources);
            position -= IgmpGroupRecord.FIXED_LENGTH;
            record.fields().numberOfSources(sources).auxDataLength(record.auxData().length / 4);
            part.set(array, position, IgmpGroupRecord.FIXED_LENGTH, body.bodyEnd(), 0);
            record.fields().serialize(part, body);
            body.growFront(IgmpGroupRecord.FIXED_LENGTH);
            grown += record.length();
        }
        report.numberOfGroupRecords(records.size());
        part.set(array, at + IgmpHeader.FIXED_LENGTH, IgmpV3Report.FIXED_LENGTH, body.bodyEnd(), 0);
        report.serialize(part, body);
        body.growFront(IgmpV3Report.FIXED_LENGTH);
        part.set(array, at, IgmpHeader.FIXED_LENGTH, body.bodyEnd(), 0);
        header.serialize(part, body);
        body.shrinkFront(grown + IgmpV3Report.FIXED_LENGTH);
    }
}
