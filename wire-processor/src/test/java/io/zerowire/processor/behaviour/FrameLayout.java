package io.zerowire.processor.behaviour;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;
import io.zerowire.link.MacAddress;

/** An Ethernet II header: its body is zero-padded to 46 bytes when building. */
@Header(layer = "ethernet", minBodyLength = 46)
interface FrameLayout {
    MacAddress destination();

    MacAddress source();

    @Bits(16) int etherType();
}
