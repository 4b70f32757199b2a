package io.zerowire.pcap.layout;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Endian;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.TotalLength;

/**
 * The 16-byte header of a pcap record, in the file's byte order (given at wrap); its body is the
 * captured packet, whose length the captured-length field gives.
 */
@Header(layer = "pcap.record", order = Endian.AT_PARSE)
public interface PcapRecordHeaderLayout {
    /** Seconds since 1970-01-01 UTC. */
    @Bits(32) long timestampSeconds();

    /** Microseconds or nanoseconds (as the file's magic says) after {@link #timestampSeconds()}. */
    @Bits(32) long timestampFraction();

    /** Bytes of the packet in the file: the record's body. */
    @Bits(32) @TotalLength(includesHeader = false, unit = 1) long includedLength();

    /** Bytes of the packet on the wire, at least {@link #includedLength()} unless the capturer was wrong. */
    @Bits(32) long originalLength();
}
