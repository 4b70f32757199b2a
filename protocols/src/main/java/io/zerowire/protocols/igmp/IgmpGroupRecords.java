package io.zerowire.protocols.igmp;

import io.zerowire.buffer.Bytes;
import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.parse.ParseException;
import java.util.Objects;

/**
 * The group records of a parsed IGMPv3 report, one at a time, without allocating: {@link #next()}
 * moves one reused {@link IgmpGroupRecord} view to the next record. {@link IgmpPacket} validated
 * every record when it parsed the report (each fits in the message, the count matches the
 * report's, the limits hold), so nothing here can fail on the packet's bytes.
 *
 * <pre>{@code
 * IgmpGroupRecords records = igmp.records();      // positioned before the first record
 * while (records.next()) {
 *     IgmpGroupRecord record = records.record();
 *     for (int i = 0; i < record.numberOfSources(); i++) {
 *         int source = records.sourceBits(i);     // Ipv4Address.of(source) when an object is needed
 *     }
 * }
 * }</pre>
 */
public final class IgmpGroupRecords {
    private final IgmpGroupRecord record = new IgmpGroupRecord();
    /** Moved over each record in turn, so that the generated view can wrap it. */
    private final PacketBuffer cursor = PacketBuffer.wrap(new byte[0]);

    private byte[] array;
    private int regionStart;
    private int start;
    private int end;
    private int count;
    private int index;
    private int next;

    IgmpGroupRecords() {}

    /** Positions this iterator before the first of {@code count} validated records in {@code [start, end)}. */
    void reset(byte[] array, int regionStart, int start, int end, int count) {
        this.array = array;
        this.regionStart = regionStart;
        this.start = start;
        this.end = end;
        this.count = count;
        this.index = -1;
        this.next = start;
        cursor.rewrap(array, regionStart, end - regionStart);
    }

    /** Goes back before the first record. */
    public IgmpGroupRecords rewind() {
        index = -1;
        next = start;
        return this;
    }

    /** Moves to the next record; false when there is none. */
    public boolean next() {
        if (array == null || index + 1 >= count) {
            return false;
        }
        cursor.resetBody(next - regionStart, end - next);
        try {
            record.wrap(cursor);
        } catch (ParseException e) {
            // IgmpPacket checked that every record fits before accepting the report.
            throw new IllegalStateException("a group record validated at parse time did not wrap", e);
        }
        index++;
        next = record.offset() + recordLength(array, record.offset());
        return true;
    }

    /** How many records the report holds. */
    public int count() {
        return count;
    }

    /** The current record's index, from 0; -1 before the first {@link #next()}. */
    public int index() {
        return index;
    }

    /** The current record's fixed fields. @throws IllegalStateException before the first {@link #next()} */
    public IgmpGroupRecord record() {
        requireCurrent();
        return record;
    }

    /** Array index of the current record's first byte. */
    public int recordOffset() {
        requireCurrent();
        return record.offset();
    }

    /** Bytes of the current record: fixed part, sources and auxiliary data. */
    public int recordLength() {
        requireCurrent();
        return recordLength(array, record.offset());
    }

    /** Array index of the current record's first source address. */
    public int sourcesOffset() {
        requireCurrent();
        return record.offset() + IgmpGroupRecord.FIXED_LENGTH;
    }

    /**
     * The bits of source {@code i} of the current record, as {@code Ipv4Address.of(int)} takes them.
     *
     * @throws IndexOutOfBoundsException if {@code i} is not below the record's number of sources
     */
    public int sourceBits(int i) {
        Objects.checkIndex(i, record().numberOfSources());
        return Bytes.i32(array, sourcesOffset() + 4 * i);
    }

    /** Source {@code i} of the current record (allocates the address; see {@link #sourceBits}). */
    public Ipv4Address source(int i) {
        return Ipv4Address.of(sourceBits(i));
    }

    /** Array index of the current record's auxiliary data. */
    public int auxDataOffset() {
        return sourcesOffset() + 4 * record.numberOfSources();
    }

    /** Bytes of the current record's auxiliary data ({@code auxDataLength} words of 4). */
    public int auxDataBytes() {
        return 4 * record().auxDataLength();
    }

    /** The array holding the report. */
    public byte[] array() {
        return array;
    }

    private void requireCurrent() {
        if (index < 0) {
            throw new IllegalStateException("no current record: call next() first");
        }
    }

    /** Bytes of the record at {@code at}, from its fixed fields: 8 + 4 x sources + 4 x aux words. */
    static int recordLength(byte[] array, int at) {
        int sources = Bytes.u16(array, at + IgmpGroupRecord.NUMBER_OF_SOURCES_OFFSET);
        int auxWords = array[at + IgmpGroupRecord.AUX_DATA_LENGTH_OFFSET] & 0xFF;
        return IgmpGroupRecord.FIXED_LENGTH + 4 * sources + 4 * auxWords;
    }

    @Override
    public String toString() {
        return "igmpv3-group-records[count=" + count + ", index=" + index + "]";
    }
}
