package io.zerowire.protocols.icmpv6;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;

/**
 * Parameter Problem (type 4, RFC 4443 section 3.4) after the common header: the offset of the
 * faulty byte in the invoking packet, then as much of that packet as fits in the minimum IPv6 MTU.
 * The codes are {@link io.zerowire.protocols.ip.ParameterProblemException}'s and the ones below.
 */
@Header(layer = "icmpv6-parameter-problem")
public interface ParameterProblemLayout {
    /** Code 0: erroneous header field encountered. */
    int ERRONEOUS_HEADER_FIELD = 0;
    /** Code 1: unrecognized next header type encountered. */
    int UNRECOGNIZED_NEXT_HEADER = 1;
    /** Code 2: unrecognized IPv6 option encountered. */
    int UNRECOGNIZED_OPTION = 2;
    /** Code 3: IPv6 first fragment has an incomplete header chain (RFC 7112). */
    int INCOMPLETE_HEADER_CHAIN = 3;

    /** Byte offset, from the start of the invoking packet, of the field in error. */
    @Bits(32) long pointer();
}
