package io.zerowire.processor.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.options.OptionFormat;
import io.zerowire.options.OptionsBuilder;
import io.zerowire.options.OptionsIterator;
import io.zerowire.parse.BufferView;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import io.zerowire.processor.sample.Ipv4Header;
import io.zerowire.processor.sample.Ipv4HeaderBuilder;
import io.zerowire.serialize.PacketBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Option regions carried by generated layouts: random well-formed IPv4/TCP-style lists built with
 * {@link OptionsBuilder} come back from the view's iterator as they went in, and random malformed
 * regions inside otherwise valid headers are rejected with a {@link ParseException} exactly where an
 * independent walker of RFC 791 / RFC 9293 says, and with nothing else.
 */
class OptionsTest {
    /** One option: kind and value; kind 1 (NOP) has no length byte and an empty value. */
    record Option(int kind, byte[] value) {
        int encodedLength() {
            return kind == 1 ? 1 : 2 + value.length;
        }

        @Override
        public String toString() {
            return kind + (kind == 1 ? "" : ":" + ReferenceBits.hex(value));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Option && ((Option) other).kind == kind && Arrays.equals(((Option) other).value, value);
        }

        @Override
        public int hashCode() {
            return kind * 31 + Arrays.hashCode(value);
        }
    }

    /** A layout with IPv4/TCP-style options: how to build it, parse it and where its options start. */
    enum Carrier {
        IPV4("ipv4", Ipv4Header.FIXED_LENGTH, 40) {
            @Override
            PacketBuilder builder(OptionsBuilder options) {
                return new Ipv4HeaderBuilder().ttl(64).source(Packets.SOURCE).destination(Packets.DESTINATION)
                        .options(options);
            }

            @Override
            OptionsIterator parse(BufferView buffer) throws ParseException {
                return Ipv4Header.parse(buffer).options();
            }

            @Override
            void fix(byte[] packet, int headerLength) {
                Packets.fixIpv4Checksum(packet, headerLength);
            }
        },
        TCP("tcp", TcpLike.FIXED_LENGTH, 40) {
            @Override
            PacketBuilder builder(OptionsBuilder options) {
                return new TcpLikeBuilder().sourcePort(1).destinationPort(2).flags(2).addresses(Packets.SOURCE,
                        Packets.DESTINATION).options(options);
            }

            @Override
            OptionsIterator parse(BufferView buffer) throws ParseException {
                return TcpLike.parse(buffer, Packets.SOURCE, Packets.DESTINATION).options();
            }

            @Override
            void fix(byte[] packet, int headerLength) {
                Packets.fixTcpChecksum(packet, Packets.SOURCE, Packets.DESTINATION);
            }
        },
        LITTLE("little-guarded", LittleGuarded.FIXED_LENGTH, 48) {
            @Override
            PacketBuilder builder(OptionsBuilder options) {
                return new LittleGuardedBuilder().id(3).options(options);
            }

            @Override
            OptionsIterator parse(BufferView buffer) throws ParseException {
                return LittleGuarded.parse(buffer).options();
            }

            @Override
            void fix(byte[] packet, int headerLength) {}
        },
        FLOOD("flood", Flood.FIXED_LENGTH, 1016) {
            @Override
            PacketBuilder builder(OptionsBuilder options) {
                return new FloodBuilder().id(0xABCDEF).options(options);
            }

            @Override
            OptionsIterator parse(BufferView buffer) throws ParseException {
                return Flood.parse(buffer).options();
            }

            @Override
            void fix(byte[] packet, int headerLength) {}
        };

        final String layer;
        final int fixed;
        final int maxRegion;

        Carrier(String layer, int fixed, int maxRegion) {
            this.layer = layer;
            this.fixed = fixed;
            this.maxRegion = maxRegion;
        }

        abstract PacketBuilder builder(OptionsBuilder options);

        abstract OptionsIterator parse(BufferView buffer) throws ParseException;

        /** Makes everything but the options valid again after the region was rewritten. */
        abstract void fix(byte[] packet, int headerLength);
    }

    // --- Well-formed lists ---

    @Provide
    Arbitrary<List<Option>> optionLists() {
        Arbitrary<Option> nop = Arbitraries.just(new Option(1, new byte[0]));
        Arbitrary<Option> tlv = Combinators.combine(Arbitraries.integers().between(2, 255),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(14)).as(Option::new);
        Arbitrary<Option> longTlv = Combinators.combine(Arbitraries.integers().between(2, 255),
                Arbitraries.bytes().array(byte[].class).ofMinSize(30).ofMaxSize(253)).as(Option::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, nop), net.jqwik.api.Tuple.of(6, tlv), net.jqwik.api.Tuple.of(1, longTlv))
                .list().ofMaxSize(80);
    }

    @Property(tries = 1500)
    void wellFormedListsIterateAsBuilt(@ForAll Carrier carrier, @ForAll("optionLists") List<Option> candidates,
            @ForAll boolean endOfList, @ForAll @IntRange(max = 20) int payload, @ForAll @IntRange(max = 16) int consumed)
            throws ParseException {
        // Keep what fits the region (with room for the end-of-list byte) and the 64-option bound.
        List<Option> options = new ArrayList<>();
        int length = 0;
        for (Option option : candidates) {
            if (options.size() == OptionFormat.DEFAULT_MAX_OPTIONS
                    || length + option.encodedLength() + (endOfList ? 1 : 0) > carrier.maxRegion) {
                break;
            }
            options.add(option);
            length += option.encodedLength();
        }
        OptionsBuilder builder = new OptionsBuilder(carrier == Carrier.TCP ? TcpOptionFormat.FORMAT : Ipv4OptionFormat.FORMAT);
        for (Option option : options) {
            if (option.kind() == 1) {
                builder.addSingleByte(1);
            } else {
                builder.add(option.kind(), option.value());
            }
        }
        if (endOfList) {
            builder.addEndOfList();
        }
        byte[] packet = Packets.build(Packets.payload(payload), carrier.builder(builder));

        // The region on the wire is the reference encoding, then EOL and zeros up to a multiple of 4.
        int region = (length + (endOfList ? 1 : 0) + 3) / 4 * 4;
        byte[] expectedRegion = new byte[region];
        int at = 0;
        for (Option option : options) {
            expectedRegion[at++] = (byte) option.kind();
            if (option.kind() != 1) {
                expectedRegion[at++] = (byte) option.encodedLength();
                System.arraycopy(option.value(), 0, expectedRegion, at, option.value().length);
                at += option.value().length;
            }
        }
        assertThat(Arrays.copyOfRange(packet, carrier.fixed, Math.min(packet.length, carrier.fixed + region)))
                .as("%s option region", carrier).isEqualTo(expectedRegion);

        PacketBuffer buffer = Packets.placed(packet, 0, consumed, 0);
        OptionsIterator iterator = carrier.parse(buffer);
        assertThat(buffer.prefixLength()).isEqualTo(consumed + carrier.fixed + region);
        assertThat(iterator.count()).isEqualTo(options.size());
        List<Option> seen = new ArrayList<>();
        int expectedOffset = buffer.regionStart() + consumed + carrier.fixed;
        while (iterator.next()) {
            assertThat(iterator.offset()).isEqualTo(expectedOffset);
            byte[] value = Arrays.copyOfRange(iterator.array(), iterator.valueOffset(),
                    iterator.valueOffset() + iterator.valueLength());
            seen.add(new Option(iterator.kind(), value));
            expectedOffset += iterator.length();
        }
        assertThat(seen).isEqualTo(options);
        // Iterating again gives the same.
        iterator.rewind();
        for (Option option : options) {
            assertThat(iterator.next()).isTrue();
            assertThat(iterator.kind()).isEqualTo(option.kind());
        }
        assertThat(iterator.next()).isFalse();
    }

    @Property(tries = 500)
    void ipv6ExtensionOptionsIterateAsBuiltThenPadding(@ForAll("optionLists") List<Option> candidates,
            @ForAll @IntRange(max = 10) int payloadWords) throws ParseException {
        OptionsBuilder builder = new OptionsBuilder(Ipv6OptionFormat.FORMAT);
        List<Option> options = new ArrayList<>();
        int length = 0;
        for (Option option : candidates) {
            if (option.kind() == 1 || options.size() == 40 || length + option.encodedLength() > 1500) {
                continue; // kinds 0 and 1 are Pad1 and PadN in this format
            }
            builder.add(option.kind(), option.value());
            options.add(option);
            length += option.encodedLength();
        }
        byte[] packet = Packets.build(Packets.payload(payloadWords * 2), new GuardedBuilder().kind(1).options(builder));
        Guarded view = Guarded.parse(PacketBuffer.wrap(packet));
        assertThat(view.headerLength()).isEqualTo((12 + length + 7) / 8 * 8); // Pad1 and PadN express any padding
        OptionsIterator iterator = view.options();
        for (Option option : options) {
            assertThat(iterator.next()).isTrue();
            assertThat(iterator.kind()).isEqualTo(option.kind());
            assertThat(Arrays.copyOfRange(iterator.array(), iterator.valueOffset(),
                    iterator.valueOffset() + iterator.valueLength())).isEqualTo(option.value());
        }
        while (iterator.next()) {
            assertThat(iterator.kind()).as("padding after the options").isIn(0, 1);
            for (int i = 0; i < iterator.valueLength(); i++) {
                assertThat(iterator.valueU8(i)).isZero();
            }
        }
        assertThat(view.checksumValid()).isTrue();
    }

    // --- Malformed regions ---

    /**
     * What an independent RFC 791 / RFC 9293 walker makes of a region: the options, or where it
     * fails, and whether it failed on the bound on options (UNSUPPORTED) rather than a malformed one.
     */
    record Walk(List<Option> options, int errorAt, boolean overBound) {}

    static Walk referenceWalk(byte[] region) {
        List<Option> options = new ArrayList<>();
        int pos = 0;
        while (pos < region.length) {
            int kind = region[pos] & 0xFF;
            if (kind == 0) {
                break; // end of option list: the rest is padding
            }
            int total;
            if (kind == 1) {
                total = 1;
            } else {
                if (region.length - pos < 2) {
                    return new Walk(options, pos, false);
                }
                total = region[pos + 1] & 0xFF;
                if (total < 2 || total > region.length - pos) {
                    return new Walk(options, pos, false);
                }
            }
            if (options.size() == OptionFormat.DEFAULT_MAX_OPTIONS) {
                return new Walk(options, pos, true);
            }
            options.add(new Option(kind, kind == 1 ? new byte[0] : Arrays.copyOfRange(region, pos + 2, pos + total)));
            pos += total;
        }
        return new Walk(options, -1, false);
    }

    @Provide
    Arbitrary<byte[]> regions() {
        Arbitrary<Byte> any = Arbitraries.bytes();
        Arbitrary<Byte> small = Arbitraries.integers().between(0, 12).map(Integer::byteValue);
        Arbitrary<Byte> kindsAndLengths = Arbitraries.of((byte) 0, (byte) 1, (byte) 2, (byte) 3, (byte) 4, (byte) 0xFF);
        Arbitrary<byte[]> random = Arbitraries.oneOf(List.of(any, small, kindsAndLengths)).array(byte[].class).ofMaxSize(300);
        Arbitrary<byte[]> nops = Arbitraries.integers().between(0, 300).map(n -> {
            byte[] region = new byte[n];
            Arrays.fill(region, (byte) 1);
            return region;
        });
        Arbitrary<byte[]> corrupted = Combinators.combine(optionLists(), Arbitraries.integers().between(0, 1000),
                Arbitraries.bytes()).as((list, where, what) -> {
                    byte[] region = encode(list);
                    if (region.length > 0) {
                        region[where % region.length] = what;
                    }
                    return region;
                });
        return Arbitraries.oneOf(List.of(random, nops, corrupted));
    }

    private static byte[] encode(List<Option> options) {
        byte[] region = new byte[options.stream().mapToInt(Option::encodedLength).sum()];
        int at = 0;
        for (Option option : options) {
            region[at++] = (byte) option.kind();
            if (option.kind() != 1) {
                region[at++] = (byte) option.encodedLength();
                System.arraycopy(option.value(), 0, region, at, option.value().length);
                at += option.value().length;
            }
        }
        return region;
    }

    @Property(tries = 3000)
    void malformedRegionsAreRejectedWhereTheReferenceSays(@ForAll Carrier carrier, @ForAll("regions") byte[] bytes,
            @ForAll @IntRange(max = 16) int consumed) {
        // A region of a whole number of 4-byte words, at least one, that the layout's length field can describe.
        int length = Math.max(4, Math.min(carrier.maxRegion, (bytes.length + 3) / 4 * 4));
        byte[] region = Arrays.copyOf(bytes, length);
        // An otherwise valid header with a region of that length, then the region overwritten.
        OptionsBuilder filler = new OptionsBuilder(carrier == Carrier.TCP ? TcpOptionFormat.FORMAT : Ipv4OptionFormat.FORMAT);
        for (int left = length; left > 0; ) {
            int size = Math.min(left, 200);
            if (left - size == 1) {
                size--;
            }
            filler.add(7, new byte[size - 2]);
            left -= size;
        }
        byte[] packet = Packets.build(Packets.payload(5), carrier.builder(filler));
        System.arraycopy(region, 0, packet, carrier.fixed, length);
        carrier.fix(packet, carrier.fixed + length);

        Walk expected = referenceWalk(region);
        Statistics.label("verdict").collect(expected.errorAt() >= 0 ? "rejected" : "accepted");
        Statistics.label("verdict").coverage(coverage -> {
            coverage.check("rejected").percentage(p -> p > 40);
            coverage.check("accepted").percentage(p -> p > 5);
        });
        try {
            OptionsIterator iterator = carrier.parse(Packets.placed(packet, 1, consumed, 0));
            if (expected.errorAt() >= 0) {
                fail("%s accepted a region the reference rejects at %s: %s", carrier, expected.errorAt(),
                        ReferenceBits.hex(region));
            }
            List<Option> seen = new ArrayList<>();
            while (iterator.next()) {
                seen.add(new Option(iterator.kind(), Arrays.copyOfRange(iterator.array(), iterator.valueOffset(),
                        iterator.valueOffset() + iterator.valueLength())));
            }
            assertThat(seen).isEqualTo(expected.options());
        } catch (ParseException e) {
            if (expected.errorAt() < 0) {
                fail("%s rejected a region the reference accepts (%s): %s", carrier, e.getMessage(),
                        ReferenceBits.hex(region));
            }
            assertThat(e.kind()).isEqualTo(expected.overBound() ? ParseErrorKind.UNSUPPORTED : ParseErrorKind.MALFORMED);
            assertThat(e.layer()).isEqualTo(carrier.layer);
            assertThat(e.field()).isEqualTo("options");
            assertThat(e.offset()).as(e.getMessage()).isEqualTo(consumed + carrier.fixed + expected.errorAt());
        } catch (RuntimeException e) {
            throw new AssertionError(carrier + " threw " + e + " instead of a ParseException on "
                    + ReferenceBits.hex(region), e);
        }
    }

    /** The bound on options per region: 64 one-byte options pass, the 65th is an error at its own byte. */
    @Example
    void aFloodOfOneByteOptionsStopsAtTheBound() throws ParseException {
        for (int nops : new int[] {63, 64, 65, 1016}) {
            byte[] packet = new byte[4 + 1016];
            packet[0] = (byte) 255; // 1020 bytes of header
            Arrays.fill(packet, 4, 4 + nops, (byte) 1);
            try {
                Flood flood = Flood.parse(PacketBuffer.wrap(packet));
                assertThat(nops).isLessThanOrEqualTo(64);
                assertThat(flood.options().count()).isEqualTo(nops);
            } catch (ParseException e) {
                assertThat(nops).isGreaterThan(64);
                assertThat(e.field()).isEqualTo("options");
                assertThat(e.offset()).isEqualTo(4 + 64);
            }
        }
    }

    /** An end-of-list option ends iteration even when non-zero garbage follows it. */
    @Example
    void endOfListEndsTheList() throws ParseException {
        byte[] packet = Packets.ipv4();
        packet[20] = 0; // EOL where the NOP was; the Router Alert after it is now padding
        Packets.fixIpv4Checksum(packet, 28);
        OptionsIterator options = Ipv4Header.parse(PacketBuffer.wrap(packet)).options();
        assertThat(options.next()).isFalse();
        assertThat(options.count()).isZero();
        assertThat(options.hasEndOfList()).isTrue();
    }

    /** The same address types the view hands out over the options it skipped. */
    @Example
    void fieldsAfterOptionsParseUnaffected() throws ParseException {
        Ipv4Header view = Ipv4Header.parse(PacketBuffer.wrap(Packets.ipv4()));
        assertThat(view.source()).isEqualTo(Packets.SOURCE);
        assertThat(view.destination()).isEqualTo(Ipv4Address.of(209, 87, 249, 18));
        assertThat(view.bodyOffset()).isEqualTo(28);
    }
}
