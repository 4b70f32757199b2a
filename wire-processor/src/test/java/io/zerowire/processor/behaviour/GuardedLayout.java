package io.zerowire.processor.behaviour;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Checksum;
import io.zerowire.annotations.Const;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.HeaderLength;
import io.zerowire.annotations.Options;
import io.zerowire.annotations.Reserved;
import io.zerowire.annotations.TotalLength;
import io.zerowire.options.OptionsIterator;

/**
 * Every parse check at an odd place: a constant that straddles a byte boundary, a header length
 * with an offset (an IPv6 extension header's {@code 8 + 8 * n}), a payload length that excludes
 * the header and counts 2-byte units, a checksum over header and body, and IPv6-style options.
 */
@Header(layer = "guarded")
interface GuardedLayout {
    @Bits(16) int kind();                                                  // bytes 0-1

    @Bits(4) @Reserved int reserved();                                     // byte 2, high nibble

    @Bits(12) @Const(0xABC) int magic();                                   // bytes 2-3

    @Bits(8) @HeaderLength(unit = 8, offset = 8) int extraWords();         // byte 4

    @Bits(24) @TotalLength(includesHeader = false, unit = 2) int payloadWords(); // bytes 5-7

    @Bits(16) @Checksum(covers = Checksum.Coverage.HEADER_AND_BODY) int checksum(); // bytes 8-9

    @Bits(16) int tail();                                                  // bytes 10-11

    @Options(Ipv6OptionLayout.class) OptionsIterator options();
}
