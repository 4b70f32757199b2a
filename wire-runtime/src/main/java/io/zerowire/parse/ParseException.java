package io.zerowire.parse;

import java.util.Objects;

/**
 * The one error a parser may raise: hostile bytes always end here, never in an
 * {@code IndexOutOfBoundsException} or anything else.
 *
 * <p>It is a <em>checked</em> exception on purpose: for a network parser, rejecting input is an
 * expected outcome on every call, not a programming error, so the compiler should make every
 * caller decide what to do with it (netstack3 returns a {@code Result} for the same reason).
 *
 * <p>Throwing one is cheap, so a flood of garbage cannot become a CPU attack: no stack trace is
 * captured, suppression is off, and the message is only formatted when someone asks for it. A
 * detail that quotes the offending values is a format string with up to two numbers
 * ({@link #malformed(String, String, int, String, long)} and the like), formatted by
 * {@link #detail()} too, so rejecting a packet allocates the exception and nothing else.
 *
 * <pre>{@code
 * try {
 *     Ipv4Packet ip = Ipv4Packet.parse(buffer);
 * } catch (ParseException e) {
 *     log.debug("dropped: {}", e.getMessage()); // "malformed ipv4.totalLength at byte 2: ..."
 * }
 * }</pre>
 */
public class ParseException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ParseErrorKind kind;
    private final String layer;
    private final String field;
    private final int offset;
    private final String detail;
    /** How many of {@link #first} and {@link #second} the detail formats: 0, 1 or 2. */
    private final int values;
    private final long first;
    private final long second;

    /**
     * @param kind what went wrong
     * @param layer the protocol layer that rejected the input, for example {@code "ipv4"}
     * @param field the field at fault, for example {@code "totalLength"}, or {@code ""} when no one field is
     * @param offset the byte offset of the field, counted from the start of the buffer's region
     * @param detail a short explanation for humans; should be a constant string on hot paths
     */
    public ParseException(ParseErrorKind kind, String layer, String field, int offset, String detail) {
        this(kind, layer, field, offset, detail, 0, 0, 0);
    }

    /**
     * An error whose detail quotes numbers from the packet without formatting them now.
     *
     * @param detailFormat a {@link String#format} pattern with one conversion ({@code %d}, {@code %x})
     *     per value
     * @param values how many of {@code first} and {@code second} the pattern formats: 0, 1 or 2
     */
    protected ParseException(ParseErrorKind kind, String layer, String field, int offset, String detailFormat,
            int values, long first, long second) {
        super(null, null, false, false);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.layer = Objects.requireNonNull(layer, "layer");
        this.field = Objects.requireNonNull(field, "field");
        this.offset = offset;
        this.detail = Objects.requireNonNull(detailFormat, "detail");
        if (values < 0 || values > 2) {
            throw new IllegalArgumentException("0 to 2 values, not " + values);
        }
        this.values = values;
        this.first = first;
        this.second = second;
    }

    /** A {@link ParseErrorKind#MALFORMED} error. */
    public static ParseException malformed(String layer, String field, int offset, String detail) {
        return new ParseException(ParseErrorKind.MALFORMED, layer, field, offset, detail);
    }

    /** A {@link ParseErrorKind#CHECKSUM} error. */
    public static ParseException checksum(String layer, String field, int offset, String detail) {
        return new ParseException(ParseErrorKind.CHECKSUM, layer, field, offset, detail);
    }

    /** An {@link ParseErrorKind#UNSUPPORTED} error. */
    public static ParseException unsupported(String layer, String field, int offset, String detail) {
        return new ParseException(ParseErrorKind.UNSUPPORTED, layer, field, offset, detail);
    }

    /** A {@link ParseErrorKind#NOT_EXPECTED} error. */
    public static ParseException notExpected(String layer, String field, int offset, String detail) {
        return new ParseException(ParseErrorKind.NOT_EXPECTED, layer, field, offset, detail);
    }

    /** A {@link ParseErrorKind#MALFORMED} error whose detail formats {@code value} ({@code %d} or {@code %x}) when read. */
    public static ParseException malformed(String layer, String field, int offset, String detailFormat, long value) {
        return new ParseException(ParseErrorKind.MALFORMED, layer, field, offset, detailFormat, 1, value, 0);
    }

    /** A {@link ParseErrorKind#MALFORMED} error whose detail formats two values when read. */
    public static ParseException malformed(String layer, String field, int offset, String detailFormat, long first,
            long second) {
        return new ParseException(ParseErrorKind.MALFORMED, layer, field, offset, detailFormat, 2, first, second);
    }

    /** An {@link ParseErrorKind#UNSUPPORTED} error whose detail formats {@code value} when read. */
    public static ParseException unsupported(String layer, String field, int offset, String detailFormat, long value) {
        return new ParseException(ParseErrorKind.UNSUPPORTED, layer, field, offset, detailFormat, 1, value, 0);
    }

    /** An {@link ParseErrorKind#UNSUPPORTED} error whose detail formats two values when read. */
    public static ParseException unsupported(String layer, String field, int offset, String detailFormat, long first,
            long second) {
        return new ParseException(ParseErrorKind.UNSUPPORTED, layer, field, offset, detailFormat, 2, first, second);
    }

    /** A {@link ParseErrorKind#NOT_EXPECTED} error whose detail formats {@code value} when read. */
    public static ParseException notExpected(String layer, String field, int offset, String detailFormat, long value) {
        return new ParseException(ParseErrorKind.NOT_EXPECTED, layer, field, offset, detailFormat, 1, value, 0);
    }

    /** What went wrong. */
    public ParseErrorKind kind() {
        return kind;
    }

    /** The layer that rejected the input, such as {@code "ipv4"}. */
    public String layer() {
        return layer;
    }

    /** The field at fault, or {@code ""} when the fault is not in one field (for example a short buffer). */
    public String field() {
        return field;
    }

    /** Byte offset of the fault, counted from the start of the buffer's region. */
    public int offset() {
        return offset;
    }

    /** The human explanation, without layer, field and offset (formatted now if it quotes values). */
    public String detail() {
        return switch (values) {
            case 0 -> detail;
            case 1 -> String.format(java.util.Locale.ROOT, detail, first);
            default -> String.format(java.util.Locale.ROOT, detail, first, second);
        };
    }

    @Override
    public String getMessage() {
        StringBuilder message = new StringBuilder(64)
                .append(kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                .append(' ')
                .append(layer);
        if (!field.isEmpty()) {
            message.append('.').append(field);
        }
        return message.append(" at byte ").append(offset).append(": ").append(detail()).toString();
    }
}
