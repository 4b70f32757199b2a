package io.zerowire.protocols.icmp;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;

/**
 * The rest of a timestamp request (type 13) or reply (type 14) header (RFC 792). Timestamps are
 * milliseconds since midnight UT, or any value with the high bit set when the host has no such
 * clock. A request carries only the originate timestamp (the others are zero); the reply copies it
 * and adds the time it received the request and the time it sent the reply.
 */
@Header(layer = "icmp-timestamp")
public interface IcmpTimestampLayout {
    @Bits(16) int identifier();

    @Bits(16) int sequence();

    @Bits(32) long originateTimestamp();

    @Bits(32) long receiveTimestamp();

    @Bits(32) long transmitTimestamp();
}
