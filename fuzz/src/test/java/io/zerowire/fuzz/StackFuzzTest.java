package io.zerowire.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.zerowire.protocols.framing.Framing;

/** Whole frames from the link layer down, through every layer the dissector reaches. */
class StackFuzzTest {
    private final FrameProperties properties = new FrameProperties();

    /** Ethernet II, its VLAN tags, then ARP, IPv4 or IPv6 and everything above them. */
    @FuzzTest
    void ethernet(byte[] frame) throws Exception {
        properties.check(Framing.ETHERNET, frame);
    }
}
