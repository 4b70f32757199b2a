package io.zerowire.pcap;

import io.zerowire.pcap.testing.TestEnvironment;
import io.zerowire.pcap.testing.TrickleInputStream;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Random mutations and truncations of valid captures never raise anything but
 * {@link CaptureFormatException}, never deliver a record outside the input, and the memory-mapped
 * reader (with a tiny window that refills constantly) agrees with the array reader.
 */
class CaptureMutationTest {
    private static final CaptureLimits SMALL = new CaptureLimits(4096, 8192, 16);

    /** A valid capture of a random shape, from a seed. */
    static byte[] capture(long seed) {
        Random random = new Random(seed);
        int kind = random.nextInt(3);
        boolean big = random.nextBoolean();
        CaptureBytes file = big ? CaptureBytes.bigEndian() : CaptureBytes.littleEndian();
        int records = random.nextInt(8);
        if (kind == 0) {
            file.pcapHeader(random.nextBoolean(), 65535, random.nextInt(300));
            for (int i = 0; i < records; i++) {
                int length = random.nextInt(200);
                file.pcapRecord(random.nextInt(), random.nextInt(1_000_000), CaptureBytes.packet(length, i),
                        length + random.nextInt(3));
            }
            return file.bytes();
        }
        file.shb();
        int interfaces = 1 + random.nextInt(3);
        for (int i = 0; i < interfaces; i++) {
            int resolution = random.nextInt(4);
            byte[] options = resolution == 0 ? new byte[0] : file.tsresol(resolution == 1 ? 9 : resolution == 2 ? 3 : 0x80 | 10);
            file.idb(random.nextInt(300), random.nextInt(3) == 0 ? 0 : 64 + random.nextInt(100), options);
        }
        for (int i = 0; i < records; i++) {
            int length = random.nextInt(200);
            byte[] data = CaptureBytes.packet(length, i);
            switch (random.nextInt(6)) {
                case 0:
                    file.spb(length, data);
                    break;
                case 1:
                    file.pb(random.nextInt(interfaces), random.nextLong() >>> 1, data, length);
                    break;
                case 2:
                    file.nrb().isb(0).custom();
                    break;
                case 3:
                    file.epb(random.nextInt(interfaces), random.nextLong() >>> 1, data, length,
                            file.body().option(1, new byte[random.nextInt(9)]).endOfOptions().bytes());
                    break;
                case 4:
                    file.order(big = !big).shb().idb(1, 0);
                    interfaces = 1;
                    break;
                default:
                    file.epb(random.nextInt(interfaces), random.nextLong() >>> 1, data, length + random.nextInt(5));
                    break;
            }
        }
        return file.bytes();
    }

    /** What reading gave: records (with their lengths and offsets) and the error's offset, or -1. */
    record Outcome(List<String> records, long errorOffset, String error) {}

    /** Opens a reader. */
    interface Opener {
        CaptureReader open() throws java.io.IOException, CaptureFormatException;
    }

    static Outcome read(Opener opener) {
        List<String> records = new java.util.ArrayList<>();
        try (CaptureReader reader = opener.open()) {
            Record record = new Record();
            while (reader.next(record)) {
                var packet = record.packet();
                assertThat(packet.bodyStart()).isGreaterThanOrEqualTo(0);
                assertThat(packet.bodyEnd()).isLessThanOrEqualTo(packet.array().length);
                assertThat(packet.bodyLength()).isEqualTo(record.capturedLength());
                assertThat(record.capturedLength()).isLessThanOrEqualTo(reader.limits().maxPacketLength());
                assertThat(record.nanos()).isBetween(0, 999_999_999);
                // A stream's size is known only once it has ended (-1 until then).
                assertThat(record.fileOffset()).isLessThan(reader.size() < 0 ? Long.MAX_VALUE : reader.size());
                var options = record.options(); // rewound on every call: take it once
                while (options.next()) {
                    assertThat(options.valueLength()).isGreaterThanOrEqualTo(0);
                    assertThat(options.valueOffset() + options.valueLength()).isLessThanOrEqualTo(options.end());
                }
                records.add(record.fileOffset() + ":" + record.capturedLength() + ":" + record.originalLength() + ":"
                        + record.timestampNanos() + ":" + record.linkType().value() + ":"
                        + Arrays.hashCode(packet.toByteArray()));
            }
            return new Outcome(records, -1, null);
        } catch (CaptureFormatException e) {
            assertThat(e.recordsDelivered()).isEqualTo(records.size());
            assertThat(e.fileOffset()).isGreaterThanOrEqualTo(0);
            return new Outcome(records, e.fileOffset(), e.getMessage());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<byte[]> mutatedCaptures() {
        Arbitrary<Long> seeds = Arbitraries.longs();
        Arbitrary<int[]> positions = Arbitraries.integers().between(0, Integer.MAX_VALUE).withoutEdgeCases()
                .array(int[].class).ofMaxSize(6);
        Arbitrary<Integer> cut = Arbitraries.integers().between(0, 100).withoutEdgeCases();
        return Combinators.combine(seeds, positions, cut).as((seed, changes, keepPercent) -> {
            byte[] bytes = capture(seed);
            Random random = new Random(seed ^ 0x5DEECE66DL);
            for (int change : changes) {
                if (bytes.length > 0) {
                    // Mostly past the magic number, which would end most files at once.
                    int at = bytes.length > 8 && random.nextInt(8) != 0 ? 4 + change % (bytes.length - 4)
                            : change % bytes.length;
                    bytes[at] = random.nextInt(4) == 0 ? (byte) 0xFF : (byte) random.nextInt(256);
                }
            }
            int keep = keepPercent >= 70 ? bytes.length : bytes.length * keepPercent / 70;
            return Arrays.copyOf(bytes, keep);
        });
    }

    @Property(tries = 1500)
    void mutationsOnlyEverRaiseTheTypedError(@ForAll("mutatedCaptures") byte[] bytes) {
        Outcome outcome = read(() -> CaptureReader.of(bytes));
        Statistics.label("outcome").collect(outcome.error() == null ? "read to the end"
                : outcome.error().substring(0, outcome.error().indexOf(" at file offset")));
        read(() -> CaptureReader.of(bytes, 0, bytes.length, SMALL));
    }

    @Property(tries = 200)
    void theMappedReaderAgreesWithTheArrayReader(@ForAll("mutatedCaptures") byte[] bytes,
            @ForAll @IntRange(min = 1, max = 300) int window, @ForAll @IntRange(min = 1, max = 700) int segment)
            throws Exception {
        Path file = Files.createTempFile("mutated", ".cap");
        try {
            Files.write(file, bytes);
            Outcome array = read(() -> CaptureReader.of(bytes, 0, bytes.length, SMALL));
            Outcome mapped = read(() -> CaptureReader.open(file, SMALL, window, segment));
            assertThat(mapped).isEqualTo(array);
        } finally {
            Files.delete(file);
        }
    }

    @Property(tries = 300)
    void theStreamReaderAgreesWithTheArrayReader(@ForAll("mutatedCaptures") byte[] bytes,
            @ForAll @IntRange(min = 1, max = 300) int window, @ForAll @IntRange(min = 1, max = 64) int chunk) {
        Outcome array = read(() -> CaptureReader.of(bytes, 0, bytes.length, SMALL));
        Outcome stream = read(() -> CaptureReader.read(new TrickleInputStream(bytes, chunk), SMALL, window));
        assertThat(stream).isEqualTo(array);
    }

    @Property(tries = 300)
    void validCapturesReadToTheirEnd(@ForAll long seed) {
        byte[] bytes = capture(seed);
        Outcome outcome = read(() -> CaptureReader.of(bytes));
        assertThat(outcome.error()).isNull();
    }

    @Property(tries = 100)
    void mutatedRealCapturesOnlyEverRaiseTheTypedError(@ForAll @IntRange(min = 0, max = 10_000) int pick,
            @ForAll("flips") int[] flips, @ForAll @IntRange(min = 0, max = 100) int keepPercent) throws Exception {
        Path root = TestEnvironment.capturesDirectory();
        if (root == null) {
            return; // CaptureCorpusTest reports the missing directory
        }
        List<Path> files = TestEnvironment.captures("tcpdump", "kernel");
        byte[] bytes = Files.readAllBytes(files.get(pick % files.size()));
        Random random = new Random(pick);
        for (int flip : flips) {
            bytes[flip % bytes.length] = (byte) random.nextInt(256);
        }
        byte[] cut = Arrays.copyOf(bytes, keepPercent >= 50 ? bytes.length : bytes.length * keepPercent / 50);
        read(() -> CaptureReader.of(cut));
    }

    @Provide
    Arbitrary<int[]> flips() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE).array(int[].class).ofMaxSize(10);
    }
}
