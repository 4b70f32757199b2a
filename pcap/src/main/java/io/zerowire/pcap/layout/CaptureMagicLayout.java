package io.zerowire.pcap.layout;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;

/**
 * The first four bytes of a capture file, read big-endian: {@code A1B2C3D4} / {@code A1B23C4D}
 * (pcap in big-endian order, microsecond / nanosecond timestamps), {@code D4C3B2A1} /
 * {@code 4D3CB2A1} (the same, little-endian), {@code 0A0D0D0A} (a pcapng section header).
 */
@Header(layer = "capture")
public interface CaptureMagicLayout {
    /** The magic number as the first four bytes in network order. */
    @Bits(32) long magic();
}
