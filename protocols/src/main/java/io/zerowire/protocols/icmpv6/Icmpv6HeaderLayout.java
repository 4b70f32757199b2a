package io.zerowire.protocols.icmpv6;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Checksum;
import io.zerowire.annotations.Header;

/**
 * The four bytes every ICMPv6 message starts with (RFC 4443 section 2.1): type, code and the
 * checksum over the IPv6 pseudo-header (RFC 8200 section 8.1, next header 58) and the whole message.
 *
 * <p>The generated {@code Icmpv6Header} view parses with the pseudo-header addresses,
 * {@code Icmpv6Header.parse(buffer, source, destination)}, and verifies the checksum over
 * everything left in the buffer, so the buffer must hold exactly the IPv6 payload. What follows the
 * four bytes depends on the type: {@link Icmpv6Packet} picks the message layout and is the entry
 * point to use. The generated {@code Icmpv6HeaderBuilder} computes the checksum over whatever it
 * encapsulates (message fields, options, quoted packet) once {@code addresses(source, destination)}
 * is set.
 */
@Header(layer = "icmpv6")
public interface Icmpv6HeaderLayout {
    /** The message type; 0 to 127 are errors. */
    @Bits(8) Icmpv6Type type();

    /** Refines the type; its meaning depends on the type. */
    @Bits(8) int code();

    @Bits(16)
    @Checksum(covers = Checksum.Coverage.PSEUDO_HEADER_AND_BODY, protocol = 58, ipVersion = Checksum.IpVersion.V6)
    int checksum();
}
