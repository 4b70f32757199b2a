package io.zerowire.protocols.icmp;

/**
 * The ICMPv4 messages {@link IcmpPacket} reads field by field, chosen by type, and {@link #OTHER}
 * for every other type (kept, not rejected: its type, code and checksum are read and verified, the
 * rest is the raw body). A closed Java enum, so that a {@code switch} over it is exhaustive.
 */
public enum IcmpMessageKind {
    /** Echo reply (type 0): {@link IcmpEchoLayout}, then the echoed data. */
    ECHO_REPLY(0, IcmpEcho.FIXED_LENGTH, false),
    /** Destination unreachable (type 3): {@link IcmpDestinationUnreachableLayout}, then the quoted datagram. */
    DESTINATION_UNREACHABLE(3, IcmpDestinationUnreachable.FIXED_LENGTH, true),
    /** Redirect (type 5): {@link IcmpRedirectLayout}, then the quoted datagram. */
    REDIRECT(5, IcmpRedirect.FIXED_LENGTH, true),
    /** Echo request (type 8): {@link IcmpEchoLayout}, then the data to echo. */
    ECHO_REQUEST(8, IcmpEcho.FIXED_LENGTH, false),
    /** Time exceeded (type 11): {@link IcmpTimeExceededLayout}, then the quoted datagram. */
    TIME_EXCEEDED(11, IcmpTimeExceeded.FIXED_LENGTH, true),
    /** Parameter problem (type 12): {@link IcmpParameterProblemLayout}, then the quoted datagram. */
    PARAMETER_PROBLEM(12, IcmpParameterProblem.FIXED_LENGTH, true),
    /** Timestamp request (type 13): {@link IcmpTimestampLayout}. */
    TIMESTAMP_REQUEST(13, IcmpTimestamp.FIXED_LENGTH, false),
    /** Timestamp reply (type 14): {@link IcmpTimestampLayout}. */
    TIMESTAMP_REPLY(14, IcmpTimestamp.FIXED_LENGTH, false),
    /** Any other type: only the common header is read; the body is everything after it. */
    OTHER(-1, 0, false);

    private static final IcmpMessageKind[] BY_TYPE = new IcmpMessageKind[256];

    static {
        java.util.Arrays.fill(BY_TYPE, OTHER);
        for (IcmpMessageKind kind : values()) {
            if (kind.type >= 0) {
                BY_TYPE[kind.type] = kind;
            }
        }
    }

    private final int type;
    private final int fixedLength;
    private final boolean error;

    IcmpMessageKind(int type, int fixedLength, boolean error) {
        this.type = type;
        this.fixedLength = fixedLength;
        this.error = error;
    }

    /** The kind of a message of type {@code type} (0 to 255; {@link #OTHER} for the rest). */
    public static IcmpMessageKind of(int type) {
        return (type & ~0xFF) == 0 ? BY_TYPE[type] : OTHER;
    }

    /** The type number, or -1 for {@link #OTHER}. */
    public int type() {
        return type;
    }

    /** Bytes of the message layout after the 4-byte common header (0 for {@link #OTHER}). */
    public int fixedLength() {
        return fixedLength;
    }

    /** Whether the message is an error that quotes the datagram that caused it. */
    public boolean isError() {
        return error;
    }

    /** Whether the message has the RFC 4884 length attribute (destination unreachable, time exceeded, parameter problem). */
    public boolean hasExtensions() {
        return this == DESTINATION_UNREACHABLE || this == TIME_EXCEEDED || this == PARAMETER_PROBLEM;
    }
}
