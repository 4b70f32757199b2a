package io.zerowire.protocols.igmp;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Checksum;
import io.zerowire.annotations.Header;

/**
 * The four bytes every IGMP message starts with (RFC 2236 section 2, RFC 3376 section 4): type,
 * max response code and the internet checksum of the whole message (the whole IP payload,
 * including any bytes past the fields a version defines). The generated {@code IgmpHeader} view
 * verifies it over the rest of the buffer; {@code IgmpHeaderBuilder} computes it over what it
 * encapsulates.
 *
 * <p>What follows depends on the type and, for queries, the length: {@link IgmpPacket} reads the
 * header, tells the version (RFC 3376 section 7.1) and picks the message layout.
 */
@Header(layer = "igmp")
public interface IgmpHeaderLayout {
    @Bits(8) IgmpType type();

    /**
     * The max response code of a query: tenths of a second in IGMPv2, a floating-point code in
     * IGMPv3 ({@link IgmpTimeCode#decode}); 0 in an IGMPv1 query; unused (zero) in reports and leaves.
     */
    @Bits(8) int maxResponseCode();

    /** RFC 1071 checksum of the whole IGMP message. */
    @Bits(16) @Checksum(covers = Checksum.Coverage.HEADER_AND_BODY) int checksum();
}
