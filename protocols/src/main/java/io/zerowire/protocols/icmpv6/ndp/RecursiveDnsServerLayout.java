package io.zerowire.protocols.icmpv6.ndp;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.Reserved;

/**
 * The fixed part of a Recursive DNS Server option's value (type 25, RFC 8106 section 5.1): the six
 * bytes after the option's type and length, followed by one or more 16-byte server addresses
 * (option length 3, 5, 7, ...).
 */
@Header(layer = "ndp-rdnss")
public interface RecursiveDnsServerLayout {
    @Bits(16) @Reserved int reserved();

    /** Seconds the servers may be used; 0 withdraws them, {@code 0xFFFFFFFF} means infinity. */
    @Bits(32) long lifetime();
}
