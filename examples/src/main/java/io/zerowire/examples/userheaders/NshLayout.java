package io.zerowire.examples.userheaders;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Const;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.HeaderLength;
import io.zerowire.annotations.Options;
import io.zerowire.annotations.Reserved;
import io.zerowire.options.OptionsIterator;

/**
 * The Network Service Header with MD Type 2 (RFC 8300): the base header, whose length counts the
 * whole header in 4-byte words, the service path header, then variable-length context headers.
 */
@Header(layer = "nsh")
public interface NshLayout {
    @Bits(2) @Const(0) int version();
    boolean oam();
    @Reserved boolean unassigned0();
    @Bits(6) int ttl();
    @Bits(6) @HeaderLength(unit = 4) int length();
    @Bits(4) @Reserved int unassigned1();
    @Bits(4) @Const(2) int mdType();
    @Bits(8) int nextProtocol();
    @Bits(24) int servicePathIdentifier();
    @Bits(8) int serviceIndex();
    @Options(NshContextLayout.class) OptionsIterator contextHeaders();
}
