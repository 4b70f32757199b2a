package io.zerowire.pcap.layout;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Const;
import io.zerowire.annotations.Endian;
import io.zerowire.annotations.Header;

/**
 * The fixed part of a pcapng simple packet block (SPB), in its section's byte order; its body is the packet
 * data and its padding. The captured length is not stored: it is the original length cut to the
 * first interface's snap length.
 */
@Header(layer = "pcapng.spb", order = Endian.AT_PARSE)
public interface SimplePacketBlockLayout {
    /** 3. */
    @Bits(32) @Const(3) long blockType();

    /** Bytes of the whole block (checked against the file by the reader; written explicitly). */
    @Bits(32) long blockTotalLength();

    /** Bytes of the packet on the wire. */
    @Bits(32) long originalLength();
}
