package io.zerowire.pcap.layout;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Endian;
import io.zerowire.annotations.Header;

/**
 * The last 4 bytes of every pcapng block, in its section's byte order: the block's total length again,
 * which lets a reader walk a file backwards. It must equal the header's.
 */
@Header(layer = "pcapng.block", order = Endian.AT_PARSE)
public interface PcapngBlockTrailerLayout {
    /** Bytes of the whole block, as in its header. */
    @Bits(32) long trailingTotalLength();
}
