package io.zerowire.protocols.ipv4;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.checksum.InternetChecksum;
import io.zerowire.options.OptionsIterator;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.ip.ParameterProblemException;
import io.zerowire.protocols.testing.Corpus;
import io.zerowire.serialize.Serializer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Hostile bytes: IPv4 packets with options, mutated (bytes changed, header and option bytes set
 * to edge values, cut short, extended), either parse or throw a {@link ParseException}; a failed
 * parse leaves the buffer and the view as they were; parsing never writes; after a successful
 * parse every accessor and every typed option reader works, and rebuilding the parsed header with
 * the builders gives its bytes back up to the end of the option list (the checksum recomputed; a
 * region padded further than to the next 4-byte boundary after its EOL comes back padded to it).
 */
class Ipv4RobustnessTest {
    private static final List<byte[]> BASES = bases();

    private static List<byte[]> bases() {
        List<byte[]> bases = new ArrayList<>();
        Random r = new Random(1122);
        List<Consumer<Ipv4OptionsBuilder>> all = new ArrayList<>(Ipv4Samples.catalogue());
        all.addAll(Ipv4Samples.oddShapes());
        try {
            for (Consumer<Ipv4OptionsBuilder> c : all) {
                Ipv4OptionsBuilder o = new Ipv4OptionsBuilder();
                c.accept(o);
                bases.add(Serializer.of(new byte[r.nextInt(16)]).encapsulate(Ipv4Samples.randomHeader(r, o, false))
                        .serialize().toByteArray());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return bases;
    }

    @Provide
    Arbitrary<byte[]> mutatedPackets() {
        return Combinators.combine(Arbitraries.integers().between(0, BASES.size() - 1), Arbitraries.longs())
                .as((i, seed) -> mutate(BASES.get(i), new Random(seed)));
    }

    static byte[] mutate(byte[] base, Random r) {
        byte[] b = base.clone();
        int headerEnd = Math.min(b.length, 60);
        for (int n = 1 + r.nextInt(4); n > 0; n--) {
            switch (r.nextInt(6)) {
                case 0 -> b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                case 1 -> b[r.nextInt(headerEnd)] = new byte[] {0, 1, 2, 3, 4, 5, (byte) 0x44, (byte) 0x45,
                    (byte) 0x4F, (byte) 0x80, (byte) 0xFF}[r.nextInt(11)];
                case 2 -> {
                    if (headerEnd > 21) {
                        b[20 + r.nextInt(headerEnd - 20)] = (byte) r.nextInt(48); // option types, lengths, pointers
                    }
                }
                case 3 -> b = Arrays.copyOf(b, r.nextInt(b.length + 1));
                case 4 -> {
                    int old = b.length;
                    b = Arrays.copyOf(b, old + r.nextInt(40));
                    for (int i = old; i < b.length; i++) {
                        b[i] = (byte) r.nextInt(256);
                    }
                }
                default -> b[r.nextInt(Math.min(b.length, 4))] = (byte) r.nextInt(256); // version, IHL, total length
            }
            if (b.length == 0) {
                break;
            }
            headerEnd = Math.min(b.length, 60);
        }
        return b;
    }

    @Property(tries = 5000)
    void mutatedPacketsParseOrThrowAParseException(@ForAll("mutatedPackets") byte[] bytes) {
        attempt("mutated", bytes);
    }

    @Test
    void everyCapturedIpv4PacketMutatedParsesOrThrowsAParseException() throws Exception {
        Random r = new Random(68);
        int packets = 0;
        for (Corpus.Frame frame : Corpus.allFrames()) {
            int at = LinkFrames.ipv4Offset(frame);
            if (at < 0) {
                continue;
            }
            byte[] packet = Arrays.copyOfRange(frame.bytes(), at, frame.bytes().length);
            attempt(frame.name(), packet);
            for (int i = 0; i < 4 && packet.length > 0; i++) {
                attempt(frame.name() + " mutated", mutate(packet, r));
            }
            packets++;
        }
        assertThat(packets).isGreaterThan(1400);
    }

    static void attempt(String name, byte[] bytes) {
        for (boolean verify : new boolean[] {true, false}) {
            byte[] copy = bytes.clone();
            PacketBuffer buffer = PacketBuffer.wrap(copy);
            Ipv4Packet ip = new Ipv4Packet();
            try {
                if (verify) {
                    ip.wrap(buffer);
                } else {
                    ip.wrapUnverified(buffer);
                }
            } catch (ParameterProblemException e) {
                assertThat(e.pointer()).as(name).isBetween(Ipv4.FIXED_LENGTH, 59);
                assertUnchanged(name, buffer, bytes);
                continue;
            } catch (ParseException e) {
                assertThat(e.getMessage()).isNotEmpty();
                assertUnchanged(name, buffer, bytes);
                continue;
            } catch (RuntimeException e) {
                throw new AssertionError(name + ": " + e + " for " + Arrays.toString(bytes), e);
            }
            assertThat(copy).as(name + ": parsing never writes").isEqualTo(bytes);
            touchEverything(name, ip);
        }
    }

    private static void assertUnchanged(String name, PacketBuffer buffer, byte[] bytes) {
        assertThat(buffer.bodyStart()).as(name + ": body start after a failed parse").isZero();
        assertThat(buffer.bodyLength()).as(name + ": body length after a failed parse").isEqualTo(bytes.length);
    }

    /** What a consumer may do after a successful parse; nothing may throw but a strict view's ParseException. */
    static void touchEverything(String name, Ipv4Packet ip) {
        Ipv4 h = ip.header();
        StringBuilder text = new StringBuilder(ip.toString());
        text.append(ip.pseudoHeaderDestination()).append(ip.transportProtocol()).append(ip.isFragment())
                .append(ip.fragmentOffsetBytes()).append(ip.payloadLength()).append(h.checksumValid());
        OptionsIterator it = h.options();
        while (it.next()) {
            text.append(Ipv4Options.routerAlert(it)).append(Ipv4Options.streamId(it)).append(Ipv4Options.hasHopsLeft(it))
                    .append(Ipv4Options.routePointer(it)).append(Ipv4Options.routeRecorded(it));
            for (int i = 0; i < Ipv4Options.routeSlots(it); i++) {
                text.append(Ipv4Options.routeAddressBits(it, i));
            }
            for (int i = 0; i < Ipv4Options.timestampSlots(it); i++) {
                text.append(Ipv4Options.timestamp(it, i));
                if (Ipv4Options.timestampEntryLength(it) == 8) {
                    text.append(Ipv4Options.timestampAddressBits(it, i));
                }
            }
            text.append(Ipv4Options.timestampRecorded(it)).append(Ipv4Options.timestampOverflow(it))
                    .append(Ipv4Options.securityLevel(it)).append(Ipv4Options.securityCompartments(it))
                    .append(Ipv4Options.securityHandlingRestrictions(it))
                    .append(Ipv4Options.securityTransmissionControlCode(it))
                    .append(Ipv4Options.basicSecurityClassification(it)).append(Ipv4Options.basicSecurityFlagsLength(it));
            PacketBuffer option = PacketBuffer.wrap(it.array(), it.offset(), it.length());
            try {
                switch (it.kind()) {
                    case Ipv4Options.ROUTER_ALERT -> text.append(RouterAlertOption.parse(option));
                    case Ipv4Options.STREAM_ID -> text.append(StreamIdOption.parse(option));
                    case Ipv4Options.TIMESTAMP -> text.append(TimestampOption.parse(option));
                    case Ipv4Options.SECURITY -> text.append(Ipv4Options.isRfc791Security(it)
                            ? SecurityOption.parse(option) : BasicSecurityOption.parse(option));
                    case Ipv4Options.RECORD_ROUTE, Ipv4Options.LOOSE_SOURCE_ROUTE, Ipv4Options.STRICT_SOURCE_ROUTE ->
                            text.append(RouteOption.parse(option));
                    default -> { }
                }
            } catch (ParseException e) {
                text.append(e.getMessage());
            }
        }
        assertThat(text).isNotEmpty();
        // Parse, then rebuild: the same header up to the end of the option list (after it: padding).
        byte[] rebuilt;
        try {
            rebuilt = Serializer.of(new byte[0]).encapsulate(Ipv4Rebuild.of(h, new HashMap<>())).serialize().toByteArray();
        } catch (Exception e) {
            throw new AssertionError(name + ": rebuilding " + h + " failed", e);
        }
        OptionsIterator options = h.options();
        int listEnd = options.listEnd() - h.offset();
        int minimal = Ipv4.FIXED_LENGTH + (listEnd - Ipv4.FIXED_LENGTH + (options.hasEndOfList() ? 1 : 0) + 3) / 4 * 4;
        // OptionsBuilder pads to the smallest aligned region: a header padded further after its EOL
        // (only fuzzed ones) comes back with the smaller IHL, and zeros after the EOL.
        assertThat(rebuilt.length).as(name + ": rebuilt header length of " + h).isEqualTo(minimal);
        byte[] original = Arrays.copyOfRange(h.array(), h.offset(), h.offset() + listEnd);
        byte[] again = Arrays.copyOf(rebuilt, listEnd);
        for (int field : new int[] {Ipv4.HEADER_CHECKSUM_OFFSET, Ipv4.TOTAL_LENGTH_OFFSET}) {
            again[field] = original[field];           // recomputed, and derived from the (empty) body
            again[field + 1] = original[field + 1];
        }
        if (minimal != h.headerLength()) {
            again[0] = original[0];                   // the IHL
        }
        assertThat(again).as(name + ": rebuilt " + h).isEqualTo(original);
        assertThat(InternetChecksum.verify(rebuilt, 0, rebuilt.length)).isTrue();
    }
}
