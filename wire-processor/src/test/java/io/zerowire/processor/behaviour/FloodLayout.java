package io.zerowire.processor.behaviour;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.HeaderLength;
import io.zerowire.annotations.Options;
import io.zerowire.options.OptionsIterator;

/** A header whose option region can reach 1,020 bytes: room for a flood of one-byte options. */
@Header(layer = "flood")
interface FloodLayout {
    @Bits(8) @HeaderLength(unit = 4) int words();

    @Bits(24) int id();

    @Options(Ipv4OptionLayout.class) OptionsIterator options();
}
