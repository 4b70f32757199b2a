package io.zerowire.protocols.icmp;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.buffer.ParseMetadata;
import io.zerowire.checksum.InternetChecksum;
import io.zerowire.parse.BufferView;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.ipv4.Ipv4;

/**
 * An ICMPv4 message (RFC 792): the common {@link IcmpHeader}, checksum verified over the whole
 * message, and the message view its type calls for. A reusable view: {@link #wrap} it for every
 * packet, nothing is allocated.
 *
 * <pre>{@code
 * IcmpPacket icmp = new IcmpPacket();                 // once
 * Ipv4 ip = new Ipv4();
 * ip.wrap(buffer);                                    // body: the IPv4 payload
 * icmp.wrap(buffer);                                  // body: echo data, or the quoted datagram
 * switch (icmp.kind()) {
 *     case ECHO_REQUEST -> reply(icmp.echo().identifier(), icmp.echo().sequence());
 *     case DESTINATION_UNREACHABLE -> {
 *         Ipv4 quoted = icmp.quotedDatagram(new Ipv4());   // cut short: its total length says more
 *         int mtu = icmp.destinationUnreachable().nextHopMtu();
 *     }
 *     default -> { }
 * }
 * }</pre>
 *
 * <p><b>What {@code wrap} checks</b>, before it moves anything: the 4-byte header; the message's
 * fixed fields (8 bytes in all for echo and the errors, 20 for timestamps); for destination
 * unreachable, time exceeded and parameter problem, that an RFC 4884 length attribute does not
 * claim more than the message holds; then the checksum over the whole rest of the buffer (give it
 * the IPv4 payload, which the {@link Ipv4} view trims to the datagram's total length).
 * {@code MALFORMED} errors name the message's layer ({@code "icmp-echo"}...) and field.
 *
 * <p><b>Unknown types are kept</b>, not rejected: a message of a type this class has no view for
 * ({@link IcmpMessageKind#OTHER}: source quench, router discovery, extended echo, ...) parses
 * with its type, code and checksum read and verified; its body is everything after the 4-byte
 * header. RFC 1122 section 3.2.2 asks hosts to silently discard such messages, which a caller does
 * by looking at {@link #kind()}; a dissector still sees them.
 *
 * <p><b>After {@code wrap}</b> the buffer's body is what follows the message's fixed fields: the
 * echo data; for the errors the quoted original datagram, parseable with
 * {@link Ipv4#parseQuoted} or {@link #quotedDatagram(Ipv4)} (an RFC 4884 extension structure,
 * when the length attribute says there is one, moves into the buffer's suffix: see
 * {@link #extensionOffset()}); anything after a timestamp message's 20 bytes; the rest of an
 * {@code OTHER} message. {@link #undoParse} gives everything back.
 *
 * <p>The message views' setters (such as {@code echo().setSequence(n)}) edit in place but cannot
 * see the checksum, which lives in the header; call {@link #updateChecksum()} after editing them.
 * The header view's own setters ({@code header().setType(...)}) keep it right by themselves.
 */
public final class IcmpPacket {
    private final IcmpHeader header = new IcmpHeader();
    private final IcmpEcho echo = new IcmpEcho();
    private final IcmpDestinationUnreachable destinationUnreachable = new IcmpDestinationUnreachable();
    private final IcmpRedirect redirect = new IcmpRedirect();
    private final IcmpTimeExceeded timeExceeded = new IcmpTimeExceeded();
    private final IcmpParameterProblem parameterProblem = new IcmpParameterProblem();
    private final IcmpTimestamp timestamp = new IcmpTimestamp();
    /** Reused to hand the quoted datagram to an {@link Ipv4} view without touching the caller's buffer. */
    private final PacketBuffer quote = PacketBuffer.wrap(new byte[0]);

    private IcmpMessageKind kind;
    private int regionStart;
    private int bodyOffset;
    private int bodyLength;
    private int extensionLength;

    /** An empty view, for reuse: {@link #wrap} it before reading. */
    public IcmpPacket() {}

    /**
     * Parses the ICMP message at the front of {@code buffer} into a new view, verifying its checksum.
     *
     * @throws ParseException if it is not a valid message; the buffer is then unchanged
     */
    public static IcmpPacket parse(BufferView buffer) throws ParseException {
        return new IcmpPacket().wrap(buffer);
    }

    /**
     * Points this view at the ICMP message that fills {@code buffer}'s body, verifying the checksum
     * over all of it, and consumes the header and the message's fixed fields.
     *
     * @return this view
     * @throws ParseException {@code MALFORMED} if too short for its type or its RFC 4884 length runs
     *     past the end; {@code CHECKSUM} if the checksum does not verify. The buffer and this view
     *     are then unchanged.
     */
    public IcmpPacket wrap(BufferView buffer) throws ParseException {
        return wrap(buffer, true);
    }

    /** Like {@link #wrap} without verifying the checksum (see {@link #checksumValid()}). */
    public IcmpPacket wrapUnverified(BufferView buffer) throws ParseException {
        return wrap(buffer, false);
    }

    private IcmpPacket wrap(BufferView buffer, boolean verifyChecksum) throws ParseException {
        int available = buffer.remaining();
        IcmpMessageKind found = IcmpMessageKind.OTHER;
        int extension = 0;
        if (available >= IcmpHeader.FIXED_LENGTH) {
            // Every check that could fail after the header is consumed runs first, so that a
            // failed parse leaves the buffer as it was.
            byte[] array = buffer.array();
            int at = buffer.bodyStart();
            int position = buffer.position();
            found = IcmpMessageKind.of(array[at + IcmpHeader.TYPE_OFFSET] & 0xFF);
            int rest = available - IcmpHeader.FIXED_LENGTH;
            if (rest < found.fixedLength()) {
                throw ParseException.malformed(layer(found), "", position + IcmpHeader.FIXED_LENGTH,
                        "shorter than the %d bytes after the ICMP header", found.fixedLength());
            }
            if (found.hasExtensions()) {
                // The length attribute is at the same place in all three messages (RFC 4884 section 4.1).
                int lengthAt = IcmpHeader.FIXED_LENGTH + IcmpTimeExceeded.ORIGINAL_DATAGRAM_LENGTH_OFFSET;
                int words = array[at + lengthAt] & 0xFF;
                int quoted = rest - found.fixedLength();
                if (words * 4 > quoted) {
                    throw ParseException.malformed(layer(found), "originalDatagramLength", position + lengthAt,
                            "the RFC 4884 length (%d words) runs past the %d bytes of the message", words, quoted);
                }
                extension = words == 0 ? 0 : quoted - words * 4;
            }
        }
        if (verifyChecksum) {
            header.wrap(buffer);
        } else {
            header.wrapUnverified(buffer);
        }
        switch (found) {
            case ECHO_REPLY, ECHO_REQUEST -> echo.wrap(buffer);
            case DESTINATION_UNREACHABLE -> destinationUnreachable.wrap(buffer);
            case REDIRECT -> redirect.wrap(buffer);
            case TIME_EXCEEDED -> timeExceeded.wrap(buffer);
            case PARAMETER_PROBLEM -> parameterProblem.wrap(buffer);
            case TIMESTAMP_REQUEST, TIMESTAMP_REPLY -> timestamp.wrap(buffer);
            case OTHER -> { }
        }
        if (extension > 0) {
            // The extension structure goes to the suffix, so the body is exactly the quoted datagram;
            // the message view's undoParse grows it back.
            buffer.takeBack(extension);
        }
        this.kind = found;
        this.regionStart = buffer.bodyStart() - buffer.position();
        this.bodyOffset = buffer.bodyStart();
        this.bodyLength = buffer.remaining();
        this.extensionLength = extension;
        return this;
    }

    private static String layer(IcmpMessageKind kind) {
        return switch (kind) {
            case ECHO_REPLY, ECHO_REQUEST -> IcmpEcho.LAYER;
            case DESTINATION_UNREACHABLE -> IcmpDestinationUnreachable.LAYER;
            case REDIRECT -> IcmpRedirect.LAYER;
            case TIME_EXCEEDED -> IcmpTimeExceeded.LAYER;
            case PARAMETER_PROBLEM -> IcmpParameterProblem.LAYER;
            case TIMESTAMP_REQUEST, TIMESTAMP_REPLY -> IcmpTimestamp.LAYER;
            case OTHER -> IcmpHeader.LAYER;
        };
    }

    /** Which message this is, chosen by type. */
    public IcmpMessageKind kind() {
        return kind;
    }

    /** The common header: type, code, checksum. */
    public IcmpHeader header() {
        return header;
    }

    /** The type, named or not. */
    public IcmpType type() {
        return header.type();
    }

    /** The type number. */
    public int typeValue() {
        return header.typeValue();
    }

    /** The code; see {@link IcmpUnreachableCode}, {@link IcmpRedirectCode}, {@link IcmpTimeExceededCode}, {@link IcmpParameterProblemCode}. */
    public int code() {
        return header.code();
    }

    /** The checksum field. */
    public int checksum() {
        return header.checksum();
    }

    /** Whether the checksum verifies over the whole message as it is now. */
    public boolean checksumValid() {
        return header.checksumValid();
    }

    /** Whether this is an error message that quotes a datagram (see {@link IcmpMessageKind#isError()}). */
    public boolean isError() {
        return kind.isError();
    }

    /** The echo request or reply fields. @throws IllegalStateException for another kind */
    public IcmpEcho echo() {
        require(kind == IcmpMessageKind.ECHO_REQUEST || kind == IcmpMessageKind.ECHO_REPLY, "an echo");
        return echo;
    }

    /** The destination unreachable fields. @throws IllegalStateException for another kind */
    public IcmpDestinationUnreachable destinationUnreachable() {
        require(kind == IcmpMessageKind.DESTINATION_UNREACHABLE, "a destination unreachable");
        return destinationUnreachable;
    }

    /** The redirect fields. @throws IllegalStateException for another kind */
    public IcmpRedirect redirect() {
        require(kind == IcmpMessageKind.REDIRECT, "a redirect");
        return redirect;
    }

    /** The time exceeded fields. @throws IllegalStateException for another kind */
    public IcmpTimeExceeded timeExceeded() {
        require(kind == IcmpMessageKind.TIME_EXCEEDED, "a time exceeded");
        return timeExceeded;
    }

    /** The parameter problem fields. @throws IllegalStateException for another kind */
    public IcmpParameterProblem parameterProblem() {
        require(kind == IcmpMessageKind.PARAMETER_PROBLEM, "a parameter problem");
        return parameterProblem;
    }

    /** The timestamp request or reply fields. @throws IllegalStateException for another kind */
    public IcmpTimestamp timestamp() {
        require(kind == IcmpMessageKind.TIMESTAMP_REQUEST || kind == IcmpMessageKind.TIMESTAMP_REPLY, "a timestamp");
        return timestamp;
    }

    /**
     * The RFC 4884 length attribute of a destination unreachable, time exceeded or parameter
     * problem message in 32-bit words (0: no extension structure); 0 for other messages.
     */
    public int originalDatagramWords() {
        return switch (kind) {
            case DESTINATION_UNREACHABLE -> destinationUnreachable.originalDatagramLength();
            case TIME_EXCEEDED -> timeExceeded.originalDatagramLength();
            case PARAMETER_PROBLEM -> parameterProblem.originalDatagramLength();
            default -> 0;
        };
    }

    /**
     * Points {@code view} at the datagram an error message quotes, with {@link Ipv4#wrapQuoted}:
     * its total length may claim more than was quoted, its checksum is not verified. The caller's
     * buffer is not touched; parse errors count offsets from the start of the caller's buffer.
     *
     * @return {@code view}, whose body is the quoted part of the datagram's payload (at least the
     *     first 8 bytes of the transport header, per RFC 792, when the sender followed it)
     * @throws ParseException if the quoted bytes do not hold a whole IPv4 header
     * @throws IllegalStateException if this is not an error message
     */
    public Ipv4 quotedDatagram(Ipv4 view) throws ParseException {
        require(kind.isError(), "an error");
        quote.rewrap(header.array(), regionStart, bodyOffset + bodyLength - regionStart);
        quote.resetBody(bodyOffset - regionStart, bodyLength);
        return view.wrapQuoted(quote);
    }

    /** Bytes of the ICMP header and the message's fixed fields, what {@code wrap} consumed from the front. */
    public int headerLength() {
        return IcmpHeader.FIXED_LENGTH + kind.fixedLength();
    }

    /** The array holding the message. */
    public byte[] array() {
        return header.array();
    }

    /** Array index of the message's first byte. */
    public int offset() {
        return header.offset();
    }

    /** Bytes of the whole message, from its type to the end of any extension structure. */
    public int messageLength() {
        return IcmpHeader.FIXED_LENGTH + header.bodyLength();
    }

    /** Array index of the body: the echo data, the quoted datagram, or the rest of an unknown message. */
    public int bodyOffset() {
        return bodyOffset;
    }

    /** Bytes of the body (without an RFC 4884 extension structure). */
    public int bodyLength() {
        return bodyLength;
    }

    /** Array index of the RFC 4884 extension structure, right after the original datagram field. */
    public int extensionOffset() {
        return bodyOffset + bodyLength;
    }

    /** Bytes of the RFC 4884 extension structure; 0 when the length attribute is 0 or nothing follows the datagram. */
    public int extensionLength() {
        return extensionLength;
    }

    /**
     * Recomputes the checksum over the whole message as it is now, after in-place edits through a
     * message view's setters.
     *
     * @return this view
     */
    public IcmpPacket updateChecksum() {
        header.setChecksum(0);
        header.setChecksum(InternetChecksum.compute(header.array(), header.offset(), messageLength()));
        return this;
    }

    /** What {@code wrap} consumed, for {@link PacketBuffer#undoParse(ParseMetadata)}. */
    public ParseMetadata parseMetadata() {
        return new ParseMetadata(headerLength(), messageLength() - headerLength(), 0);
    }

    /** Gives back to {@code buffer} what {@code wrap} consumed (extension structure included), without allocating. */
    public void undoParse(PacketBuffer buffer) {
        switch (kind) {
            case ECHO_REPLY, ECHO_REQUEST -> echo.undoParse(buffer);
            case DESTINATION_UNREACHABLE -> destinationUnreachable.undoParse(buffer);
            case REDIRECT -> redirect.undoParse(buffer);
            case TIME_EXCEEDED -> timeExceeded.undoParse(buffer);
            case PARAMETER_PROBLEM -> parameterProblem.undoParse(buffer);
            case TIMESTAMP_REQUEST, TIMESTAMP_REPLY -> timestamp.undoParse(buffer);
            case OTHER -> { }
        }
        header.undoParse(buffer);
    }

    private void require(boolean condition, String what) {
        if (kind == null) {
            throw new IllegalStateException("no message: wrap one first");
        }
        if (!condition) {
            throw new IllegalStateException("not " + what + " message but " + kind + " (type " + header.typeValue() + ")");
        }
    }

    /** The header, the message's fields and the body and extension lengths. */
    @Override
    public String toString() {
        if (kind == null) {
            return "icmp[no message]";
        }
        StringBuilder text = new StringBuilder(header.toString());
        switch (kind) {
            case ECHO_REPLY, ECHO_REQUEST -> text.append(' ').append(echo);
            case DESTINATION_UNREACHABLE -> text.append(' ').append(destinationUnreachable);
            case REDIRECT -> text.append(' ').append(redirect);
            case TIME_EXCEEDED -> text.append(' ').append(timeExceeded);
            case PARAMETER_PROBLEM -> text.append(' ').append(parameterProblem);
            case TIMESTAMP_REQUEST, TIMESTAMP_REPLY -> text.append(' ').append(timestamp);
            case OTHER -> { }
        }
        text.append(" body=").append(bodyLength);
        if (extensionLength > 0) {
            text.append(" extension=").append(extensionLength);
        }
        return text.toString();
    }
}
