package io.zerowire.protocols.icmp;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;

/**
 * The rest of an echo request (type 8) or echo reply (type 0) header (RFC 792): an identifier and
 * a sequence number that match replies to requests. The data to echo is the body.
 */
@Header(layer = "icmp-echo")
public interface IcmpEchoLayout {
    @Bits(16) int identifier();

    @Bits(16) int sequence();
}
