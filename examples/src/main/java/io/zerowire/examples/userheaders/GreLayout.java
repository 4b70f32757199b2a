package io.zerowire.examples.userheaders;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Checksum;
import io.zerowire.annotations.Const;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.PresentIf;
import io.zerowire.annotations.Reserved;

/**
 * GRE (RFC 2784, with RFC 2890's key and sequence number): the C, K and S flags gate the optional
 * words, and the checksum, when present, covers the GRE header and its payload.
 */
@Header(layer = "gre")
public interface GreLayout {
    boolean checksumPresent();
    @Reserved boolean routingPresent();
    boolean keyPresent();
    boolean sequencePresent();
    @Bits(9) @Reserved int reserved0();
    @Bits(3) @Const(0) int version();
    @Bits(16) int protocolType();
    @PresentIf("checksumPresent") @Bits(16) @Checksum(covers = Checksum.Coverage.HEADER_AND_BODY) int checksum();
    @PresentIf("checksumPresent") @Bits(16) int reserved1();
    @PresentIf("keyPresent") @Bits(32) long key();
    @PresentIf("sequencePresent") @Bits(32) long sequenceNumber();
}
