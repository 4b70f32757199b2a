package io.zerowire.protocols;

import io.zerowire.protocols.testing.Corpus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.arp.ArpPackets;
import io.zerowire.protocols.ethernet.EthernetFrames;
import io.zerowire.protocols.ethernet.Ethernet;
import io.zerowire.protocols.ipv4.Ipv4;
import io.zerowire.protocols.ipv4.Ipv4Packet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Every frame of every capture, whatever its link type, either parses or gives a
 * {@link ParseException}; nothing else escapes, and a failed parse leaves the buffer as it was.
 * Frames are tried as Ethernet (with tags, ARP, IPv4) and, from their first byte, as ARP and IPv4.
 */
class RobustnessTest {
    @Test
    void everyFrameParsesOrGivesAParseException() throws Exception {
        List<Corpus.Frame> frames = Corpus.allFrames();
        AtomicInteger parsed = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        for (Corpus.Frame frame : frames) {
            try {
                Dissection d = Dissection.of(frame.bytes());
                (d.error == null ? parsed : rejected).incrementAndGet();
                d.touchEverything();
                attempt(frame.bytes(), b -> EthernetFrames.wrap(new Ethernet(), b, EthernetFrames.MinimumLength.CHECK));
                attempt(frame.bytes(), ArpPackets::parse);
                attempt(frame.bytes(), Ipv4::parse);
                attempt(frame.bytes(), Ipv4::parseUnverified);
                attempt(frame.bytes(), Ipv4Packet::parse);
                attempt(frame.bytes(), Ipv4Packet::parseUnverified);
            } catch (RuntimeException | AssertionError e) {
                fail(frame.name() + ": " + e, e);
            }
        }
        System.out.printf("robustness: %d frames, %d dissected, %d rejected with ParseException%n", frames.size(),
                parsed.get(), rejected.get());
        assertThat(parsed.get()).isGreaterThan(1000);
        assertThat(rejected.get()).isPositive();
    }

    interface Parse {
        Object parse(PacketBuffer buffer) throws ParseException;
    }

    private static void attempt(byte[] frame, Parse parser) {
        byte[] copy = frame.clone();
        PacketBuffer buffer = PacketBuffer.wrap(copy);
        try {
            parser.parse(buffer).toString();
        } catch (ParseException e) {
            assertThat(buffer.bodyStart()).as("body start after a failed parse").isZero();
            assertThat(buffer.bodyLength()).as("body length after a failed parse").isEqualTo(frame.length);
            assertThat(e.getMessage()).isNotEmpty();
        }
        assertThat(copy).as("parsing never writes").isEqualTo(frame);
    }
}
