package io.zerowire.protocols.icmp;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.Reserved;

/**
 * The rest of a time exceeded header (type 11, RFC 792) with the RFC 4884 length of the original
 * datagram field. The body is the quoted original datagram (then, when the length is not zero, an
 * RFC 4884 extension structure; {@link IcmpPacket} separates the two).
 */
@Header(layer = "icmp-time-exceeded")
public interface IcmpTimeExceededLayout {
    /** Unused; written as zero. */
    @Bits(8) @Reserved int unused();

    /** RFC 4884: the length of the original datagram field in 32-bit words, or 0 without extensions. */
    @Bits(8) int originalDatagramLength();

    /** Unused; written as zero. */
    @Bits(16) @Reserved int unused2();
}
