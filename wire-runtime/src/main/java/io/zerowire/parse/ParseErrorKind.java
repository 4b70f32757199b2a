package io.zerowire.parse;

/**
 * Why a parser rejected its input, in the four categories that callers act on differently
 * (netstack3's {@code ParseError}).
 */
public enum ParseErrorKind {
    /** The bytes do not follow the format: too short, a bad length field, a wrong constant. */
    MALFORMED,
    /** The format is fine but a checksum does not verify. */
    CHECKSUM,
    /** Well formed, but uses a feature this implementation does not support. */
    UNSUPPORTED,
    /** Well formed and supported, but not what the caller asked for (say, a reply where a request was expected). */
    NOT_EXPECTED
}
