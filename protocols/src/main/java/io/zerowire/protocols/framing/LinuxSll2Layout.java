package io.zerowire.protocols.framing;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.Reserved;
import io.zerowire.annotations.Size;
import io.zerowire.protocols.ethernet.EtherType;

/**
 * The 20-byte Linux cooked capture header, version 2 (pcap link type 276,
 * {@code LINKTYPE_LINUX_SLL2}): the protocol first, then the interface index, the device type,
 * the packet type and the link-layer source address.
 */
@Header(layer = "sll2")
public interface LinuxSll2Layout {
    /** The EtherType of the payload. */
    @Bits(16) EtherType protocol();

    @Reserved @Bits(16) int reserved();

    /** The capturing interface's index. */
    @Bits(32) long interfaceIndex();

    /** The device's ARPHRD_ type (1 Ethernet, 772 loopback, ...). */
    @Bits(16) int deviceType();

    /** 0 to us, 1 broadcast, 2 multicast, 3 to another host, 4 sent by us. */
    @Bits(8) int packetType();

    /** Bytes of {@link #address()} that hold the link-layer address. */
    @Bits(8) int addressLength();

    /** The link-layer source address, zero-padded to 8 bytes. */
    @Size(8) byte[] address();
}
