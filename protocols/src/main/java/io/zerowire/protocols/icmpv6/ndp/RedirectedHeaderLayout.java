package io.zerowire.protocols.icmpv6.ndp;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.Reserved;

/**
 * The fixed part of a Redirected Header option's value (type 4, RFC 4861 section 4.6.3): six
 * reserved bytes after the option's type and length, followed by as much of the redirected IP
 * packet as fits, zero-padded to a multiple of eight bytes.
 */
@Header(layer = "ndp-redirected-header")
public interface RedirectedHeaderLayout {
    @Bits(48) @Reserved long reserved();
}
