package io.zerowire.examples.userheaders;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Const;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.Reserved;

/** VXLAN (RFC 7348 section 5): eight flag bits of which only I is defined, and a 24-bit network identifier. */
@Header(layer = "vxlan")
public interface VxlanLayout {
    @Bits(4) @Reserved int reservedFlags();

    /** The I flag: the VNI is valid; RFC 7348 sets it in every packet. */
    @Const(1) boolean vniValid();

    @Bits(3) @Reserved int reservedFlagsLow();
    @Bits(24) @Reserved int reserved0();
    @Bits(24) int vni();
    @Bits(8) @Reserved int reserved1();
}
