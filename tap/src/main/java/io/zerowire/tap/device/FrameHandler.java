package io.zerowire.tap.device;

import io.zerowire.buffer.PacketBuffer;
import java.io.IOException;

/** What a {@link ReceiveLoop} does with each frame it receives. */
@FunctionalInterface
public interface FrameHandler {
    /**
     * Handles one received frame. The frame's body is the frame as received; its region is the
     * whole receive array, so an answer may be serialized in place, growing past the frame. The
     * buffer is reused for the next frame as soon as this returns.
     *
     * @throws IOException if sending an answer failed; the loop counts it and goes on
     */
    void onFrame(PacketBuffer frame) throws IOException;
}
