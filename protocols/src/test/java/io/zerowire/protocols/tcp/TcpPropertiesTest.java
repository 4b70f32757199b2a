package io.zerowire.protocols.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ip;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.options.OptionsIterator;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.testing.Corpus;
import io.zerowire.protocols.udp.IpFrames;
import io.zerowire.protocols.udp.TestIpPacket;
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
 * Random valid segments built then parsed give back every field and option; random mutations of
 * valid segments, and every frame of every capture, either parse or give a typed ParseException
 * that leaves the buffer as it was; the builders write the same bytes over 0x00 and 0xFF.
 */
class TcpPropertiesTest {

    /** A segment built from a seed, with the description of what was put in it. */
    record Built(TestIpPacket<?> ip, Serializer serializer, String fields, String options) {
        byte[] bytes() {
            return serialize(serializer, null);
        }
    }

    static Built build(long seed) {
        Random r = new Random(seed);
        TestIpPacket<?> ip = r.nextBoolean()
                ? TestIpPacket.of(Ipv4Address.of(r.nextInt()), Ipv4Address.of(r.nextInt()), IpProtocol.TCP, 0)
                : TestIpPacket.of(Ipv6Address.of(r.nextLong(), r.nextLong()), Ipv6Address.of(r.nextLong(), r.nextLong()),
                        IpProtocol.TCP, 0);
        return build(r, ip);
    }

    private static <I extends Ip> Built build(Random r, TestIpPacket<I> ip) {
        TcpBuilder tcp = new TcpBuilder();
        int[] ports = {r.nextInt(0x10000), r.nextInt(0x10000)};
        long seq = r.nextLong() & 0xFFFF_FFFFL;
        long ack = r.nextLong() & 0xFFFF_FFFFL;
        int reserved = r.nextInt(8);
        int flags = r.nextInt(0x200);
        int window = r.nextInt(0x10000);
        int urgent = r.nextInt(0x10000);
        tcp.sourcePort(ports[0]).destinationPort(ports[1]).sequenceNumber(seq).acknowledgmentNumber(ack)
                .reserved(reserved).ae((flags & 0x100) != 0).cwr((flags & 0x80) != 0).ece((flags & 0x40) != 0)
                .urg((flags & 0x20) != 0).ack((flags & 0x10) != 0).psh((flags & 8) != 0).rst((flags & 4) != 0)
                .syn((flags & 2) != 0).fin((flags & 1) != 0).window(window).urgentPointer(urgent);
        StringBuilder options = new StringBuilder();
        tcp.options(randomOptions(r, options));
        byte[] data = new byte[r.nextInt(3) == 0 ? 0 : r.nextInt(100)];
        r.nextBytes(data);
        Serializer serializer = Serializer.of(data).encapsulate(tcp.addresses(ip.source(), ip.destination()));
        String fields = describe(ports[0], ports[1], seq, ack, reserved, flags, window, urgent, data.length);
        return new Built(ip, serializer, fields, options.toString());
    }

    /** Random options that fit 40 bytes, described as {@link #describe(OptionsIterator)} reads them back. */
    static TcpOptionsBuilder randomOptions(Random r, StringBuilder text) {
        TcpOptionsBuilder options = new TcpOptionsBuilder();
        for (int i = r.nextInt(7); i > 0; i--) {
            int room = 40 - options.encodedLength();
            switch (r.nextInt(8)) {
                case 0 -> {
                    if (room >= 1) {
                        options.nop();
                        text.append("nop;");
                    }
                }
                case 1 -> {
                    if (room >= 4) {
                        int mss = r.nextInt(0x10000);
                        options.mss(mss);
                        text.append("mss=").append(mss).append(';');
                    }
                }
                case 2 -> {
                    if (room >= 3) {
                        int shift = r.nextInt(256);
                        options.windowScale(shift);
                        text.append("ws=").append(shift).append(';');
                    }
                }
                case 3 -> {
                    if (room >= 2) {
                        options.sackPermitted();
                        text.append("sackok;");
                    }
                }
                case 4 -> {
                    int blocks = Math.min(1 + r.nextInt(4), (room - 2) / 8);
                    if (blocks >= 1) {
                        long[] edges = new long[2 * blocks];
                        text.append("sack=");
                        for (int e = 0; e < edges.length; e++) {
                            edges[e] = r.nextLong() & 0xFFFF_FFFFL;
                            text.append(edges[e]).append(e % 2 == 0 ? '-' : ',');
                        }
                        options.sack(edges);
                        text.append(';');
                    }
                }
                case 5 -> {
                    if (room >= 10) {
                        long value = r.nextLong() & 0xFFFF_FFFFL;
                        long echo = r.nextLong() & 0xFFFF_FFFFL;
                        options.timestamps(value, echo);
                        text.append("ts=").append(value).append('/').append(echo).append(';');
                    }
                }
                default -> {
                    // Any other kind raw, now and then a known kind of a length its RFC forbids.
                    int kind = r.nextInt(4) == 0 ? 2 + r.nextInt(7) : 9 + r.nextInt(247);
                    byte[] value = new byte[Math.max(0, Math.min(r.nextInt(12), room - 2))];
                    r.nextBytes(value);
                    if (room >= 2 && !(kind <= 8 && hasValidLength(kind, value.length))) {
                        options.option(kind, value);
                        text.append("raw").append(kind).append('=').append(HexFormat.of().formatHex(value)).append(';');
                    }
                }
            }
        }
        if (options.encodedLength() < 40 && r.nextInt(4) == 0) {
            options.endOfList();
            text.append("eol;");
        } else if (options.encodedLength() % 4 != 0) {
            text.append("eol;"); // the padding to a multiple of 4 starts with one
        }
        return options;
    }

    private static boolean hasValidLength(int kind, int valueLength) {
        return switch (kind) {
            case TcpOptions.MSS -> valueLength == 2;
            case TcpOptions.WINDOW_SCALE -> valueLength == 1;
            case TcpOptions.SACK_PERMITTED -> valueLength == 0;
            case TcpOptions.SACK -> valueLength > 0 && valueLength % 8 == 0;
            case TcpOptions.TIMESTAMPS -> valueLength == 8;
            default -> false;
        };
    }

    static String describe(int source, int destination, long seq, long ack, int reserved, int flags, int window,
            int urgent, int dataLength) {
        return source + ">" + destination + " seq=" + seq + " ack=" + ack + " res=" + reserved + " flags="
                + Integer.toBinaryString(flags) + " win=" + window + " urg=" + urgent + " data=" + dataLength;
    }

    /** The options as read back through the typed readers, in the form {@link #randomOptions} writes. */
    static String describe(OptionsIterator options) {
        StringBuilder text = new StringBuilder();
        while (options.next()) {
            int kind = options.kind();
            if (kind == TcpOptions.NOP) {
                text.append("nop;");
            } else if (TcpOptions.mss(options) >= 0) {
                text.append("mss=").append(TcpOptions.mss(options)).append(';');
            } else if (TcpOptions.windowScale(options) >= 0) {
                text.append("ws=").append(TcpOptions.windowScale(options)).append(';');
            } else if (TcpOptions.isSackPermitted(options)) {
                text.append("sackok;");
            } else if (TcpOptions.sackBlocks(options) > 0) {
                text.append("sack=");
                for (int i = 0; i < TcpOptions.sackBlocks(options); i++) {
                    text.append(TcpOptions.sackLeft(options, i)).append('-').append(TcpOptions.sackRight(options, i))
                            .append(',');
                }
                text.append(';');
            } else if (TcpOptions.isTimestamps(options)) {
                text.append("ts=").append(TcpOptions.timestampValue(options)).append('/')
                        .append(TcpOptions.timestampEchoReply(options)).append(';');
            } else {
                text.append("raw").append(kind).append('=').append(HexFormat.of().formatHex(options.array(),
                        options.valueOffset(), options.valueOffset() + options.valueLength())).append(';');
            }
        }
        if (options.hasEndOfList()) {
            text.append("eol;");
        }
        return text.toString();
    }

    @Property(tries = 2000)
    void builtThenParsedGivesEveryFieldBack(@ForAll long seed) throws Exception {
        Built built = build(seed);
        PacketBuffer buffer = PacketBuffer.wrap(built.bytes().clone());
        TcpParser parser = new TcpParser();
        TcpLayout<?> tcp = parser.wrap(buffer, built.ip());
        int flags = (tcp.ae() ? 0x100 : 0) | (tcp.cwr() ? 0x80 : 0) | (tcp.ece() ? 0x40 : 0) | (tcp.urg() ? 0x20 : 0)
                | (tcp.ack() ? 0x10 : 0) | (tcp.psh() ? 8 : 0) | (tcp.rst() ? 4 : 0) | (tcp.syn() ? 2 : 0)
                | (tcp.fin() ? 1 : 0);
        assertThat(describe(tcp.sourcePort(), tcp.destinationPort(), tcp.sequenceNumber(), tcp.acknowledgmentNumber(),
                tcp.reserved(), flags, tcp.window(), tcp.urgentPointer(), buffer.remaining())).isEqualTo(built.fields());
        assertThat(describe(tcp.options())).isEqualTo(built.options());
        assertThat(parser.checksumValid()).isTrue();
        assertThat(parser.headerLength() % 4).isZero();
    }

    /** A valid segment (built, or a real one from the captures) with some bytes changed and maybe cut short. */
    record Mutated(TestIpPacket<?> ip, byte[] bytes) {}

    @Provide
    Arbitrary<Mutated> mutated() {
        Arbitrary<Built> base = Arbitraries.longs().map(TcpPropertiesTest::build);
        return Combinators.combine(base, Arbitraries.integers().between(0, 79).list().ofMaxSize(6),
                Arbitraries.bytes().list().ofSize(6), Arbitraries.integers().between(0, 200)).as((b, at, values, cut) -> {
                    byte[] bytes = b.bytes().clone();
                    for (int i = 0; i < at.size(); i++) {
                        // Bias to the header: the data offset byte and the options are where parsing decides.
                        int index = at.get(i) < 20 ? 12 : at.get(i) - 20;
                        if (index < bytes.length) {
                            bytes[index] = values.get(i);
                        }
                    }
                    return new Mutated(b.ip(), Arrays.copyOf(bytes, Math.min(bytes.length, cut)));
                });
    }

    @Property(tries = 3000)
    void mutatedSegmentsParseOrFailTyped(@ForAll("mutated") Mutated m) {
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
                // Whatever the IP packet carries, read its payload as TCP: hostile bytes for the parser.
                byte[] payload = located.buffer().toByteArray();
                parsed += attempt(payload, located.ip().withProtocol(IpProtocol.TCP)) ? 1 : 0;
            }
            // And the frame's own bytes from its first byte, over both versions.
            attempt(frame.bytes(), TestIpPacket.of(Ipv4Address.of(1), Ipv4Address.of(2), IpProtocol.TCP, 0));
            attempt(frame.bytes(), TestIpPacket.of(Ipv6Address.of(0, 1), Ipv6Address.of(0, 2), IpProtocol.TCP, 0));
        }
        System.out.printf("tcp robustness: %d frames, %d IP payloads parse as TCP%n", frames.size(), parsed);
        assertThat(parsed).isGreaterThan(400);
    }

    /** Parses {@code bytes} verified and unverified; true if it parsed unverified. */
    private static boolean attempt(byte[] bytes, TestIpPacket<?> ip) {
        boolean parsed = false;
        for (boolean verify : new boolean[] {true, false}) {
            byte[] copy = bytes.clone();
            PacketBuffer buffer = PacketBuffer.wrap(copy);
            TcpParser parser = new TcpParser();
            try {
                TcpLayout<?> tcp = verify ? parser.wrap(buffer, ip) : parser.wrapUnverified(buffer, ip);
                parsed = !verify;
                touchEverything(parser, tcp);
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

    private static void touchEverything(TcpParser parser, TcpLayout<?> tcp) {
        String text = tcp + describe(tcp.options()) + parser.checksumValid() + parser.parseMetadata()
                + TcpRoundTripTest.copy(tcp.options()).encodedLength();
        OptionsIterator options = parser.options();
        while (options.next()) {
            text += TcpOptions.hasBadLength(options);
        }
        assertThat(text).isNotEmpty();
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

    private static byte[] serialize(Serializer serializer, byte[] scratch) {
        try {
            return (scratch == null ? serializer.serialize() : serializer.serialize(BufferProvider.into(
                    PacketBuffer.wrap(scratch)))).toByteArray();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
