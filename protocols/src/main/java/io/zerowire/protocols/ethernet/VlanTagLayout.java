package io.zerowire.protocols.ethernet;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;

/**
 * The four bytes after an 802.1Q ({@link EtherType#VLAN}) or 802.1ad ({@link EtherType#QINQ}) type:
 * the tag control information and the type of what follows, which may be another tag. A frame is
 * parsed tag by tag with the generated {@code VlanTag} view, through {@link EthernetFrames#wrapTag}.
 */
@Header(layer = "vlan")
public interface VlanTagLayout {
    /** Priority code point (802.1p). */
    @Bits(3) int priority();

    /** Drop eligible indicator (formerly CFI). */
    boolean dropEligible();

    /** VLAN identifier; 0 means a priority tag only, 4095 is reserved. */
    @Bits(12) int vlanId();

    /** The type of what follows the tag. */
    @Bits(16) EtherType etherType();
}
