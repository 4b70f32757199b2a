package io.zerowire.protocols.icmp;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Checksum;
import io.zerowire.annotations.Header;

/**
 * The four bytes every ICMPv4 message starts with (RFC 792): type, code and the internet checksum
 * of the whole message, this header and everything after it. The generated {@code IcmpHeader}
 * view verifies the checksum over its body, the rest of the buffer (an IPv4 view has already
 * trimmed the body to the datagram's payload); {@code IcmpHeaderBuilder} computes it over what it
 * encapsulates.
 *
 * <p>What follows depends on the type: one of the message layouts of this package ({@link
 * IcmpEchoLayout}, {@link IcmpDestinationUnreachableLayout}, ...). {@link IcmpPacket} reads the
 * header and picks the message for you.
 */
@Header(layer = "icmp")
public interface IcmpHeaderLayout {
    @Bits(8) IcmpType type();

    /** The code; its meaning depends on the type ({@link IcmpUnreachableCode}, ...). */
    @Bits(8) int code();

    /** RFC 1071 checksum of the whole ICMP message. */
    @Bits(16) @Checksum(covers = Checksum.Coverage.HEADER_AND_BODY) int checksum();
}
