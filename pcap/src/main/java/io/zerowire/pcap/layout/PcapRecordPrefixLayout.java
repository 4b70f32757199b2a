package io.zerowire.pcap.layout;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Endian;
import io.zerowire.annotations.Header;

/**
 * The 16-byte header of a pcap record, in the file's byte order, as plain fields, read before the
 * packet's bytes are in the buffer: the reader learns the captured length from it, checks it against
 * its limit and the file (or waits for a stream to deliver that many bytes), then parses the record
 * with {@link PcapRecordHeaderLayout}, whose body the captured length sizes.
 */
@Header(layer = "pcap.record", order = Endian.AT_PARSE)
public interface PcapRecordPrefixLayout {
    /** Seconds since 1970-01-01 UTC. */
    @Bits(32) long timestampSeconds();

    /** Microseconds or nanoseconds after {@link #timestampSeconds()}. */
    @Bits(32) long timestampFraction();

    /** Bytes of the packet in the file. */
    @Bits(32) long includedLength();

    /** Bytes of the packet on the wire. */
    @Bits(32) long originalLength();
}
