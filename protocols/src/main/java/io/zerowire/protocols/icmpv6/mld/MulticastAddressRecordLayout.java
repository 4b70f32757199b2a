package io.zerowire.protocols.icmpv6.mld;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;
import io.zerowire.ip.Ipv6Address;

/**
 * The fixed part of a Multicast Address Record of an MLDv2 report (RFC 3810 section 5.2.4),
 * followed by {@link #numberOfSources()} 16-byte source addresses and {@link #auxDataLength()}
 * 32-bit words of auxiliary data.
 */
@Header(layer = "mldv2-record")
public interface MulticastAddressRecordLayout {
    /** What the record reports: {@link Mldv2#MODE_IS_INCLUDE} to {@link Mldv2#BLOCK_OLD_SOURCES}. */
    @Bits(8) int recordType();

    /** 32-bit words of auxiliary data after the sources; MLDv2 defines none, so normally 0. */
    @Bits(8) int auxDataLength();

    /** How many source addresses follow. */
    @Bits(16) int numberOfSources();

    /** The group the record is about. */
    Ipv6Address multicastAddress();
}
