package io.zerowire.examples.readme;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.parse.ParseException;
import io.zerowire.serialize.PacketBuilder;
import java.nio.ByteOrder;

/** README, "Declaring a header": byte orders chosen at parse time, for pcap records and pcapng sections. */
public final class ParseOrderSnippet {
    private ParseOrderSnippet() {}

    /** The captured length of the record at the front of {@code buffer}, in a file of {@code order}. */
    public static long includedLength(PacketBuffer buffer, ByteOrder order) throws ParseException {
        CaptureRecord record = CaptureRecord.parse(buffer, order);   // the file header said the order
        return record.includedLength();
    }

    /** The byte order of the pcapng section that starts {@code buffer}. */
    public static ByteOrder sectionOrder(PacketBuffer buffer) throws ParseException {
        return SectionStart.parse(buffer).byteOrder();               // the magic says it, in either order
    }

    /** A little-endian record header for a packet of 60 bytes on the wire. */
    public static PacketBuilder littleEndianRecord() {
        return new CaptureRecordBuilder().byteOrder(ByteOrder.LITTLE_ENDIAN).originalLength(60);
    }
}
