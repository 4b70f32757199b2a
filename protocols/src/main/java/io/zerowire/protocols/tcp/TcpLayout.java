package io.zerowire.protocols.tcp;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Checksum;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.HeaderLength;
import io.zerowire.annotations.Options;
import io.zerowire.annotations.Reserved;
import io.zerowire.ip.IpAddress;
import io.zerowire.options.OptionsIterator;

/**
 * The TCP header (RFC 9293) with its options, generic over the IP version of its pseudo-header:
 * the processor generates {@code TcpV4}/{@code TcpV4Builder} and {@code TcpV6}/{@code TcpV6Builder}.
 *
 * <p>The views check that the data offset covers the 20 fixed bytes and fits the buffer, walk the
 * option list once (a truncated option, or a length below 2 or past the header, is malformed) and
 * verify the checksum over the pseudo-header, header and data ({@code parseUnverified} skips it;
 * {@code checksumValid()} tells). The builders derive the data offset from the options (padded to
 * a multiple of 4 with EOL then zeros) and compute the checksum.
 *
 * <p>Options are read with the view's allocation-free {@code options()} iterator and the typed
 * readers of {@link TcpOptions}, and written with {@link TcpOptionsBuilder}. For code written once
 * for both versions, use {@link TcpParser} and {@link TcpBuilder}.
 *
 * @param <A> the address type of the pseudo-header, {@code Ipv4Address} or {@code Ipv6Address}
 */
@Header(layer = "tcp")
public interface TcpLayout<A extends IpAddress<?>> {
    @Bits(16) int sourcePort();

    @Bits(16) int destinationPort();

    @Bits(32) long sequenceNumber();

    @Bits(32) long acknowledgmentNumber();

    /** Header length in 32-bit words, 5 to 15. */
    @Bits(4) @HeaderLength(unit = 4) int dataOffset();

    /** The three reserved bits; written as zero unless set. */
    @Bits(3) @Reserved int reserved();

    /** AE: RFC 3540's NS bit, reassigned to Accurate ECN; the last bit before CWR. */
    boolean ae();

    /** CWR, congestion window reduced (RFC 3168). */
    boolean cwr();

    /** ECE, ECN echo (RFC 3168). */
    boolean ece();

    /** URG: the urgent pointer is significant. */
    boolean urg();

    /** ACK: the acknowledgment number is significant. */
    boolean ack();

    /** PSH, push. */
    boolean psh();

    /** RST, reset the connection. */
    boolean rst();

    /** SYN, synchronize sequence numbers. */
    boolean syn();

    /** FIN, no more data from the sender. */
    boolean fin();

    /** The receive window, before window scaling. */
    @Bits(16) int window();

    @Bits(16) @Checksum(covers = Checksum.Coverage.PSEUDO_HEADER_AND_BODY, protocol = 6) int checksum();

    /** Offset from the sequence number of the byte after the urgent data (with URG). */
    @Bits(16) int urgentPointer();

    /** The options between the 20 fixed bytes and the data offset. */

    @Options(TcpOptionLayout.class) OptionsIterator options();
}
