package io.zerowire.protocols.icmpv6.mld;

import io.zerowire.buffer.Bytes;
import io.zerowire.parse.ParseException;

/**
 * MLDv2 (RFC 3810) constants and codecs: the record types, the decoding and encoding of the two
 * exponential codes of a query, and the bounds a parser enforces.
 *
 * <p><b>Bounds.</b> A query may list {@value #MAX_SOURCES} sources at most, a report
 * {@value #MAX_RECORDS} records at most, each with {@value #MAX_SOURCES} sources at most. The
 * length of the message already limits these counts (an IPv6 payload of 65,535 bytes holds some
 * 4,000 addresses), but a parser that promises a bounded walk says its bound: 1,024 is more than
 * a 9,000-byte jumbo frame can carry (about 560 sources or 440 records), so no real message is
 * refused. A larger count is rejected before anything is walked, with an {@code UNSUPPORTED}
 * {@link ParseException} naming {@code numberOfSources} or {@code numberOfRecords}: the message may
 * be valid, it is just larger than this implementation accepts.
 */
public final class Mldv2 {
    /** The most sources a query or a record may list before parsing refuses it: 1024. */
    public static final int MAX_SOURCES = io.zerowire.protocols.ParseLimits.SOURCES_PER_LIST;
    /** The most records a report may carry before parsing refuses it: 1024. */
    public static final int MAX_RECORDS = io.zerowire.protocols.ParseLimits.RECORDS_PER_REPORT;

    /** Bytes of a source address in a query or record. */
    public static final int SOURCE_LENGTH = 16;

    /** Record type 1: the listener is in INCLUDE mode for the sources listed (current state). */
    public static final int MODE_IS_INCLUDE = 1;
    /** Record type 2: EXCLUDE mode (current state). */
    public static final int MODE_IS_EXCLUDE = 2;
    /** Record type 3: changed to INCLUDE mode (filter mode change). */
    public static final int CHANGE_TO_INCLUDE_MODE = 3;
    /** Record type 4: changed to EXCLUDE mode (filter mode change). */
    public static final int CHANGE_TO_EXCLUDE_MODE = 4;
    /** Record type 5: new sources to listen to (source list change). */
    public static final int ALLOW_NEW_SOURCES = 5;
    /** Record type 6: sources no longer listened to (source list change). */
    public static final int BLOCK_OLD_SOURCES = 6;

    /** The largest maximum response delay a code can say, in milliseconds: {@code 0x1FFF << 10}. */
    public static final long MAX_RESPONSE_DELAY = 0x1FFFL << 10;
    /** The largest query interval a code can say, in seconds: {@code 0x1F << 10}. */
    public static final int MAX_QUERY_INTERVAL = 0x1F << 10;

    private Mldv2() {}

    /**
     * The maximum response delay in milliseconds that a Maximum Response Code says (RFC 3810
     * section 5.1.3): the code itself below 32768, else {@code (mant | 0x1000) << (exp + 3)}.
     *
     * @throws IllegalArgumentException if {@code code} does not fit in 16 unsigned bits
     */
    public static long maximumResponseDelay(int code) {
        if ((code & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("a maximum response code is 16 unsigned bits, was " + code);
        }
        if (code < 0x8000) {
            return code;
        }
        int exponent = (code >> 12) & 0x7;
        int mantissa = code & 0xFFF;
        return (long) (mantissa | 0x1000) << (exponent + 3);
    }

    /**
     * The Maximum Response Code for a delay in milliseconds: exact below 32768, else the largest
     * representable delay not above it.
     *
     * @throws IllegalArgumentException if the delay is negative or above {@link #MAX_RESPONSE_DELAY}
     */
    public static int maximumResponseCode(long delayMillis) {
        if (delayMillis < 0 || delayMillis > MAX_RESPONSE_DELAY) {
            throw new IllegalArgumentException("maximum response delay out of range: " + delayMillis);
        }
        if (delayMillis < 0x8000) {
            return (int) delayMillis;
        }
        int exponent = 0;
        while ((delayMillis >> (exponent + 3)) >= 0x2000) {
            exponent++;
        }
        int mantissa = (int) (delayMillis >> (exponent + 3)) & 0xFFF;
        return 0x8000 | exponent << 12 | mantissa;
    }

    /**
     * The querier's query interval in seconds that a QQIC says (RFC 3810 section 5.1.9): the code
     * itself below 128, else {@code (mant | 0x10) << (exp + 3)}.
     *
     * @throws IllegalArgumentException if {@code code} does not fit in 8 unsigned bits
     */
    public static int queryInterval(int code) {
        if ((code & ~0xFF) != 0) {
            throw new IllegalArgumentException("a QQIC is 8 unsigned bits, was " + code);
        }
        if (code < 0x80) {
            return code;
        }
        int exponent = (code >> 4) & 0x7;
        int mantissa = code & 0xF;
        return (mantissa | 0x10) << (exponent + 3);
    }

    /**
     * The QQIC for a query interval in seconds: exact below 128, else the largest representable
     * interval not above it.
     *
     * @throws IllegalArgumentException if the interval is negative or above {@link #MAX_QUERY_INTERVAL}
     */
    public static int queryIntervalCode(int seconds) {
        if (seconds < 0 || seconds > MAX_QUERY_INTERVAL) {
            throw new IllegalArgumentException("query interval out of range: " + seconds);
        }
        if (seconds < 0x80) {
            return seconds;
        }
        int exponent = 0;
        while ((seconds >> (exponent + 3)) >= 0x20) {
            exponent++;
        }
        int mantissa = (seconds >> (exponent + 3)) & 0xF;
        return 0x80 | exponent << 4 | mantissa;
    }

    /**
     * Checks a source count against {@link #MAX_SOURCES} and against the bytes that hold the list.
     *
     * @param count the number of sources the message declares
     * @param available bytes from the first source to the end of the message
     * @param errorOffset the offset of the count field, for the error
     * @throws ParseException {@code UNSUPPORTED} above the bound, {@code MALFORMED} when the
     *     sources run past the end
     */
    static void checkSources(int count, int available, String layer, int errorOffset) throws ParseException {
        if (count > MAX_SOURCES) {
            throw ParseException.unsupported(layer, "numberOfSources", errorOffset,
                    "%d sources exceed the bound of %d", count, MAX_SOURCES);
        }
        if ((long) count * SOURCE_LENGTH > available) {
            throw ParseException.malformed(layer, "numberOfSources", errorOffset,
                    "%d sources run past the end of the message", count);
        }
    }

    /**
     * Checks the source list of an MLDv2 query whose fixed fields start at {@code array[start]}
     * (after the ICMPv6 header) and whose message ends at {@code end}: what a parser calls before
     * it consumes anything.
     *
     * @return the number of sources
     * @throws ParseException as {@link #checkSources}
     */
    public static int validateQuerySources(byte[] array, int start, int end, int errorBase) throws ParseException {
        int count = Bytes.u16(array, start + Mldv2Query.NUMBER_OF_SOURCES_OFFSET);
        checkSources(count, end - start - Mldv2Query.FIXED_LENGTH, Mldv2Query.LAYER,
                errorBase + Mldv2Query.NUMBER_OF_SOURCES_OFFSET);
        return count;
    }
}
