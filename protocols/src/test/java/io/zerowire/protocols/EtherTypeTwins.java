package io.zerowire.protocols;

import io.zerowire.annotations.ValueSet;

/**
 * The values of the hand-written {@link io.zerowire.protocols.ethernet.EtherType}, declared as a
 * value set, so that {@link GeneratedOpenEnumsTest} can hold the generated {@link EtherTypeTwin}
 * against it.
 */
@ValueSet(bits = 16, hex = true)
interface EtherTypeTwins {
    int IPV4 = 0x0800;
    int ARP = 0x0806;
    int VLAN = 0x8100;
    int QINQ = 0x88A8;
    int IPV6 = 0x86DD;

    int value();

    /** As {@code EtherType.isLength()}: the number is an 802.3 length (at most 1500). */
    default boolean isLength() {
        return value() <= 1500;
    }

    /** As {@code EtherType.isTag()}. */
    default boolean isTag() {
        return value() == VLAN || value() == QINQ;
    }
}
