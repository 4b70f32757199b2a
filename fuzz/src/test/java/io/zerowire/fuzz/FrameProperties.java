package io.zerowire.fuzz;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.options.OptionsIterator;
import io.zerowire.protocols.framing.Framing;
import io.zerowire.protocols.ipv4.Ipv4;
import io.zerowire.protocols.tcp.TcpV4;
import io.zerowire.protocols.stack.Dissector;
import io.zerowire.protocols.stack.Layer;
import io.zerowire.protocols.stack.Rebuild;
import io.zerowire.serialize.BufferProvider;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;

/**
 * The properties every frame must have, whatever its bytes, checked through the whole-stack
 * {@link Dissector} (which reaches every layer Zerowire parses):
 * <ol>
 *   <li>only the typed parse error stops a dissection (the dissector keeps it; anything thrown is a
 *       finding), and parsing never writes to the frame;
 *   <li>every accessor of every layer that parsed works ({@link Touch});
 *   <li>a second parse of the same bytes allocates at most {@link Allocations#PER_PARSE_BOUND};
 *   <li>what parsed is written again by the builders ({@link Rebuild}, each view's {@code copyFrom})
 *       into the same bytes, up to the checksums the dissector judged bad, Ethernet padding and the
 *       padding after an end-of-list option (the builders write zeros there), and
 *       those bytes (followed by the original's link trailer) dissect into the same layers, stopping
 *       at the same error;
 *   <li>the rebuilt frame, whose checksums are right, passes the verifying parsers
 *       ({@link VerifiedParse});
 *   <li>the rebuilt frame serialized into a reused buffer poisoned with a pattern is the same bytes:
 *       no output byte is left over from what the buffer held before.
 * </ol>
 * One instance per fuzz target, reused across inputs, as a program would reuse its dissector.
 */
final class FrameProperties {
    /** What a reused buffer holds before a serialization: a byte no builder writes as padding. */
    static final byte POISON = (byte) 0xA5;

    private final Dissector dissector = new Dissector();
    private final Dissector again = new Dissector();
    private final Dissector measured = new Dissector();
    private byte[] scratch = new byte[256];

    /** Checks every property on {@code frame} under {@code framing}; throws an {@link AssertionError} on a violation. */
    void check(Framing framing, byte[] frame) throws Exception {
        byte[] copy = frame.clone();
        Dissector d = dissector.dissect(framing, PacketBuffer.wrap(copy));
        require(Arrays.equals(copy, frame), "dissection wrote to the frame", frame);
        Touch.dissection(d);

        PacketBuffer reused = PacketBuffer.wrap(frame.clone());
        Allocations.bounded("dissect " + framing, frame.length, () -> {
            reused.reset();   // the whole array is the body again
            measured.dissect(framing, reused);
        });

        if (d.layerCount() == 0) {
            return;
        }
        int end = Rebuild.payloadEnd(d);
        Rebuild rebuild = Rebuild.of(d);
        byte[] payload = rebuild.payload(d);
        byte[] rebuilt = rebuild.over(payload);
        String difference = rebuild.difference(withZeroedPadding(frame, d, rebuilt), end, rebuilt, d, new HashMap<>());
        require(difference == null, "the builders wrote " + difference, frame);

        // The rebuilt bytes up to the end of the packet, then the original's link trailer: the Ethernet
        // builder's padding of a short frame must not turn a truncated header into a whole one.
        byte[] reparsed = Arrays.copyOf(rebuilt, frame.length);
        System.arraycopy(frame, end, reparsed, end, frame.length - end);
        Dissector r = again.dissect(framing, PacketBuffer.wrap(reparsed));
        require(Arrays.equals(r.layers(), d.layers()),
                "the rebuilt frame dissects into " + Arrays.toString(r.layers()) + ", not " + Arrays.toString(d.layers()),
                frame);
        require((r.error() == null) == (d.error() == null) && (r.error() == null || r.failedLayer() == d.failedLayer()
                && r.error().kind() == d.error().kind()),
                "the rebuilt frame stops at " + r.error() + ", the original at " + d.error(), frame);

        VerifiedParse.rebuilt(reparsed, r);

        byte[] poisoned = intoPoisoned(rebuild, payload, rebuilt.length);
        require(Arrays.equals(poisoned, rebuilt), "serializing into a reused buffer kept stale bytes: "
                + HexFormat.of().formatHex(poisoned), frame);
    }

    /**
     * {@code frame} with the bytes after an end-of-list option in the IPv4 and TCP option regions
     * zeroed: they are padding, not a field (RFC 791 and RFC 9293 ask for zeros), and the builders
     * write zeros there. Where that changed a byte, the checksum over it is taken from
     * {@code rebuilt}: it covers the zeros now.
     */
    private static byte[] withZeroedPadding(byte[] frame, Dissector d, byte[] rebuilt) {
        byte[] expected = frame.clone();
        if (d.has(Layer.IPV4) && zeroAfterEndOfList(expected, d.ipv4().header().options())) {
            int checksum = d.ipv4().header().offset() + Ipv4.HEADER_CHECKSUM_OFFSET;
            System.arraycopy(rebuilt, checksum, expected, checksum, 2);
        }
        if (d.has(Layer.TCP) && zeroAfterEndOfList(expected, d.tcp().options())) {
            int checksum = d.tcp().bodyOffset() - d.tcp().headerLength() + TcpV4.CHECKSUM_OFFSET;
            System.arraycopy(rebuilt, checksum, expected, checksum, 2);
        }
        return expected;
    }

    /** Zeroes the padding after {@code options}' end-of-list in {@code frame}; whether a byte changed. */
    private static boolean zeroAfterEndOfList(byte[] frame, OptionsIterator options) {
        boolean changed = false;
        if (options.hasEndOfList()) {
            for (int i = options.listEnd() + 1; i < options.end(); i++) {
                changed |= frame[i] != 0;
                frame[i] = 0;
            }
        }
        return changed;
    }

    /** The rebuilt frame serialized into a reused scratch array filled with {@link #POISON}. */
    private byte[] intoPoisoned(Rebuild rebuild, byte[] payload, int length) throws Exception {
        if (scratch.length < length + 64) {
            scratch = new byte[length + 64];
        }
        Arrays.fill(scratch, POISON);
        return rebuild.serializer(payload).serialize(BufferProvider.into(PacketBuffer.wrap(scratch))).toByteArray();
    }

    static void require(boolean property, String violation, byte[] input) {
        if (!property) {
            throw new AssertionError(violation + "\ninput " + HexFormat.of().formatHex(input));
        }
    }
}
