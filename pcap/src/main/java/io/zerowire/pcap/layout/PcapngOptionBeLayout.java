package io.zerowire.pcap.layout;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Endian;
import io.zerowire.annotations.OptionHeader;
import io.zerowire.annotations.OptionKind;
import io.zerowire.annotations.OptionLength;

/**
 * The header of a pcapng option in a big-endian section (pcapng section 3.5): a 16-bit code and
 * a 16-bit length of the value, values padded with zeros to 4 bytes, {@code opt_endofopt} (code 0)
 * ending the list. A twin per byte order, like the block layouts. The processor generates
 * {@code PcapngOptionBeFormat.FORMAT}.
 */
@OptionHeader(name = "pcapng-options-be", order = Endian.BIG, endOfList = 0, valueAlignment = 4,
        regionAlignment = 4)
public interface PcapngOptionBeLayout {
    /** The option code. */
    @Bits(16) @OptionKind int code();

    /** Bytes of the value, without its padding. */
    @Bits(16) @OptionLength(unit = 1, counts = OptionLength.Counts.VALUE) int length();
}
