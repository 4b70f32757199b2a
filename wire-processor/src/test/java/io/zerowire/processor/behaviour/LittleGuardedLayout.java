package io.zerowire.processor.behaviour;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Const;
import io.zerowire.annotations.Endian;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.HeaderLength;
import io.zerowire.annotations.Options;
import io.zerowire.annotations.TotalLength;
import io.zerowire.options.OptionsIterator;

/** A little-endian header with a 32-bit magic, both lengths and TCP-style options (no
 * checksum: internet checksums belong to big-endian layouts). */
@Header(layer = "little-guarded", order = Endian.LITTLE)
interface LittleGuardedLayout {
    @Bits(32) @Const(0xA1B2C3D4L) long magic();                                 // bytes 0-3

    @Bits(16) @TotalLength(includesHeader = true, unit = 1) int length();       // bytes 4-5

    @Bits(4) @HeaderLength(unit = 4) int words();                               // byte 6, low nibble

    @Bits(4) int flags();                                                       // byte 6, high nibble

    @Bits(8) int spare();                                                       // byte 7

    @Bits(16) int sequence();                                                   // bytes 8-9

    @Bits(16) int id();                                                         // bytes 10-11

    @Options(TcpOptionLayout.class) OptionsIterator options();
}
