package io.zerowire.protocols.icmpv6;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;

/**
 * Echo Request (type 128) and Echo Reply (type 129), code 0 (RFC 4443 section 4) after the common
 * header: an identifier and a sequence number to match replies with requests, then the data, which a
 * reply returns unchanged.
 */
@Header(layer = "icmpv6-echo")
public interface EchoLayout {
    @Bits(16) int identifier();

    @Bits(16) int sequenceNumber();
}
