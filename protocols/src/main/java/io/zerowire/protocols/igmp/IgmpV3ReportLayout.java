package io.zerowire.protocols.igmp;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.Reserved;

/**
 * The rest of an IGMPv3 membership report's fixed part (RFC 3376 section 4.2), after the common
 * header (whose max response code byte is reserved in a report); {@code numberOfGroupRecords}
 * records ({@link IgmpGroupRecordLayout}) follow.
 */
@Header(layer = "igmpv3-report")
public interface IgmpV3ReportLayout {
    /** Reserved; written as zero. */
    @Bits(16) @Reserved int reserved();

    @Bits(16) int numberOfGroupRecords();
}
