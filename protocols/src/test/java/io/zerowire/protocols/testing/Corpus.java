package io.zerowire.protocols.testing;

import io.zerowire.pcap.testing.TestEnvironment;
import io.zerowire.pcap.CaptureFormatException;
import io.zerowire.pcap.CaptureReader;
import io.zerowire.pcap.LinkType;
import io.zerowire.pcap.Record;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Every frame of the shared captures, read with the pcap module; Ethernet frames kept apart. */
public final class Corpus {
    private Corpus() {}

    /** One captured frame: its file, its 1-based frame number (tshark's), its link type and a copy of its bytes. */
    public record Frame(Path file, int number, LinkType linkType, byte[] bytes) {
        public String name() {
            return file.getParent().getFileName() + "/" + file.getFileName() + "#" + number;
        }
    }

    /** Frames of one capture, and why reading stopped early (null if it did not). */
    public record Capture(Path file, List<Frame> frames, String stoppedBy) {
        public List<Frame> ethernetFrames() {
            List<Frame> result = new ArrayList<>();
            for (Frame f : frames) {
                if (f.linkType().equals(LinkType.ETHERNET)) {
                    result.add(f);
                }
            }
            return result;
        }
    }

    private static List<Capture> cached;

    /** Every capture under shared/captures/{tcpdump,kernel}; skips (fails under CI) when absent. */
    public static synchronized List<Capture> captures() throws IOException {
        if (cached == null) {
            List<Capture> result = new ArrayList<>();
            for (Path file : TestEnvironment.captures("tcpdump", "kernel")) {
                result.add(read(file));
            }
            cached = Collections.unmodifiableList(result);
        }
        return cached;
    }

    public static List<Frame> allFrames() throws IOException {
        List<Frame> result = new ArrayList<>();
        for (Capture c : captures()) {
            result.addAll(c.frames());
        }
        return result;
    }

    public static List<Frame> ethernetFrames() throws IOException {
        List<Frame> result = new ArrayList<>();
        for (Capture c : captures()) {
            result.addAll(c.ethernetFrames());
        }
        return result;
    }

    private static Capture read(Path file) throws IOException {
        List<Frame> frames = new ArrayList<>();
        String stopped = null;
        try (CaptureReader reader = CaptureReader.open(file)) {
            Record record = new Record();
            while (reader.next(record)) {
                frames.add(new Frame(file, (int) record.index() + 1, record.linkType(), record.packet().toByteArray()));
            }
        } catch (CaptureFormatException e) {
            stopped = e.getMessage();
        }
        return new Capture(file, List.copyOf(frames), stopped);
    }
}
