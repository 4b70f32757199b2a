package io.zerowire.protocols.ipv4;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Const;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.TotalLength;

/**
 * The Basic Security Option of RFC 1108: type 130, length (3 or more), a classification level,
 * then the protection authority flags, one or more bytes each ending with a field termination
 * indicator bit: the generated {@code BasicSecurityOption} view's body. See
 * {@link SecurityOptionLayout} for the older RFC 791 format that shares the type.
 */
@Header(layer = "ipv4-basic-security")
public interface BasicSecurityOptionLayout {
    /** 130: copied on fragmentation, class 0, number 2. */
    @Bits(8) @Const(Ipv4Options.SECURITY) int type();

    /** Bytes of the whole option: 3 plus the protection authority flags. */
    @Bits(8) @TotalLength(includesHeader = true, unit = 1) int length();

    /** Classification level, such as 0x3D (Unclassified) or 0x5A (Secret). */
    @Bits(8) int classificationLevel();
}
