package io.zerowire.protocols.icmpv6.mld;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.Reserved;

/**
 * An MLDv2 Multicast Listener Report (type 143, RFC 3810 section 5.2) after the common ICMPv6
 * header. {@link #numberOfRecords()} {@link MulticastAddressRecordLayout records} follow, at most
 * {@link Mldv2#MAX_RECORDS}, read with {@link Mldv2Records}.
 */
@Header(layer = "mldv2-report")
public interface Mldv2ReportLayout {
    @Bits(16) @Reserved int reserved();

    /** How many multicast address records follow. */
    @Bits(16) int numberOfRecords();
}
