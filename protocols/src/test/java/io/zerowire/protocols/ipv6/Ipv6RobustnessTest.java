package io.zerowire.protocols.ipv6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.options.OptionsIterator;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.ip.ParameterProblemException;
import io.zerowire.protocols.testing.Corpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * Hostile bytes: every frame of every capture (the fuzzer-found {@code *oobr*}, {@code *asan*} and
 * {@code *heapoverflow*} ones included), tried as IPv6 from its IPv6 header and from each of its
 * first 64 bytes, and mutations of real and generated IPv6 packets, either parse or throw a
 * {@link ParseException}. A failed parse leaves the buffer and the view as they were; parsing
 * never writes; after a successful parse every accessor and reader works and undo restores the
 * buffer.
 */
class Ipv6RobustnessTest {
    private final Ipv6Packet ip = new Ipv6Packet();

    @Test
    void everyFrameAtEveryStartParsesOrGivesAParseException() throws Exception {
        int parsed = 0;
        int rejected = 0;
        int problems = 0;
        for (Corpus.Frame frame : Corpus.allFrames()) {
            byte[] bytes = frame.bytes();
            Ipv6Frames.Located located = Ipv6Frames.locate(frame);
            List<Integer> starts = new ArrayList<>();
            if (located != null) {
                starts.add(located.offset());
            }
            for (int start = 0; start <= Math.min(64, bytes.length); start++) {
                starts.add(start);
            }
            for (int start : starts) {
                try {
                    switch (attempt(bytes, start, false)) {
                        case 0 -> parsed++;
                        case 1 -> rejected++;
                        default -> problems++;
                    }
                    attempt(bytes, start, true);
                } catch (RuntimeException | AssertionError e) {
                    fail(frame.name() + " from byte " + start + ": " + e, e);
                }
            }
        }
        System.out.printf("ipv6 robustness: %d parsed, %d rejected (%d of them parameter problems)%n", parsed,
                rejected + problems, problems);
        assertThat(parsed).isGreaterThan(250);
        assertThat(rejected).isGreaterThan(10_000);
        assertThat(problems).isGreaterThan(20);
    }

    /**
     * Parses {@code bytes} from {@code start}, as a packet or as a quote: 0 parsed, 1 rejected, 2
     * rejected with a parameter problem.
     */
    private int attempt(byte[] bytes, int start, boolean quoted) {
        byte[] copy = bytes.clone();
        PacketBuffer buffer = PacketBuffer.wrap(copy).shrinkFront(start);
        String before = beforeState();
        int outcome;
        try {
            if (quoted) {
                ip.wrapQuoted(buffer);
            } else {
                ip.wrap(buffer);
            }
            touchEverything(ip);
            assertThat(buffer.bodyStart()).isEqualTo(ip.payloadOffset());
            assertThat(buffer.bodyLength()).isEqualTo(ip.payloadLength());
            ip.undoParse(buffer);
            assertThat(buffer.bodyStart()).isEqualTo(start);
            outcome = 0;
        } catch (ParseException e) {
            assertThat(buffer.bodyStart()).as("body start after a failed parse").isEqualTo(start);
            assertThat(buffer.bodyEnd()).as("body end after a failed parse").isEqualTo(bytes.length);
            assertThat(e.getMessage()).isNotEmpty();
            assertThat(e.offset()).isBetween(start, bytes.length);
            assertThat(beforeState()).as("the view after a failed parse").isEqualTo(before);
            if (e instanceof ParameterProblemException p) {
                assertThat(quoted).as("a quote raises no parameter problem").isFalse();
                assertThat(p.pointer()).isEqualTo(e.offset() - start);
                assertThat(p.code()).isBetween(0, 2);
                outcome = 2;
            } else {
                outcome = 1;
            }
        }
        assertThat(copy).as("parsing never writes").isEqualTo(bytes);
        return outcome;
    }

    private String beforeState() {
        return ip.array() == null ? "" : ip.toString();
    }

    /** Every accessor and reader a consumer may call after a successful parse. */
    static String touchEverything(Ipv6Packet ip) {
        StringBuilder text = new StringBuilder(ip.toString());
        text.append(ip.source()).append(ip.destination()).append(ip.pseudoHeaderDestination())
                .append(ip.transportProtocol()).append(ip.hopLimit()).append(ip.isFragment()).append(ip.headerLength())
                .append(ip.payloadLength()).append(ip.version()).append(ip.routerAlert()).append(ip.jumboPayloadLength())
                .append(ip.parseMetadata());
        for (int i = 0; i < ip.extensionHeaderCount(); i++) {
            text.append(ip.extensionHeaderType(i)).append(ip.extensionHeaderOffset(i)).append(ip.extensionHeaderLength(i));
        }
        if (ip.hopByHopOptions() != null) {
            text.append(ip.hopByHopOptions());
            options(ip.hopByHopOptions().options(), text);
        }
        if (ip.destinationOptions() != null) {
            text.append(ip.destinationOptions());
            options(ip.destinationOptions().options(), text);
        }
        if (ip.routingHeader() != null) {
            text.append(ip.routingHeader()).append(RoutingHeaders.dataLength(ip.routingHeader()));
        }
        if (ip.type0RoutingHeader() != null) {
            for (int i = 0; i < RoutingHeaders.type0AddressCount(ip.type0RoutingHeader()); i++) {
                text.append(RoutingHeaders.type0Address(ip.type0RoutingHeader(), i));
            }
        }
        if (ip.segmentRoutingHeader() != null) {
            SegmentRoutingHeader srh = ip.segmentRoutingHeader();
            text.append(srh);
            for (int i = 0; i < RoutingHeaders.segmentCount(srh); i++) {
                text.append(RoutingHeaders.segment(srh, i));
            }
            text.append(RoutingHeaders.segmentRoutingTlvStart(srh))
                    .append(RoutingHeaders.segmentRoutingTlvs(srh, new OptionsIterator()));
        }
        options(ip.segmentRoutingTlvs(), text);
        if (ip.fragmentHeader() != null) {
            text.append(ip.fragmentHeader()).append(FragmentHeaderLayout.fragmentOffsetBytes(ip.fragmentHeader()));
        }
        return text.toString();
    }

    private static void options(OptionsIterator it, StringBuilder text) {
        while (it.next()) {
            text.append(it.kind()).append(it.valueLength()).append(Ipv6Options.routerAlert(it))
                    .append(Ipv6Options.jumboPayloadLength(it)).append(Ipv6Options.action(it.kind()))
                    .append(Ipv6Options.mayChange(it.kind()));
        }
    }

    // --- mutations --------------------------------------------------------------------------

    private static List<byte[]> seeds;

    /** IPv6 packets of the captures, and generated ones with longer chains. */
    private static synchronized List<byte[]> seeds() {
        if (seeds == null) {
            List<byte[]> result = new ArrayList<>();
            try {
                for (Ipv6Frames.Located l : Ipv6Frames.all()) {
                    if (l.available() < 2000) {
                        result.add(Arrays.copyOfRange(l.frame().bytes(), l.offset(), l.frame().bytes().length));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Random r = new Random(8200);
            for (int i = 0; i < 300; i++) {
                try {
                    result.add(ChainSpec.random(r).layered().serialize().toByteArray());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            seeds = List.copyOf(result);
        }
        return seeds;
    }

    /** One edit: a position in the first 200 bytes (wrapped to the packet) and a new byte value. */
    record Edit(int position, byte value) {}

    @Provide
    Arbitrary<byte[]> mutants() {
        Arbitrary<Integer> seed = Arbitraries.integers().between(0, seeds().size() - 1);
        Arbitrary<Byte> small = Arbitraries.integers().between(0, 8).map(Integer::byteValue);
        Arbitrary<Byte> value = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.bytes()), Tuple.of(1, small));
        Arbitrary<List<Edit>> edits = Combinators.combine(Arbitraries.integers().between(0, 199), value).as(Edit::new)
                .list().ofMinSize(1).ofMaxSize(6);
        Arbitrary<Integer> cut = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(0)),
                Tuple.of(1, Arbitraries.integers().between(-64, 16)));
        return Combinators.combine(seed, edits, cut).as((index, list, delta) -> {
            byte[] packet = seeds().get(index);
            byte[] mutant = Arrays.copyOf(packet, Math.max(0, packet.length + delta));
            for (Edit edit : list) {
                if (mutant.length > 0) {
                    mutant[edit.position() % mutant.length] = edit.value();
                }
            }
            return mutant;
        });
    }

    @Property(tries = 20_000)
    void mutatedPacketsParseOrGiveAParseException(@ForAll("mutants") byte[] packet) {
        attempt(packet, 0, true);
        int outcome = attempt(packet, 0, false);
        Statistics.label("outcome").collect(outcome == 0 ? "parsed" : outcome == 1 ? "rejected" : "parameter problem");
        Statistics.label("outcome").coverage(c -> {
            c.check("parsed").percentage(p -> p > 5);
            c.check("parameter problem").percentage(p -> p > 0.3);
        });
    }
}
