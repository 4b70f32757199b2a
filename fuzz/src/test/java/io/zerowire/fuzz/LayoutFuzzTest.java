package io.zerowire.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.zerowire.buffer.PacketBuffer;
import io.zerowire.fuzz.layouts.Block;
import io.zerowire.fuzz.layouts.BlockBuilder;
import io.zerowire.fuzz.layouts.Probe;
import io.zerowire.fuzz.layouts.ProbeBuilder;
import io.zerowire.fuzz.layouts.TunnelV4;
import io.zerowire.fuzz.layouts.TunnelV4Builder;
import io.zerowire.fuzz.layouts.TunnelV6;
import io.zerowire.fuzz.layouts.TunnelV6Builder;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.options.OptionsIterator;
import io.zerowire.parse.ParseException;
import io.zerowire.serialize.BufferProvider;
import io.zerowire.serialize.PacketBuilder;
import io.zerowire.serialize.Serializer;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The views and builders the processor generates, for the layouts of
 * {@link io.zerowire.fuzz.layouts} (each with an option region). Input: the header and body; for
 * the tunnel, first the pseudo-header's source and destination (4 + 4 or 16 + 16 bytes).
 * Properties, for each layout:
 * <ul>
 *   <li>the checked entry point returns or throws the typed error, never writes, leaves the buffer
 *       as it was when it fails, and allocates at most {@link Allocations#PER_PARSE_BOUND} (the tunnel's
 *       properties start from the unverified parse, since a fuzzer cannot forge its checksum; the
 *       rebuilt header must then pass the verified one);
 *   <li>after it, every getter and the option iterator work ({@code toString()} reads them all);
 *   <li>{@code copyFrom(view)} writes the same bytes again over the same body (the padding after an
 *       end-of-list option and after each option value written as zeros, the checksum recomputed),
 *       the result passes the checked entry point, and serializing it into a buffer poisoned with a
 *       pattern gives the same bytes;
 *   <li>a setter on a view with a checksum keeps the checksum valid (the incremental update).
 * </ul>
 */
class LayoutFuzzTest {
    /** What a fuzz target needs from one parse: the text of every getter, where things are, a builder that copies it. */
    private record Parsed(String text, int offset, int bodyOffset, int bodyLength, OptionsIterator options,
            PacketBuilder copy, int checksumOffset, boolean checksumValid) {}

    private interface Parsing {
        Parsed parse(PacketBuffer buffer) throws ParseException;
    }

    /** Edits a freshly parsed valid copy through a setter and says whether its checksum still verifies. */
    private interface Edit {
        boolean keepsChecksum(PacketBuffer buffer, byte[] input) throws ParseException;
    }

    private final Block blockView = new Block();
    private final Probe probeView = new Probe();
    private final TunnelV4 tunnelV4View = new TunnelV4();
    private final TunnelV6 tunnelV6View = new TunnelV6();

    @FuzzTest
    void block(byte[] input) throws Exception {
        check("Block", input, blockView::wrap, b -> {
            Block v = Block.parse(b);
            return new Parsed(v.toString(), v.offset(), v.bodyOffset(), v.bodyLength(), v.options(),
                    new BlockBuilder().copyFrom(v), -1, true);
        }, null);
    }

    @FuzzTest
    void probe(byte[] input) throws Exception {
        check("Probe", input, probeView::wrap, b -> {
            Probe v = Probe.parse(b);   // its checksum is verified on demand: the builder's is compared
            return new Parsed(v.toString() + v.checksumValid(), v.offset(), v.bodyOffset(), v.bodyLength(),
                    v.options(), new ProbeBuilder().copyFrom(v), Probe.CHECKSUM_OFFSET, v.checksumValid());
        }, (b, in) -> {
            Probe v = Probe.parse(b);
            v.setToken(Inputs.take(in, 0, 1)[0] & 0x3FFF_FFFFL).setKind(in.length & 0xFF)
                    .setTarget(Inputs.ipv4(in, 1));
            return v.checksumValid();
        });
    }

    @FuzzTest
    void tunnelOverIpv4(byte[] input) throws Exception {
        Ipv4Address source = Inputs.ipv4(input, 0);
        Ipv4Address destination = Inputs.ipv4(input, 4);
        byte[] header = Inputs.rest(input, 8);
        EntryPoints.attempt("TunnelV4.parse", header, b -> TunnelV4.parse(b, source, destination));
        check("TunnelV4", header, b -> tunnelV4View.wrap(b, source, destination), b -> {
            TunnelV4 v = TunnelV4.parseUnverified(b, source, destination);
            return new Parsed(v.toString() + v.checksumValid(), v.offset(), v.bodyOffset(), v.bodyLength(),
                    v.options(), new TunnelV4Builder().copyFrom(v).addresses(source, destination),
                    TunnelV4.CHECKSUM_OFFSET, v.checksumValid());
        }, (b, in) -> {
            TunnelV4 v = TunnelV4.parse(b, source, destination);   // the rebuilt copy: its checksum verifies
            v.setFlowId(in.length & 0x7FFF).setCookie(Inputs.take(in, 0, 1)[0] * 0x0101_0101_0101L)
                    .setCritical(!v.critical());
            return v.checksumValid();
        });
    }

    @FuzzTest
    void tunnelOverIpv6(byte[] input) throws Exception {
        Ipv6Address source = Inputs.ipv6(input, 0);
        Ipv6Address destination = Inputs.ipv6(input, 16);
        byte[] header = Inputs.rest(input, 32);
        EntryPoints.attempt("TunnelV6.parse", header, b -> TunnelV6.parse(b, source, destination));
        check("TunnelV6", header, b -> tunnelV6View.wrap(b, source, destination), b -> {
            TunnelV6 v = TunnelV6.parseUnverified(b, source, destination);
            return new Parsed(v.toString() + v.checksumValid(), v.offset(), v.bodyOffset(), v.bodyLength(),
                    v.options(), new TunnelV6Builder().copyFrom(v).addresses(source, destination),
                    TunnelV6.CHECKSUM_OFFSET, v.checksumValid());
        }, (b, in) -> {
            TunnelV6 v = TunnelV6.parse(b, source, destination);
            v.setNextHeader(in.length & 0xFF).setCookie(~v.cookie());
            return v.checksumValid();
        });
    }

    /**
     * @param wrap the reusable view's checked {@code wrap}, whose allocation is measured
     * @param parsing the checked {@code parse}, the getters and the builder's {@code copyFrom}
     * @param edit setters on a valid copy, for a layout with a checksum, or null
     */
    private static void check(String name, byte[] input, EntryPoints.Parse wrap, Parsing parsing, Edit edit)
            throws Exception {
        ParseException error = EntryPoints.attempt(name + ".parse", input, b -> parsing.parse(b).text());
        PacketBuffer reused = PacketBuffer.wrap(input.clone());
        Allocations.bounded(name + ".wrap", input.length, () -> {
            try {
                wrap.parse(reused.reset());
            } catch (ParseException e) {
                // the typed error is what a rejected header costs
            }
        });
        if (error != null) {
            return;
        }
        byte[] copy = input.clone();
        Parsed parsed = parsing.parse(PacketBuffer.wrap(copy));
        Serializer serializer = Serializer.of(Arrays.copyOfRange(copy, parsed.bodyOffset(),
                parsed.bodyOffset() + parsed.bodyLength())).encapsulate(parsed.copy());
        byte[] rebuilt = serializer.serialize().toByteArray();

        byte[] expected = Arrays.copyOf(Arrays.copyOfRange(copy, parsed.offset(), parsed.bodyOffset()
                + parsed.bodyLength()), Math.max(rebuilt.length, parsed.bodyOffset() + parsed.bodyLength()
                - parsed.offset()));   // zeros where the builder pads a short body
        zeroPadding(expected, parsed.options(), parsed.offset());
        if (parsed.checksumOffset() >= 0) {
            // the builder computes the checksum anew: where the parse verified the original's, only a
            // normalized padding byte changes it; the rebuilt one must verify (checked below)
            System.arraycopy(rebuilt, parsed.checksumOffset(), expected, parsed.checksumOffset(), 2);
        }
        FrameProperties.require(Arrays.equals(rebuilt, expected), name + " copyFrom wrote "
                + HexFormat.of().formatHex(rebuilt) + ", expected " + HexFormat.of().formatHex(expected), input);

        try {
            FrameProperties.require(parsing.parse(PacketBuffer.wrap(rebuilt.clone())).checksumValid(),
                    name + ": the rebuilt checksum does not verify", input);
        } catch (ParseException e) {
            FrameProperties.require(false, name + ": the rebuilt header fails to parse: " + e.getMessage(), input);
        }
        byte[] scratch = new byte[rebuilt.length + 16];
        Arrays.fill(scratch, FrameProperties.POISON);
        byte[] poisoned = serializer.serialize(BufferProvider.into(PacketBuffer.wrap(scratch))).toByteArray();
        FrameProperties.require(Arrays.equals(poisoned, rebuilt), name + ": stale bytes in a reused buffer", input);

        if (edit != null) {
            FrameProperties.require(edit.keepsChecksum(PacketBuffer.wrap(rebuilt.clone()), input),
                    name + ": a setter broke the checksum", input);
        }
    }

    /**
     * Zeroes in {@code header} (which starts at array index {@code base}) the bytes the builders
     * write as zeros: each option value's alignment padding and everything after an end-of-list.
     */
    private static void zeroPadding(byte[] header, OptionsIterator options, int base) {
        options.rewind();
        while (options.next()) {
            Arrays.fill(header, options.valueOffset() + options.valueLength() - base,
                    options.offset() + options.length() - base, (byte) 0);
        }
        if (options.hasEndOfList()) {
            int eol = options.listEnd() - base;
            options.rewind();
            // the end-of-list option itself is written as the format writes it: keep its kind byte
            Arrays.fill(header, eol + 1, options.end() - base, (byte) 0);
        }
    }
}
