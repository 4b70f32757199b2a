package io.zerowire.tap.link;

import io.zerowire.buffer.PacketBuffer;
import java.io.IOException;

/** Where a frame goes out: a TAP device (through an {@link EthernetPort}), or a list in a test. */
@FunctionalInterface
public interface FrameSink {
    /** Sends the body of {@code frame}, one whole Ethernet frame; the buffer is not kept. */
    void send(PacketBuffer frame) throws IOException;
}
