package io.zerowire.protocols.tcp;

import io.zerowire.options.OptionsIterator;
import java.util.Objects;

/**
 * Typed readers for TCP options (RFC 9293, RFC 7323, RFC 2018), over the current option of a
 * validated {@link OptionsIterator} (a {@code TcpV4}/{@code TcpV6} view's {@code options()}):
 * nothing is copied or allocated, and no reader throws on hostile bytes. A reader asked about an
 * option of another kind, or of a length its RFC does not allow (an MSS whose length is not 4, a
 * SACK whose value is not 1 to 4 blocks of 8 bytes), answers "absent" ({@code -1}, {@code false}
 * or a count of {@code 0}), as RFC 9293 section 3.1 lets a receiver ignore it. Any other kind is
 * kept raw: {@link OptionsIterator#kind()}, {@link OptionsIterator#valueOffset()} and
 * {@link OptionsIterator#valueLength()} into {@link OptionsIterator#array()}.
 *
 * <p>NOP options are reported by the iterator like any other (kind 1, no value); the End of
 * Option List ends the iteration and {@link OptionsIterator#hasEndOfList()} tells whether there
 * was one. {@link TcpOptionsBuilder} writes all of them.
 *
 * <pre>{@code
 * OptionsIterator options = tcp.options();
 * int mss = options.find(TcpOptions.MSS) ? TcpOptions.mss(options) : -1;
 * options.rewind();
 * while (options.next()) {
 *     switch (options.kind()) {
 *         case TcpOptions.WINDOW_SCALE -> shift = TcpOptions.windowScale(options);
 *         case TcpOptions.TIMESTAMPS -> echo = TcpOptions.timestampValue(options);
 *         case TcpOptions.SACK -> {
 *             for (int i = 0; i < TcpOptions.sackBlocks(options); i++) {
 *                 acknowledge(TcpOptions.sackLeft(options, i), TcpOptions.sackRight(options, i));
 *             }
 *         }
 *         default -> { }                                   // NOP, SACK-permitted, unknown kinds
 *     }
 * }
 * }</pre>
 */
public final class TcpOptions {
    /** End of Option List (0); never reported by the iterator, it ends the list. */
    public static final int END_OF_LIST = 0;
    /** No-Operation (1), a single byte. */
    public static final int NOP = 1;
    /** Maximum Segment Size (2), length 4 (RFC 9293 section 3.7.1). */
    public static final int MSS = 2;
    /** Window Scale (3), length 3 (RFC 7323 section 2). */
    public static final int WINDOW_SCALE = 3;
    /** SACK-Permitted (4), length 2 (RFC 2018). */
    public static final int SACK_PERMITTED = 4;
    /** SACK (5), length 2 + 8 per block (RFC 2018). */
    public static final int SACK = 5;
    /** Timestamps (8), length 10 (RFC 7323 section 3). */
    public static final int TIMESTAMPS = 8;

    /** Value bytes of an MSS option. */
    public static final int MSS_VALUE_LENGTH = 2;
    /** Value bytes of a Window Scale option. */
    public static final int WINDOW_SCALE_VALUE_LENGTH = 1;
    /** Value bytes of one SACK block: left and right edge, 32 bits each. */
    public static final int SACK_BLOCK_LENGTH = 8;
    /** The most SACK blocks one option can hold (40 bytes of options: 2 + 4 x 8 = 34). */
    public static final int MAX_SACK_BLOCKS = 4;
    /** Value bytes of a Timestamps option. */
    public static final int TIMESTAMPS_VALUE_LENGTH = 8;
    /** The largest shift RFC 7323 allows; a receiver uses 14 for anything larger. */
    public static final int MAX_WINDOW_SCALE = 14;

    private TcpOptions() {}

    /** Whether {@code kind} is one this class reads (EOL, NOP, MSS, WS, SACK-permitted, SACK, timestamps). */
    public static boolean isKnown(int kind) {
        return kind == END_OF_LIST || kind == NOP || kind == MSS || kind == WINDOW_SCALE || kind == SACK_PERMITTED
                || kind == SACK || kind == TIMESTAMPS;
    }

    /** The maximum segment size, or -1 if the current option is not an MSS of length 4. */
    public static int mss(OptionsIterator options) {
        if (options.kind() != MSS || options.valueLength() != MSS_VALUE_LENGTH) {
            return -1;
        }
        return options.valueU16(0);
    }

    /**
     * The window scale shift as sent (0 to 255; RFC 7323 has the receiver use 14 for anything
     * above {@value #MAX_WINDOW_SCALE}), or -1 if the current option is not a Window Scale of length 3.
     */
    public static int windowScale(OptionsIterator options) {
        if (options.kind() != WINDOW_SCALE || options.valueLength() != WINDOW_SCALE_VALUE_LENGTH) {
            return -1;
        }
        return options.valueU8(0);
    }

    /** Whether the current option is SACK-Permitted of length 2. */
    public static boolean isSackPermitted(OptionsIterator options) {
        return options.kind() == SACK_PERMITTED && options.valueLength() == 0;
    }

    /** SACK blocks of the current option (1 to 4), or 0 if it is not a SACK of length 2 + 8n. */
    public static int sackBlocks(OptionsIterator options) {
        int length = options.valueLength();
        if (options.kind() != SACK || length == 0 || length % SACK_BLOCK_LENGTH != 0
                || length > MAX_SACK_BLOCKS * SACK_BLOCK_LENGTH) {
            return 0;
        }
        return length / SACK_BLOCK_LENGTH;
    }

    /**
     * The left edge of SACK block {@code i}: the first sequence number it covers, 32 unsigned bits.
     *
     * @throws IndexOutOfBoundsException if {@code i} is not below {@link #sackBlocks} (a programming error)
     */
    public static long sackLeft(OptionsIterator options, int i) {
        Objects.checkIndex(i, sackBlocks(options));
        return options.valueU32(SACK_BLOCK_LENGTH * i);
    }

    /**
     * The right edge of SACK block {@code i}: the sequence number just after it, 32 unsigned bits.
     *
     * @throws IndexOutOfBoundsException if {@code i} is not below {@link #sackBlocks} (a programming error)
     */
    public static long sackRight(OptionsIterator options, int i) {
        Objects.checkIndex(i, sackBlocks(options));
        return options.valueU32(SACK_BLOCK_LENGTH * i + 4);
    }

    /** Whether the current option is Timestamps of length 10. */
    public static boolean isTimestamps(OptionsIterator options) {
        return options.kind() == TIMESTAMPS && options.valueLength() == TIMESTAMPS_VALUE_LENGTH;
    }

    /** TSval, 32 unsigned bits, or -1 if the current option is not Timestamps of length 10. */
    public static long timestampValue(OptionsIterator options) {
        return isTimestamps(options) ? options.valueU32(0) : -1;
    }

    /** TSecr, 32 unsigned bits, or -1 if the current option is not Timestamps of length 10. */
    public static long timestampEchoReply(OptionsIterator options) {
        return isTimestamps(options) ? options.valueU32(4) : -1;
    }

    /**
     * Whether the current option is of a known kind but a length its RFC does not allow: what a
     * strict receiver (netstack3 does) would refuse, and a lenient one (Linux does) would ignore.
     */
    public static boolean hasBadLength(OptionsIterator options) {
        switch (options.kind()) {
            case MSS:
                return mss(options) < 0;
            case WINDOW_SCALE:
                return windowScale(options) < 0;
            case SACK_PERMITTED:
                return !isSackPermitted(options);
            case SACK:
                return sackBlocks(options) == 0;
            case TIMESTAMPS:
                return !isTimestamps(options);
            default:
                return false;
        }
    }
}
