package io.zerowire.protocols.ipv4;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Const;
import io.zerowire.annotations.Header;

/**
 * The Security option as RFC 791 defines it: type 130, length 11, security level, compartments,
 * handling restrictions and transmission control code. RFC 1108 later reused type 130 for the
 * variable-length {@link BasicSecurityOptionLayout Basic Security Option}; like Wireshark,
 * {@link Ipv4Options#isRfc791Security} reads an option of length 11 whose level is one of RFC 791's
 * eight values with this layout, and any other type-130 option with the RFC 1108 one.
 */
@Header(layer = "ipv4-security")
public interface SecurityOptionLayout {
    /** 130: copied on fragmentation, class 0, number 2. */
    @Bits(8) @Const(Ipv4Options.SECURITY) int type();

    @Bits(8) @Const(11) int length();

    /** The security level, such as {@link Ipv4Options#SECURITY_UNCLASSIFIED} (0) or {@link Ipv4Options#SECURITY_TOP_SECRET}. */
    @Bits(16) int security();

    /** Compartments (0 when not compartmented). */
    @Bits(16) int compartments();

    /** Handling restrictions, as defined by the Defense Intelligence Agency. */
    @Bits(16) int handlingRestrictions();

    /** Transmission control code. */
    @Bits(24) int transmissionControlCode();
}
