package io.zerowire.processor.sample;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;
import io.zerowire.ip.IpAddress;
import io.zerowire.link.MacAddress;

/** ARP over Ethernet for either IP version: the protocol address width follows the specialization. */
@Header(layer = "arp")
interface ArpPacketLayout<A extends IpAddress<?>> {
    @Bits(16) int hardwareType();

    @Bits(16) int protocolType();

    @Bits(8) int hardwareLength();

    @Bits(8) int protocolLength();

    @Bits(16) int operation();

    MacAddress senderHardwareAddress();

    A senderProtocolAddress();

    MacAddress targetHardwareAddress();

    A targetProtocolAddress();
}
