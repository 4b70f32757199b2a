package io.zerowire.protocols.icmp;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.Reserved;

/**
 * The rest of a parameter problem header (type 12, RFC 792) with the RFC 4884 length of the
 * original datagram field. The body is the quoted original datagram (then, when the length is not
 * zero, an RFC 4884 extension structure; {@link IcmpPacket} separates the two).
 */
@Header(layer = "icmp-parameter-problem")
public interface IcmpParameterProblemLayout {
    /** For code 0: the offset of the faulty byte in the quoted datagram, from its IP header's first byte. */
    @Bits(8) int pointer();

    /** RFC 4884: the length of the original datagram field in 32-bit words, or 0 without extensions. */
    @Bits(8) int originalDatagramLength();

    /** Unused; written as zero. */
    @Bits(16) @Reserved int unused();
}
