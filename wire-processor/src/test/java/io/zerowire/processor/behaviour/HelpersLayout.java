package io.zerowire.processor.behaviour;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;

/** A layout with helpers: a default method the view inherits and a static one, neither a field. */
@Header(layer = "helpers")
interface HelpersLayout {
    @Bits(16) int identification();

    @Bits(2) int flags();

    boolean moreFragments();

    @Bits(13) int fragmentOffset();

    default boolean isFragment() {
        return moreFragments() || fragmentOffset() != 0;
    }

    static int fragmentOffsetBytes(HelpersLayout header) {
        return header.fragmentOffset() * 8;
    }
}
