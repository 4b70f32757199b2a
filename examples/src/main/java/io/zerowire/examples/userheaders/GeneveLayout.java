package io.zerowire.examples.userheaders;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Const;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.HeaderLength;
import io.zerowire.annotations.Options;
import io.zerowire.annotations.Reserved;
import io.zerowire.options.OptionsIterator;

/** README, "Option formats": the GENEVE header (RFC 8926, section 3.4) with its options. */
@Header(layer = "geneve")
public interface GeneveLayout {
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
