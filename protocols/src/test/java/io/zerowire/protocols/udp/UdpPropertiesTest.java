package io.zerowire.protocols.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ip;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.testing.Corpus;
import io.zerowire.serialize.BufferProvider;
import io.zerowire.serialize.Serializer;
import java.util.Arrays;
import java.util.HexFormat;
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
import org.junit.jupiter.api.Test;

/**
 * Random valid datagrams built then parsed give back every field; random mutations of valid
 * datagrams, and every frame of every capture, either parse or give a typed ParseException that
 * leaves the buffer as it was; the builder writes the same bytes over 0x00 and 0xFF.
 */
class UdpPropertiesTest {

    /** A datagram built from a seed: its IP packet, its serializer and what was put in it. */
    record Built(TestIpPacket<?> ip, Serializer serializer, String fields) {
        byte[] bytes() {
            return serialize(serializer, null);
        }
    }

    static Built build(long seed) {
        Random r = new Random(seed);
        TestIpPacket<?> ip = r.nextBoolean()
                ? TestIpPacket.of(Ipv4Address.of(r.nextInt()), Ipv4Address.of(r.nextInt()), IpProtocol.UDP, 0)
                : TestIpPacket.of(Ipv6Address.of(r.nextLong(), r.nextLong()), Ipv6Address.of(r.nextLong(), r.nextLong()),
                        IpProtocol.UDP, 0);
        return build(r, ip);
    }

    private static <I extends Ip> Built build(Random r, TestIpPacket<I> ip) {
        int source = r.nextInt(0x10000);
        int destination = r.nextInt(0x10000);
        byte[] payload = new byte[r.nextInt(4) == 0 ? 0 : r.nextInt(200)];
        r.nextBytes(payload);
        UdpBuilder udp = new UdpBuilder().sourcePort(source).destinationPort(destination)
                .addresses(ip.source(), ip.pseudoHeaderDestination());
        boolean none = ip.version().versionNumber() == 4 && r.nextInt(5) == 0;
        if (none) {
            udp.checksum(0);
        }
        return new Built(ip, Serializer.of(payload).encapsulate(udp), describe(source, destination, payload, none));
    }

    static String describe(int source, int destination, byte[] payload, boolean noChecksum) {
        return source + ">" + destination + " " + HexFormat.of().formatHex(payload) + (noChecksum ? " none" : "");
    }

    @Property(tries = 2000)
    void builtThenParsedGivesEveryFieldBack(@ForAll long seed) throws Exception {
        Built built = build(seed);
        byte[] bytes = built.bytes();
        PacketBuffer buffer = PacketBuffer.wrap(bytes);
        UdpParser parser = new UdpParser();
        UdpLayout<?> udp = parser.wrap(buffer, built.ip());
        assertThat(udp.length()).isEqualTo(bytes.length);
        // A computed zero goes out as 0xFFFF: zero on the wire is only "no checksum".
        assertThat(udp.checksum() != 0).isEqualTo(parser.hasChecksum());
        assertThat(describe(udp.sourcePort(), udp.destinationPort(), buffer.toByteArray(), !parser.hasChecksum()))
                .isEqualTo(built.fields());
        assertThat(parser.checksumValid()).isTrue();
    }

    /** A valid datagram with some bytes changed, maybe cut short or lengthened. */
    record Mutated(TestIpPacket<?> ip, byte[] bytes) {}

    @Provide
    Arbitrary<Mutated> mutated() {
        Arbitrary<Built> base = Arbitraries.longs().map(UdpPropertiesTest::build);
        return Combinators.combine(base, Arbitraries.integers().between(0, 40).list().ofMaxSize(4),
                Arbitraries.bytes().list().ofSize(4), Arbitraries.integers().between(0, 260)).as((b, at, values, size) -> {
                    byte[] bytes = b.bytes();
                    for (int i = 0; i < at.size(); i++) {
                        // Bias to the header (the length field most), then the payload.
                        int index = at.get(i) < 24 ? 4 + at.get(i) % 4 : at.get(i) - 24;
                        if (index < bytes.length) {
                            bytes[index] = values.get(i);
                        }
                    }
                    return new Mutated(b.ip(), Arrays.copyOf(bytes, size < 130 ? bytes.length : size - 130));
                });
    }

    @Property(tries = 3000)
    void mutatedDatagramsParseOrFailTyped(@ForAll("mutated") Mutated m) {
        Statistics.label("outcome").collect(attempt(m.bytes(), m.ip()) ? "parsed" : "refused");
        Statistics.label("outcome").coverage(c -> {
            c.check("parsed").percentage(p -> p > 10);
            c.check("refused").percentage(p -> p > 10);
        });
    }

    @Test
    void everyFrameOfEveryCaptureParsesOrFailsTyped() throws Exception {
        int parsed = 0;
        List<Corpus.Frame> frames = Corpus.allFrames();
        for (Corpus.Frame frame : frames) {
            IpFrames.Located located = IpFrames.locate(frame);
            if (located.ip() != null) {
                // Whatever the IP packet carries, read its payload as UDP: hostile bytes for the parser.
                parsed += attempt(located.buffer().toByteArray(), located.ip().withProtocol(IpProtocol.UDP)) ? 1 : 0;
            }
            attempt(frame.bytes(), TestIpPacket.of(Ipv4Address.of(1), Ipv4Address.of(2), IpProtocol.UDP, 0));
            attempt(frame.bytes(), TestIpPacket.of(Ipv6Address.of(0, 1), Ipv6Address.of(0, 2), IpProtocol.UDP, 0));
        }
        System.out.printf("udp robustness: %d frames, %d IP payloads parse as UDP%n", frames.size(), parsed);
        assertThat(parsed).isGreaterThan(500);
    }

    /** Parses {@code bytes} verified and unverified; true if it parsed unverified. */
    private static boolean attempt(byte[] bytes, TestIpPacket<?> ip) {
        boolean parsed = false;
        for (boolean verify : new boolean[] {true, false}) {
            byte[] copy = bytes.clone();
            PacketBuffer buffer = PacketBuffer.wrap(copy);
            UdpParser parser = new UdpParser();
            try {
                UdpLayout<?> udp = verify ? parser.wrap(buffer, ip) : parser.wrapUnverified(buffer, ip);
                parsed = !verify;
                assertThat(udp + " " + parser.hasChecksum() + parser.checksumValid() + parser.parseMetadata()
                        + parser.bodyOffset()).isNotEmpty();
                assertThat(buffer.remaining()).isEqualTo(parser.bodyLength());
            } catch (ParseException e) {
                assertThat(buffer.bodyStart()).as("body start after a failed parse").isZero();
                assertThat(buffer.bodyLength()).as("body length after a failed parse").isEqualTo(bytes.length);
                assertThat(e.getMessage()).isNotEmpty();
            } catch (RuntimeException e) {
                fail("not a ParseException on " + HexFormat.of().formatHex(bytes) + ": " + e, e);
            }
            assertThat(copy).as("parsing never writes").isEqualTo(bytes);
        }
        return parsed;
    }

    @Property(tries = 1000)
    void zerosAndOnesGiveTheSameBytes(@ForAll long seed, @ForAll @IntRange(max = 64) int slack) {
        Built built = build(seed);
        byte[] fresh = built.bytes();
        byte[] overZeros = serialize(built.serializer(), new byte[fresh.length + slack]);
        byte[] ones = new byte[fresh.length + slack];
        Arrays.fill(ones, (byte) 0xFF);
        byte[] overOnes = serialize(built.serializer(), ones);
        assertThat(overZeros).isEqualTo(fresh);
        assertThat(overOnes).isEqualTo(fresh);
    }

    static byte[] serialize(Serializer serializer, byte[] scratch) {
        try {
            return (scratch == null ? serializer.serialize()
                    : serializer.serialize(BufferProvider.into(PacketBuffer.wrap(scratch)))).toByteArray();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
