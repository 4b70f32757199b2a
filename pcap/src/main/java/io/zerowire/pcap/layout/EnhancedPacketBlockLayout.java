package io.zerowire.pcap.layout;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Const;
import io.zerowire.annotations.Endian;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.TotalLength;

/**
 * The fixed part of a pcapng enhanced packet block (EPB), in its section's byte order; its body is the
 * packet data. Padding to 32 bits, options and the trailer follow the packet data; the reader
 * parses the view over the block without its trailer and walks the options itself.
 */
@Header(layer = "pcapng.epb", order = Endian.AT_PARSE)
public interface EnhancedPacketBlockLayout {
    /** 6. */
    @Bits(32) @Const(6) long blockType();

    /** Bytes of the whole block (checked against the file by the reader; written explicitly). */
    @Bits(32) long blockTotalLength();

    /** Index of the block's interface among the section's interface description blocks. */
    @Bits(32) long interfaceId();

    /** High 32 bits of the timestamp, in the interface's units (if_tsresol) since 1970. */
    @Bits(32) long timestampHigh();

    /** Low 32 bits of the timestamp. */
    @Bits(32) long timestampLow();

    /** Bytes of packet data in the block: the body. */
    @Bits(32) @TotalLength(includesHeader = false, unit = 1) long capturedLength();

    /** Bytes of the packet on the wire. */
    @Bits(32) long originalLength();
}
