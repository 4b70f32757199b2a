package io.zerowire.pcap.layout;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Endian;
import io.zerowire.annotations.Header;

/**
 * The first 8 bytes of every pcapng block, in its section's byte order: its type and its total length,
 * header and trailer included. The reader checks the length against the file before the block's
 * own layout parses the block.
 */
@Header(layer = "pcapng.block", order = Endian.AT_PARSE)
public interface PcapngBlockHeaderLayout {
    /** The block type. */
    @Bits(32) long blockType();

    /** Bytes of the whole block: a multiple of 4, at least 12. */
    @Bits(32) long blockTotalLength();
}
