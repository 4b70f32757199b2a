package io.zerowire.protocols.framing;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Endian;
import io.zerowire.annotations.Header;

/**
 * The 4-byte header of BSD loopback captures (pcap link type 0, {@code LINKTYPE_NULL}): the
 * address family of the packet, in the byte order of the host that captured it. Declared little
 * endian, the order of nearly every capturing host; {@link Framing#LOOPBACK} reads a value that
 * only makes sense byte-swapped as a big-endian capture.
 */
@Header(layer = "null", order = Endian.LITTLE)
public interface LoopbackLayout {
    /** The address family: 2 for IPv4; 24, 28 or 30 for IPv6 (NetBSD/OpenBSD, FreeBSD, macOS). */
    @Bits(32) long family();
}
