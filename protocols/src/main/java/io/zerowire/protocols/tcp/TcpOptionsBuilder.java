package io.zerowire.protocols.tcp;

import io.zerowire.buffer.Bytes;
import io.zerowire.options.OptionsBuilder;
import java.util.Objects;

/**
 * Builds a TCP option list option by option, in the order given: MSS, Window Scale, SACK-Permitted,
 * SACK (1 to 4 blocks), Timestamps, any other kind raw, and the single-byte NOP and End of Option
 * List, so that any list seen on the wire can be written again byte for byte (a Linux SYN is MSS,
 * SACK-Permitted, Timestamps, NOP, Window Scale). The region is padded to a multiple of 4 with an
 * EOL then zeros when the options do not fill it.
 *
 * <p>Hand {@link #asOptionsBuilder()} to a {@code TcpV4Builder}/{@code TcpV6Builder}, or this
 * builder to {@link TcpBuilder#options(TcpOptionsBuilder)}: the list is read when serializing, so
 * later changes show. Reused with {@link #clear()}, it allocates nothing once its array has grown to
 * the longest list (40 bytes at most fit a TCP header).
 *
 * <pre>{@code
 * TcpOptionsBuilder syn = new TcpOptionsBuilder()
 *         .mss(1460).sackPermitted().timestamps(754483555L, 0).nop().windowScale(10);
 * TcpBuilder tcp = new TcpBuilder().syn(true).window(64240).options(syn);   // data offset 10
 * }</pre>
 */
public final class TcpOptionsBuilder {
    private final OptionsBuilder options = new OptionsBuilder(TcpOptionFormat.FORMAT, 40);
    /** Scratch for the value of a SACK or Timestamps option, so that adding one allocates nothing. */
    private final byte[] scratch = new byte[TcpOptions.MAX_SACK_BLOCKS * TcpOptions.SACK_BLOCK_LENGTH];

    /** An empty list. */
    public TcpOptionsBuilder() {}

    /**
     * Adds a Maximum Segment Size option.
     *
     * @throws IllegalArgumentException if {@code mss} does not fit 16 unsigned bits
     */
    public TcpOptionsBuilder mss(int mss) {
        checkBits("mss", mss, 16);
        options.addU16(TcpOptions.MSS, mss);
        return this;
    }

    /**
     * Adds a Window Scale option with this shift count (RFC 7323 allows 0 to 14; larger values
     * are written as given, for tests of receivers).
     *
     * @throws IllegalArgumentException if {@code shift} does not fit 8 unsigned bits
     */
    public TcpOptionsBuilder windowScale(int shift) {
        checkBits("shift", shift, 8);
        options.addU8(TcpOptions.WINDOW_SCALE, shift);
        return this;
    }

    /** Adds a SACK-Permitted option. */
    public TcpOptionsBuilder sackPermitted() {
        options.add(TcpOptions.SACK_PERMITTED, scratch, 0, 0);
        return this;
    }

    /**
     * Adds a SACK option of {@code edges.length / 2} blocks: left and right edge of each block in
     * turn, 32 unsigned bits each.
     *
     * @throws IllegalArgumentException unless there are 1 to 4 blocks of edges that fit 32 bits
     */
    public TcpOptionsBuilder sack(long... edges) {
        if (edges.length % 2 != 0) {
            throw new IllegalArgumentException("SACK edges come in pairs (left, right), got " + edges.length);
        }
        return sack(edges, 0, edges.length / 2);
    }

    /**
     * Adds a SACK option of {@code blocks} blocks whose edges are {@code edges[offset, offset + 2 * blocks)},
     * left then right for each block; allocation-free.
     *
     * @throws IllegalArgumentException unless {@code blocks} is 1 to 4 and every edge fits 32 unsigned bits
     * @throws IndexOutOfBoundsException if the edges are not within {@code edges}
     */
    public TcpOptionsBuilder sack(long[] edges, int offset, int blocks) {
        if (blocks < 1 || blocks > TcpOptions.MAX_SACK_BLOCKS) {
            throw new IllegalArgumentException("a SACK option holds 1 to " + TcpOptions.MAX_SACK_BLOCKS
                    + " blocks, not " + blocks);
        }
        Objects.checkFromIndexSize(offset, 2 * blocks, edges.length);
        for (int i = 0; i < 2 * blocks; i++) {
            long edge = edges[offset + i];
            if ((edge & ~0xFFFF_FFFFL) != 0) {
                throw new IllegalArgumentException("SACK edge " + edge + " does not fit 32 unsigned bits");
            }
            Bytes.putI32(scratch, 4 * i, (int) edge);
        }
        options.add(TcpOptions.SACK, scratch, 0, TcpOptions.SACK_BLOCK_LENGTH * blocks);
        return this;
    }

    /**
     * Adds a Timestamps option.
     *
     * @throws IllegalArgumentException if either value does not fit 32 unsigned bits
     */
    public TcpOptionsBuilder timestamps(long value, long echoReply) {
        if ((value & ~0xFFFF_FFFFL) != 0 || (echoReply & ~0xFFFF_FFFFL) != 0) {
            throw new IllegalArgumentException("timestamps are 32 unsigned bits, got " + value + ", " + echoReply);
        }
        Bytes.putI32(scratch, 0, (int) value);
        Bytes.putI32(scratch, 4, (int) echoReply);
        options.add(TcpOptions.TIMESTAMPS, scratch, 0, TcpOptions.TIMESTAMPS_VALUE_LENGTH);
        return this;
    }

    /** Adds a No-Operation byte (what senders put before an option to align it). */
    public TcpOptionsBuilder nop() {
        options.addSingleByte(TcpOptions.NOP);
        return this;
    }

    /**
     * Ends the list with an End of Option List byte; the rest of the region is zeros and no option
     * can follow. Optional: padding writes one anyway when the options do not fill the region.
     */
    public TcpOptionsBuilder endOfList() {
        options.addEndOfList();
        return this;
    }

    /**
     * Adds an option of any kind with this value, as given (an experimental or future kind, MPTCP,
     * TCP-AO, or a known kind with an odd length for a test).
     *
     * @throws IllegalArgumentException if {@code kind} is not 2 to 255 (EOL and NOP have their own
     *     methods) or the value is longer than 253 bytes
     */
    public TcpOptionsBuilder option(int kind, byte[] value) {
        return option(kind, value, 0, value.length);
    }

    /** Like {@link #option(int, byte[])} with the value {@code value[offset, offset + length)}. */
    public TcpOptionsBuilder option(int kind, byte[] value, int offset, int length) {
        options.add(kind, value, offset, length);
        return this;
    }

    /** Removes every option, keeping the internal array. */
    public TcpOptionsBuilder clear() {
        options.clear();
        return this;
    }

    /** Bytes of the options added so far, before padding. */
    public int encodedLength() {
        return options.encodedLength();
    }

    /** The bytes the options take in a TCP header: {@link #encodedLength()} padded to a multiple of 4. */
    public int regionLength() {
        return options.regionLength(TcpV4.FIXED_LENGTH);
    }

    /** The list as the generated builders take it ({@code TcpV4Builder.options(...)}); the same live object on every call. */
    public OptionsBuilder asOptionsBuilder() {
        return options;
    }

    private static void checkBits(String name, int value, int bits) {
        if ((value & -(1 << bits)) != 0) {
            throw new IllegalArgumentException(name + " must fit in " + bits + " unsigned bits, was " + value);
        }
    }
}
