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
 * captured, suppression is off, and the message is only formatted when someone asks for it.
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

    /**
     * @param kind what went wrong
     * @param layer the protocol layer that rejected the input, for example {@code "ipv4"}
     * @param field the field at fault, for example {@code "totalLength"}, or {@code ""} when no one field is
     * @param offset the byte offset of the field, counted from the start of the buffer's region
     * @param detail a short explanation for humans; should be a constant string on hot paths
     */
    public ParseException(ParseErrorKind kind, String layer, String field, int offset, String detail) {
        super(null, null, false, false);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.layer = Objects.requireNonNull(layer, "layer");
        this.field = Objects.requireNonNull(field, "field");
        this.offset = offset;
        this.detail = Objects.requireNonNull(detail, "detail");
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

    /** The human explanation, without layer, field and offset. */
    public String detail() {
        return detail;
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
        return message.append(" at byte ").append(offset).append(": ").append(detail).toString();
    }
}
