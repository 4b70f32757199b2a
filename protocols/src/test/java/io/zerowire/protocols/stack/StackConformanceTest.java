package io.zerowire.protocols.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.protocols.framing.Framing;
import io.zerowire.protocols.testing.Corpus;
import io.zerowire.protocols.testing.Tshark;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The whole stack against every frame of every capture (the fuzzer-found {@code *oobr*},
 * {@code *asan*} and {@code *heapoverflow*} ones included): dissection never lets anything but a
 * typed parse error out, never writes to the frame, leaves every parsed layer fully readable, and
 * gives the same checksum verdict as tshark for every layer that carries one.
 */
class StackConformanceTest {
    /** tshark's verdict field for each layer's checksum: 1 good, 0 bad, 2 not verified. */
    private static final Map<Layer, String> TSHARK_STATUS = new EnumMap<>(Map.of(
            Layer.IPV4, "ip.checksum.status",
            Layer.ICMP, "icmp.checksum.status",
            Layer.ICMPV6, "icmpv6.checksum.status",
            Layer.IGMP, "igmp.checksum.status",
            Layer.UDP, "udp.checksum.status",
            Layer.TCP, "tcp.checksum.status"));

    @Test
    void everyFrameAndEveryMutationDissectsOrStopsAtATypedError() throws Exception {
        Dissector d = new Dissector();
        Random random = new Random(0x5eed);
        int frames = 0;
        int stopped = 0;
        int mutants = 0;
        for (Corpus.Frame frame : Corpus.allFrames()) {
            Framing framing = Framing.ofLinkType(frame.linkType().value());
            if (framing == null) {
                continue;
            }
            frames++;
            if (dissectAndTouch(d, framing, frame.bytes(), frame.name()) != null) {
                stopped++;
            }
            for (int m = 0; m < 8; m++) {
                byte[] mutant = mutate(frame.bytes(), random);
                dissectAndTouch(d, framing, mutant, frame.name() + " mutant " + m);
                mutants++;
            }
        }
        System.out.printf("stack robustness: %d frames (%d stopped at a typed error), %d mutants%n", frames, stopped,
                mutants);
        assertThat(frames).isGreaterThan(4000);
        assertThat(stopped).isPositive();
    }

    /** Dissects a copy of {@code bytes}; returns the error or null; fails on anything else. */
    private static Object dissectAndTouch(Dissector d, Framing framing, byte[] bytes, String name) {
        byte[] copy = bytes.clone();
        try {
            d.dissect(framing, PacketBuffer.wrap(copy));
            StringBuilder text = new StringBuilder();
            for (Layer layer : d.layers()) {
                text.append(Views.describe(d, layer));
            }
            if (d.error() != null) {
                text.append(d.error().getMessage()).append(d.failedLayer());
            }
        } catch (RuntimeException | AssertionError e) {
            fail(name + ": " + e, e);
        }
        assertThat(copy).as("%s: dissection never writes to the frame", name).isEqualTo(bytes);
        return d.error();
    }

    private static byte[] mutate(byte[] frame, Random random) {
        byte[] mutant;
        switch (random.nextInt(4)) {
            case 0:
                mutant = Arrays.copyOf(frame, frame.length == 0 ? 0 : random.nextInt(frame.length));
                break;
            case 1:
                mutant = frame.clone();
                for (int i = 0; i < 1 + random.nextInt(4) && mutant.length > 0; i++) {
                    mutant[random.nextInt(mutant.length)] = (byte) random.nextInt(256);
                }
                break;
            case 2:
                mutant = frame.clone();
                if (mutant.length > 0) {
                    int at = random.nextInt(mutant.length);
                    mutant[at] = (byte) (random.nextBoolean() ? 0 : 0xFF);
                }
                break;
            default:
                mutant = Arrays.copyOf(frame, frame.length + 1 + random.nextInt(64));
                random.nextBytes(Arrays.copyOfRange(mutant, frame.length, mutant.length));
        }
        return mutant;
    }

    @Test
    void checksumVerdictsAgreeWithTshark() throws Exception {
        Dissector d = new Dissector();
        Map<Layer, int[]> compared = new EnumMap<>(Layer.class);
        List<String> disagreements = new ArrayList<>();
        for (Corpus.Capture capture : Corpus.captures()) {
            Map<Integer, Tshark.Packet> tshark = null;
            for (Corpus.Frame frame : capture.frames()) {
                Framing framing = Framing.ofLinkType(frame.linkType().value());
                if (framing == null) {
                    continue;
                }
                d.dissect(framing, PacketBuffer.wrap(frame.bytes().clone()));
                for (Map.Entry<Layer, String> e : TSHARK_STATUS.entrySet()) {
                    Layer layer = e.getKey();
                    if (!d.has(layer)) {
                        continue;
                    }
                    if (tshark == null) {
                        tshark = Tshark.dissect(capture.file());
                    }
                    Tshark.Packet t = tshark.get(frame.number());
                    String status = t == null ? null : t.first(e.getValue());
                    if (status == null && layer == Layer.IGMP && t != null) {
                        status = t.first("dvmrp.checksum.status");   // tshark names DVMRP's IGMP messages apart
                    }
                    String ours = d.checksumChecked(layer) ? (d.checksumBad(layer) ? "0" : "1")
                            : layer == Layer.UDP ? "3" : "2";   // 3: tshark's "not present", a zero UDP checksum over IPv4
                    int[] counts = compared.computeIfAbsent(layer, k -> new int[4]);
                    counts[Integer.parseInt(ours)]++;
                    if (!ours.equals(status == null ? "2" : status)) {
                        disagreements.add(frame.name() + " " + layer + ": tshark " + status + ", ours " + ours);
                    }
                }
            }
        }
        compared.forEach((layer, c) -> System.out.printf("checksum verdicts %s: %d bad, %d good, %d unverified, %d absent%n",
                layer, c[0], c[1], c[2], c[3]));
        assertThat(disagreements).isEmpty();
        assertThat(compared.get(Layer.IPV4)[0]).as("bad IPv4 checksums seen").isPositive();
        assertThat(compared.get(Layer.IPV4)[1]).as("good IPv4 checksums seen").isGreaterThan(1000);
        for (Layer layer : TSHARK_STATUS.keySet()) {
            assertThat(compared.get(layer)[1]).as("good %s checksums seen", layer).isPositive();
        }
        assertThat(compared.get(Layer.TCP)[0]).as("bad TCP checksums seen").isPositive();
        assertThat(compared.get(Layer.UDP)[0]).as("bad UDP checksums seen").isPositive();
    }
}
