package io.zerowire.processor.behaviour;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Const;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.HeaderLength;
import io.zerowire.annotations.Options;
import io.zerowire.annotations.Reserved;
import io.zerowire.options.OptionsIterator;

/** The GENEVE header (RFC 8926 section 3.4): 8 fixed bytes, then options counted by Opt Len in 4-byte words. */
@Header(layer = "geneve")
interface GeneveLayout {
    @Bits(2) @Const(0) int version();

    @Bits(6) @HeaderLength(unit = 4, offset = 8) int optionLength();

    boolean oam();

    boolean critical();

    @Bits(6) @Reserved int reserved0();

    @Bits(16) int protocolType();

    @Bits(24) int vni();

    @Bits(8) @Reserved int reserved1();

    @Options(GeneveOptionLayout.class) OptionsIterator options();
}
