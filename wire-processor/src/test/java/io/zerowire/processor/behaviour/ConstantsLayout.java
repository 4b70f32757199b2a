package io.zerowire.processor.behaviour;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Const;
import io.zerowire.annotations.Endian;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.Signed;

/** Constants of every shape: signed and negative, 64 bits with the top bit set, in a little-endian layout. */
@Header(layer = "constants", order = Endian.LITTLE)
interface ConstantsLayout {
    @Bits(8) @Signed @Const(-2) int minusTwo();                          // byte 0

    @Bits(12) @Signed @Const(-100) int minusHundred();                   // bits 8-19

    @Bits(4) @Const(0xF) int allOnes();                                  // bits 20-23

    @Bits(64) @Const(0x8000_0000_0000_0001L) long topBit();              // bytes 3-10

    @Bits(33) @Signed @Const(-4_294_967_296L) long mostNegative33();     // bits 88-120

    @Bits(7) int free();                                                 // bits 121-127

    @Bits(32) @Signed @Const(-7) int minusSeven();                       // bytes 16-19
}
