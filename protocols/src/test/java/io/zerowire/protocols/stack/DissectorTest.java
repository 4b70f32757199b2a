package io.zerowire.protocols.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import io.zerowire.buffer.PacketBuffer;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.protocols.framing.Framing;
import io.zerowire.protocols.testing.Corpus;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the dissector promises its callers beyond each layer's parse: frame-relative error offsets, no garbage. */
class DissectorTest {
    /** Ethernet, then an IPv4 header whose IHL (byte 14 of the frame) says 4 words: less than the fixed header. */
    private static final byte[] BAD_IHL = HexFormat.of().parseHex(
            "ffffffffffff" + "020000000001" + "0800"
            + "4400001c00004000401100007f0000017f000001" + "0035003500080000");

    @Test
    void errorOffsetsCountFromTheFrameNotFromWhatPrecedesItInTheBuffer() {
        Dissector d = new Dissector();
        d.dissect(Framing.ETHERNET, PacketBuffer.wrap(BAD_IHL.clone()));
        assertThat(d.failedLayer()).isEqualTo(Layer.IPV4);
        assertThat(d.error().kind()).isEqualTo(ParseErrorKind.MALFORMED);
        assertThat(d.error().field()).isEqualTo("ihl");
        assertThat(d.error().offset()).isEqualTo(14);

        // The same frame after a 16-byte capture record header, as CaptureReader hands it out.
        byte[] record = new byte[16 + BAD_IHL.length + 5];
        System.arraycopy(BAD_IHL, 0, record, 16, BAD_IHL.length);
        PacketBuffer buffer = PacketBuffer.wrap(record).shrinkFront(16).shrinkBack(5);
        d.dissect(Framing.ETHERNET, buffer);
        assertThat(d.error().field()).isEqualTo("ihl");
        assertThat(d.error().offset()).as("counted from the frame's first byte").isEqualTo(14);
        assertThat(d.error().getMessage()).contains("at byte 14");
        // The caller's buffer was consumed up to where the walk stopped, its region untouched.
        assertThat(buffer.bodyStart()).isEqualTo(16 + 14);
        assertThat(buffer.bodyEnd()).isEqualTo(16 + BAD_IHL.length);
        assertThat(buffer.prefixLength()).isEqualTo(16 + 14);
        assertThat(d.payloadOffset()).isEqualTo(16 + 14);
    }

    @Test
    void aWholeFrameLeavesTheCallersBufferAtTheInnermostPayload() {
        byte[] good = BAD_IHL.clone();
        good[14] = 0x45;
        byte[] record = new byte[28 + good.length + 4];
        System.arraycopy(good, 0, record, 28, good.length);
        PacketBuffer buffer = PacketBuffer.wrap(record).shrinkFront(28).shrinkBack(4);
        Dissector d = new Dissector().dissect(Framing.ETHERNET, buffer);
        assertThat(d.error()).isNull();
        assertThat(d.layers()).containsExactly(Layer.ETHERNET, Layer.IPV4, Layer.UDP);
        assertThat(buffer.bodyStart()).isEqualTo(28 + 14 + 20 + 8);
        assertThat(buffer.bodyLength()).isZero();
        assertThat(d.buffer()).isSameAs(buffer);
    }

    /**
     * Every frame of the shared captures that dissects without error (every link type, VLAN tags,
     * IPv4 options and source routes, IPv6 extension chains, every transport), one after another
     * through one reused buffer, as a capture loop does: the walk allocates nothing.
     */
    @Test
    void theSteadyStateWalkAllocatesNothing() throws Exception {
        List<byte[]> frames = new ArrayList<>();
        List<Framing> framings = new ArrayList<>();
        Dissector d = new Dissector();
        for (Corpus.Frame frame : Corpus.allFrames()) {
            Framing framing = Framing.ofLinkType(frame.linkType().value());
            if (framing != null && d.dissect(framing, PacketBuffer.wrap(frame.bytes().clone())).error() == null) {
                frames.add(frame.bytes().clone());
                framings.add(framing);
            }
        }
        assertThat(frames).hasSizeGreaterThan(3000);
        PacketBuffer buffer = PacketBuffer.wrap(new byte[0]);
        long[] sink = new long[1];
        Runnable round = () -> {
            for (int i = 0; i < frames.size(); i++) {
                byte[] bytes = frames.get(i);
                d.dissect(framings.get(i), buffer.rewrap(bytes, 0, bytes.length));
                sink[0] += d.layerCount() + d.payloadLength() + (d.checksumBad(Layer.TCP) ? 1 : 0);
            }
        };
        for (int i = 0; i < 20; i++) {
            round.run();   // warm up: let the JIT compile the walk
        }
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        int rounds = 10;
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < rounds; i++) {
            round.run();
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        long dissected = (long) rounds * frames.size();
        System.out.printf("dissector allocation: %d bytes over %d frames (%.3f B/frame, sink %d)%n", allocated,
                dissected, (double) allocated / dissected, sink[0]);
        assertThat(allocated).as("bytes allocated dissecting %d frames", dissected).isLessThan(dissected / 10);
    }
}
