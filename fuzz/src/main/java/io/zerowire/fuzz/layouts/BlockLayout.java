package io.zerowire.fuzz.layouts;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Const;
import io.zerowire.annotations.Endian;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.HeaderLength;
import io.zerowire.annotations.Options;
import io.zerowire.annotations.Reserved;
import io.zerowire.annotations.Signed;
import io.zerowire.annotations.Size;
import io.zerowire.annotations.TotalLength;
import io.zerowire.options.OptionsIterator;
import io.zerowire.pcap.layout.PcapngOptionLeLayout;

/**
 * A little-endian block in the manner of pcapng: a constant, packed fields that straddle
 * byte boundaries, a signed field, a reserved one, a fixed byte array, a header length in 32-bit
 * words plus 16 bytes, a total length that includes the header, and pcapng-style options.
 */
@Header(layer = "block", order = Endian.LITTLE)
public interface BlockLayout {
    @Bits(8) @Const(0x5A) int magic();

    @Bits(3) int flags();

    @Bits(13) int sequence();

    @Bits(4) @HeaderLength(unit = 4, offset = 16) int headerWords();

    @Bits(4) @Reserved int reserved();

    @Bits(8) @Signed int offsetCorrection();

    @Bits(16) @TotalLength(includesHeader = true, unit = 1) int totalLength();

    @Size(6) byte[] station();

    @Bits(16) int tag();

    @Options(PcapngOptionLeLayout.class) OptionsIterator options();
}
