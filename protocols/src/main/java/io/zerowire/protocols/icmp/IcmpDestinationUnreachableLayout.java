package io.zerowire.protocols.icmp;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.Reserved;

/**
 * The rest of a destination unreachable header (type 3, RFC 792), with the RFC 4884 length of the
 * original datagram field and the RFC 1191 next-hop MTU of a "fragmentation needed" message (code
 * 4). The body is the quoted original datagram (then, when the length is not zero, an RFC 4884
 * extension structure; {@link IcmpPacket} separates the two).
 */
@Header(layer = "icmp-destination-unreachable")
public interface IcmpDestinationUnreachableLayout {
    /** Unused; written as zero. */
    @Bits(8) @Reserved int unused();

    /**
     * RFC 4884: the length of the original datagram field in 32-bit words, or 0 when the message
     * carries no extension structure (the whole body is then the original datagram).
     */
    @Bits(8) int originalDatagramLength();

    /** RFC 1191: the MTU of the next-hop network for code 4 (fragmentation needed); unused (0) otherwise. */
    @Bits(16) int nextHopMtu();
}
