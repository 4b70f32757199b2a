package io.zerowire.parse;

/**
 * A {@link Parser} that needs context from outside the bytes, for example a transport header that
 * needs the IP source and destination for its pseudo-header checksum.
 *
 * @param <P> the parsed packet
 * @param <A> the context
 */
@FunctionalInterface
public interface ParserWith<P, A> {
    /** Parses from {@code view} with {@code args}; on failure throws, and the caller restores the view. */
    P parse(BufferView view, A args) throws ParseException;
}
