package io.zerowire.protocols.framing;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.Size;
import io.zerowire.protocols.ethernet.EtherType;

/**
 * The 16-byte Linux "cooked" capture header (pcap link type 113, {@code LINKTYPE_LINUX_SLL}) that
 * {@code tcpdump -i any} writes in place of a link-layer header: who the packet was for, the device
 * type, up to 8 bytes of the link-layer source address, and the protocol of what follows.
 */
@Header(layer = "sll")
public interface LinuxSllLayout {
    /** 0 to us, 1 broadcast, 2 multicast, 3 to another host, 4 sent by us. */
    @Bits(16) int packetType();

    /** The device's ARPHRD_ type (1 Ethernet, 772 loopback, ...). */
    @Bits(16) int deviceType();

    /** Bytes of {@link #address()} that hold the link-layer address. */
    @Bits(16) int addressLength();

    /** The link-layer source address, zero-padded to 8 bytes. */
    @Size(8) byte[] address();

    /** The EtherType of the payload. */
    @Bits(16) EtherType protocol();
}
