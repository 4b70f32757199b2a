package io.zerowire.processor.behaviour;

import io.zerowire.annotations.ValueSet;

/** The EtherTypes of Ethernet frames and VLAN tags, declared as a value set: generates {@link FrameType}. */
@ValueSet(bits = 16, hex = true)
interface FrameTypes {
    /** IPv4 (0x0800). */
    int IPV4 = 0x0800;
    int ARP = 0x0806;
    /** An 802.1Q customer VLAN tag follows (0x8100). */
    int VLAN = 0x8100;
    int QINQ = 0x88A8;
    int IPV6 = 0x86DD;

    /** The number, from the generated class: lets the helpers below use it. */
    int value();

    /** Whether a VLAN tag follows: a helper the generated class inherits. */
    default boolean isTag() {
        return value() == VLAN || value() == QINQ;
    }
}
