package io.zerowire.processor.behaviour;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Endian;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.PresentIf;
import io.zerowire.annotations.Signed;

/** Optional fields of every byte width, signed and not, in a little-endian layout; one flag gates two. */
@Header(layer = "optionalWidths", order = Endian.LITTLE)
interface OptionalWidthsLayout {
    boolean a();

    boolean b();

    boolean c();

    @Bits(5) int rest();

    @PresentIf("a") @Bits(8) @Signed int small();

    @PresentIf("b") @Bits(24) int medium();

    @PresentIf("b") @Bits(32) @Signed int signed32();

    @PresentIf("c") @Bits(56) @Signed long large();

    @PresentIf("a") @Bits(64) long full();
}
