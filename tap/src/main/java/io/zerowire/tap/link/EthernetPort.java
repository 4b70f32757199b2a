package io.zerowire.tap.link;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.tap.capture.FrameRecorder;
import io.zerowire.tap.device.FrameHandler;
import io.zerowire.tap.device.ReceiveLoop;
import io.zerowire.tap.device.TapDevice;
import io.zerowire.link.MacAddress;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This program's end of one Ethernet link: a {@link TapDevice}, the MAC address the program uses on
 * it, and the recording of every frame received and sent ({@code --pcap}).
 *
 * <pre>{@code
 * try (FrameRecorder pcap = FrameRecorder.open(Path.of("run.pcapng"));
 *      EthernetPort port = EthernetPort.open("zw0", EthernetPort.randomMac(), pcap)) {
 *     ReceiveLoop loop = port.start(frame -> port.send(frame));   // a mirror
 *     ...
 * }
 * }</pre>
 */
public final class EthernetPort implements FrameSink, AutoCloseable {
    private final TapDevice tap;
    private final MacAddress mac;
    private final FrameRecorder recorder;
    private final int interfaceId;
    private final AtomicLong sent = new AtomicLong();
    private ReceiveLoop loop;

    private EthernetPort(TapDevice tap, MacAddress mac, FrameRecorder recorder, int interfaceId) {
        this.tap = tap;
        this.mac = mac;
        this.recorder = recorder;
        this.interfaceId = interfaceId;
    }

    /** Opens (creating if needed) the TAP device {@code name}, to be used with address {@code mac}. */
    public static EthernetPort open(String name, MacAddress mac, FrameRecorder recorder) throws IOException {
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(recorder, "recorder");
        if (!mac.isUnicast()) {
            throw new IllegalArgumentException(mac + " is a multicast address: a port needs a unicast MAC address");
        }
        TapDevice tap = TapDevice.open(name);
        try {
            return new EthernetPort(tap, mac, recorder, recorder.addInterface(tap.name()));
        } catch (IOException | RuntimeException e) {
            tap.close();
            throw e;
        }
    }

    /** A random, locally administered unicast MAC address ({@code x2:...}, {@code x6:...}, ...). */
    public static MacAddress randomMac() {
        long bits = new SecureRandom().nextLong() & 0xFFFF_FFFF_FFFFL;
        // Clear the group bit, set the locally-administered bit of the first byte (IEEE 802 section 8.2).
        return MacAddress.of((bits & ~(0x01L << 40)) | (0x02L << 40));
    }

    /** The TAP device's name. */
    public String name() {
        return tap.name();
    }

    /** This program's MAC address on the link. */
    public MacAddress mac() {
        return mac;
    }

    /** Sends one frame, then records it (a frame the kernel refused is not in the recording). */
    @Override
    public void send(PacketBuffer frame) throws IOException {
        tap.send(frame);
        recorder.record(interfaceId, frame);
        sent.incrementAndGet();
    }

    /** Frames sent so far. */
    public long sent() {
        return sent.get();
    }

    /**
     * Starts the port's receive loop: each frame is recorded, then handed to {@code handler}.
     *
     * @throws IllegalStateException if the loop was already started
     */
    public synchronized ReceiveLoop start(FrameHandler handler) {
        Objects.requireNonNull(handler, "handler");
        if (loop != null) {
            throw new IllegalStateException(name() + " is already receiving");
        }
        loop = ReceiveLoop.start(tap, frame -> {
            recorder.record(interfaceId, frame);
            handler.onFrame(frame);
        });
        return loop;
    }

    /** Stops the receive loop, if any, then closes the device (which disappears unless persistent). */
    @Override
    public synchronized void close() {
        if (loop != null) {
            loop.close();
        }
        tap.close();
    }

    @Override
    public String toString() {
        return name() + " (" + mac + ")";
    }
}
