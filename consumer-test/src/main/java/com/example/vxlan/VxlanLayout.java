package com.example.vxlan;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Const;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.Reserved;

/** The VXLAN header (RFC 7348 section 5): flags with the I bit set, a 24-bit network identifier. */
@Header(layer = "vxlan")
public interface VxlanLayout {
    @Bits(4) @Reserved int reservedFlags();

    /** The I flag: the VNI is valid; RFC 7348 has it set in every packet. */
    @Const(1) boolean vniValid();

    @Bits(3) @Reserved int reservedFlagsLow();

    @Bits(24) @Reserved int reserved();

    @Bits(24) int vni();

    @Bits(8) @Reserved int reservedLast();
}
