package io.zerowire.pcap.layout;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Const;
import io.zerowire.annotations.Endian;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.TotalLength;

/**
 * The fixed part of the obsolete pcapng packet block (type 2), in its section's byte order, which old
 * writers produced before the enhanced packet block; read like one.
 */
@Header(layer = "pcapng.pb", order = Endian.AT_PARSE)
public interface PacketBlockLayout {
    /** 2. */
    @Bits(32) @Const(2) long blockType();

    /** Bytes of the whole block. */
    @Bits(32) long blockTotalLength();

    /** Index of the block's interface. */
    @Bits(16) int interfaceId();

    /** Packets dropped since the previous one, or 0xFFFF when unknown. */
    @Bits(16) int dropsCount();

    /** High 32 bits of the timestamp. */
    @Bits(32) long timestampHigh();

    /** Low 32 bits of the timestamp. */
    @Bits(32) long timestampLow();

    /** Bytes of packet data in the block: the body. */
    @Bits(32) @TotalLength(includesHeader = false, unit = 1) long capturedLength();

    /** Bytes of the packet on the wire. */
    @Bits(32) long originalLength();
}
