package io.zerowire.tap.testing;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.tap.link.FrameSink;
import io.zerowire.tap.device.TapDevice;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link FrameSink} for tests: keeps a copy of every frame sent, the array it was sent from and
 * where in it, and hands frames to an engine the way a receive loop does (one large receive array,
 * the frame at its start).
 */
public final class CapturingSink implements FrameSink {
    /** One frame sent: its bytes, and the array (and offset) it went out of. */
    public record Sent(byte[] bytes, byte[] array, int offset) {
        public PacketBuffer buffer() {
            return PacketBuffer.wrap(bytes.clone());
        }
    }

    private final List<Sent> sent = new ArrayList<>();

    @Override
    public void send(PacketBuffer frame) {
        sent.add(new Sent(frame.toByteArray(), frame.array(), frame.bodyStart()));
    }

    public List<Sent> sent() {
        return sent;
    }

    /** The frames sent since the last call, and forgets them. */
    public List<Sent> take() {
        List<Sent> taken = new ArrayList<>(sent);
        sent.clear();
        return taken;
    }

    /** A receive buffer as {@link io.zerowire.tap.device.ReceiveLoop} makes one, holding {@code frame}. */
    public static PacketBuffer received(byte[] frame) {
        byte[] array = new byte[TapDevice.MAX_FRAME_LENGTH];
        System.arraycopy(frame, 0, array, 0, frame.length);
        return PacketBuffer.wrap(array).resetBody(0, frame.length);
    }
}
