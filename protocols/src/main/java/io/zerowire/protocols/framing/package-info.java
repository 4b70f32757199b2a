/**
 * What a capture puts before the network layer when it is not Ethernet: the Linux cooked capture
 * headers ({@link io.zerowire.protocols.framing.LinuxSllLayout},
 * {@link io.zerowire.protocols.framing.LinuxSll2Layout}), the BSD loopback family word
 * ({@link io.zerowire.protocols.framing.LoopbackLayout}), and {@link io.zerowire.protocols.framing.Framing},
 * the choice by pcap link type.
 */
package io.zerowire.protocols.framing;
