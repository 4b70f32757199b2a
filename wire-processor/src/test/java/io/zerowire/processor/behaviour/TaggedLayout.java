package io.zerowire.processor.behaviour;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Const;
import io.zerowire.annotations.Header;

/**
 * An 802.1Q-tagged frame's tag and inner type, with value-set fields generated in the same
 * compilation: one a constant given by its number, one narrower than its value set's width.
 */
@Header(layer = "tagged")
interface TaggedLayout {
    @Bits(16) @Const(0x8100) FrameType tpid();

    @Bits(16) int tci();

    @Bits(16) FrameType type();

    @Bits(8) Transport transport();
}
