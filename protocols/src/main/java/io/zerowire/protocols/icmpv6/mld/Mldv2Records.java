package io.zerowire.protocols.icmpv6.mld;

import io.zerowire.buffer.Bytes;
import io.zerowire.buffer.PacketBuffer;
import io.zerowire.parse.ParseException;

/**
 * The multicast address records of an MLDv2 report (RFC 3810 section 5.2.4), read one at a time in
 * place through a reused {@link MulticastAddressRecord} view and a reused {@link SourceAddresses}
 * list: iterating allocates nothing.
 *
 * <p>The parser checks the whole list once with {@link #validateReport} (the record count within
 * {@link Mldv2#MAX_RECORDS}, every record's source count within {@link Mldv2#MAX_SOURCES}, every
 * record inside the message), so {@link #next()} and the accessors cannot fail afterwards.
 *
 * <pre>{@code
 * Mldv2Records records = packet.records();
 * while (records.next()) {
 *     MulticastAddressRecord r = records.record();
 *     int type = r.recordType();
 *     Ipv6Address group = r.multicastAddress();
 *     SourceAddresses sources = records.sources();
 * }
 * }</pre>
 */
public final class Mldv2Records {
    private static final byte[] EMPTY = new byte[0];

    private final MulticastAddressRecord record = new MulticastAddressRecord();
    private final SourceAddresses sources = new SourceAddresses();
    private final PacketBuffer cursor = PacketBuffer.wrap(EMPTY);

    private byte[] array = EMPTY;
    private int start;
    private int count;
    private int index;
    private int position;
    private int recordOffset = -1;
    private int recordLength;
    private int auxDataOffset;
    private int auxDataLength;

    /** An empty list, ready for {@link #resetValidated}. */
    public Mldv2Records() {}

    /**
     * Checks the records of the MLDv2 report whose fixed fields ({@link Mldv2Report}) start at
     * {@code array[start]}, after the ICMPv6 header, and whose message ends at {@code end}.
     *
     * @param errorBase the offset reported for a fault at {@code start}
     * @return the number of records
     * @throws ParseException {@code UNSUPPORTED} if the report declares more than
     *     {@link Mldv2#MAX_RECORDS} records or a record more than {@link Mldv2#MAX_SOURCES} sources;
     *     {@code MALFORMED} if a record runs past the end of the message
     * @throws IndexOutOfBoundsException if the report's fixed fields are not inside the array
     */
    public static int validateReport(byte[] array, int start, int end, int errorBase) throws ParseException {
        int count = Bytes.u16(array, start + Mldv2Report.NUMBER_OF_RECORDS_OFFSET);
        if (count > Mldv2.MAX_RECORDS) {
            throw ParseException.unsupported(Mldv2Report.LAYER, "numberOfRecords",
                    errorBase + Mldv2Report.NUMBER_OF_RECORDS_OFFSET,
                    "%d records exceed the bound of %d", count, Mldv2.MAX_RECORDS);
        }
        int at = start + Mldv2Report.FIXED_LENGTH;
        for (int i = 0; i < count; i++) {
            int errorOffset = errorBase + (at - start);
            if (end - at < MulticastAddressRecord.FIXED_LENGTH) {
                throw ParseException.malformed(MulticastAddressRecord.LAYER, "", errorOffset,
                        "record %d of %d runs past the end of the message", i, count);
            }
            int sourceCount = Bytes.u16(array, at + MulticastAddressRecord.NUMBER_OF_SOURCES_OFFSET);
            Mldv2.checkSources(sourceCount, end - at - MulticastAddressRecord.FIXED_LENGTH,
                    MulticastAddressRecord.LAYER, errorOffset + MulticastAddressRecord.NUMBER_OF_SOURCES_OFFSET);
            int length = recordLength(array, at);
            if (length > end - at) {
                throw ParseException.malformed(MulticastAddressRecord.LAYER, "auxDataLength",
                        errorOffset + MulticastAddressRecord.AUX_DATA_LENGTH_OFFSET,
                        "auxiliary data of record %d runs past the end of the message", i);
            }
            at += length;
        }
        return count;
    }

    /** Bytes of the record at {@code array[at]}: fixed fields, sources and auxiliary data. */
    private static int recordLength(byte[] array, int at) {
        int sourceCount = Bytes.u16(array, at + MulticastAddressRecord.NUMBER_OF_SOURCES_OFFSET);
        int auxWords = array[at + MulticastAddressRecord.AUX_DATA_LENGTH_OFFSET] & 0xFF;
        return MulticastAddressRecord.FIXED_LENGTH + sourceCount * Mldv2.SOURCE_LENGTH + auxWords * 4;
    }

    /**
     * Positions this iterator before the first of {@code count} records starting at
     * {@code array[recordsStart]}, which {@link #validateReport} has checked.
     */
    public Mldv2Records resetValidated(byte[] array, int recordsStart, int count) {
        this.array = array;
        this.start = recordsStart;
        this.count = count;
        rewind();
        return this;
    }

    /** Goes back before the first record. */
    public void rewind() {
        index = 0;
        position = start;
        recordOffset = -1;
        recordLength = 0;
        auxDataOffset = 0;
        auxDataLength = 0;
        sources.reset(EMPTY, 0, 0);
    }

    /**
     * Moves to the next record.
     *
     * @return whether there is one; the accessors then describe it
     */
    public boolean next() {
        if (index >= count) {
            recordOffset = -1;
            return false;
        }
        int at = position;
        int length = recordLength(array, at);
        try {
            record.wrap(cursor.rewrap(array, at, length));
        } catch (ParseException e) {
            throw new IllegalStateException("the records were not validated before iterating: " + e.getMessage());
        }
        int sourceCount = record.numberOfSources();
        sources.reset(array, at + MulticastAddressRecord.FIXED_LENGTH, sourceCount);
        recordOffset = at;
        recordLength = length;
        auxDataOffset = at + MulticastAddressRecord.FIXED_LENGTH + sourceCount * Mldv2.SOURCE_LENGTH;
        auxDataLength = record.auxDataLength() * 4;
        position = at + length;
        index++;
        return true;
    }

    /** The number of records. */
    public int count() {
        return count;
    }

    /** The current record's fixed fields (the same view on every call). */
    public MulticastAddressRecord record() {
        if (recordOffset < 0) {
            throw new IllegalStateException("no current record: call next() first");
        }
        return record;
    }

    /** The current record's source addresses (the same list object on every call). */
    public SourceAddresses sources() {
        return sources;
    }

    /** Array index of the current record's first byte. */
    public int recordOffset() {
        return recordOffset;
    }

    /** Bytes of the current record, sources and auxiliary data included. */
    public int recordLength() {
        return recordLength;
    }

    /** Array index of the current record's auxiliary data. */
    public int auxDataOffset() {
        return auxDataOffset;
    }

    /** Bytes of the current record's auxiliary data ({@code auxDataLength() * 4}). */
    public int auxDataLength() {
        return auxDataLength;
    }

    /** The array the records are read from. */
    public byte[] array() {
        return array;
    }
}
