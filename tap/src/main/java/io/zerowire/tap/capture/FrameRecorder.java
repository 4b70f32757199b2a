package io.zerowire.tap.capture;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.pcap.LinkType;
import io.zerowire.pcap.PcapWriter;
import io.zerowire.pcap.PcapngWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Records Ethernet frames as they are received and sent, for {@code --pcap FILE}: a pcapng file
 * with one interface per TAP device, or a classic pcap file (one link, no interface ids) when the
 * name ends in {@code .pcap}. Timestamps have nanosecond resolution, from one wall-clock reading at
 * open plus the monotonic clock, so recording allocates nothing per frame.
 *
 * <p>Safe to use from several receive loops at once: each write is one synchronized record.
 * {@link #none()} records nothing, for runs without {@code --pcap}.
 */
public final class FrameRecorder implements Closeable {
    private static final FrameRecorder NONE = new FrameRecorder(null, null);

    private final PcapngWriter pcapng;
    private final PcapWriter pcap;
    private final long startEpochNanos;
    private final long startMonotonic;

    private FrameRecorder(PcapngWriter pcapng, PcapWriter pcap) {
        this.pcapng = pcapng;
        this.pcap = pcap;
        Instant now = Instant.now();
        this.startEpochNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        this.startMonotonic = System.nanoTime();
    }

    /** A recorder that writes nothing. */
    public static FrameRecorder none() {
        return NONE;
    }

    /** Creates (or truncates) {@code path}: classic pcap if its name ends in {@code .pcap}, else pcapng. */
    public static FrameRecorder open(Path path) throws IOException {
        if (path.getFileName().toString().endsWith(".pcap")) {
            return new FrameRecorder(null, PcapWriter.builder(LinkType.ETHERNET).nanosecond(true).open(path));
        }
        return new FrameRecorder(PcapngWriter.builder().userApplication("zerowire").open(path), null);
    }

    /** Declares one more Ethernet interface; returns the id to record its frames under. */
    public synchronized int addInterface(String name) throws IOException {
        return pcapng == null ? 0 : pcapng.addInterface(LinkType.ETHERNET, 0, PcapngWriter.DEFAULT_RESOLUTION, name);
    }

    /**
     * Records the body of {@code frame} as seen on interface {@code interfaceId} now.
     *
     * @throws UncheckedIOException if the file cannot be written (the disk is full): recording was
     *     asked for, so losing it silently would mislead
     */
    public synchronized void record(int interfaceId, PacketBuffer frame) {
        if (pcapng == null && pcap == null) {
            return;
        }
        long now = startEpochNanos + (System.nanoTime() - startMonotonic);
        long second = Math.floorDiv(now, 1_000_000_000L);
        int nanos = (int) Math.floorMod(now, 1_000_000_000L);
        try {
            if (pcapng != null) {
                pcapng.write(interfaceId, second, nanos, frame);
            } else {
                pcap.write(second, nanos, frame);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("recording a frame failed", e);
        }
    }

    /** Frames recorded so far. */
    public synchronized long records() {
        return pcapng != null ? pcapng.recordsWritten() : pcap != null ? pcap.recordsWritten() : 0;
    }

    /** Flushes and closes the file. */
    @Override
    public synchronized void close() throws IOException {
        if (pcapng != null) {
            pcapng.close();
        } else if (pcap != null) {
            pcap.close();
        }
    }
}
