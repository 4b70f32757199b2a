package io.zerowire.pcap.layout;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Endian;
import io.zerowire.annotations.Header;

/**
 * The last 4 bytes of every pcapng block in a little-endian section: the block's total length again,
 * which lets a reader walk a file backwards. It must equal the header's.
 */
@Header(layer = "pcapng.block", order = Endian.LITTLE)
public interface PcapngBlockTrailerLeLayout {
    /** Bytes of the whole block, as in its header. */
    @Bits(32) long trailingTotalLength();
}
