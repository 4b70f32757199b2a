package io.zerowire.protocols.icmpv6.ndp;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.Reserved;

/** The value of an MTU option (type 5, length 1, RFC 4861 section 4.6.4): the six bytes after its type and length. */
@Header(layer = "ndp-mtu")
public interface MtuOptionLayout {
    @Bits(16) @Reserved int reserved();

    /** The MTU hosts should use on the link. */
    @Bits(32) long mtu();
}
