package io.zerowire.protocols.igmp;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;
import io.zerowire.ip.Ipv4Address;

/**
 * The fixed part of an IGMPv3 group record (RFC 3376 section 4.2.4): {@code numberOfSources}
 * source addresses follow it, then {@code auxDataLength} 32-bit words of auxiliary data. Read them
 * through {@link IgmpGroupRecords}, the report's allocation-free iterator.
 */
@Header(layer = "igmpv3-group-record")
public interface IgmpGroupRecordLayout {
    @Bits(8) IgmpRecordType recordType();

    /** Words (4 bytes) of auxiliary data after the sources; IGMPv3 defines none, receivers skip it. */
    @Bits(8) int auxDataLength();

    @Bits(16) int numberOfSources();

    Ipv4Address multicastAddress();
}
