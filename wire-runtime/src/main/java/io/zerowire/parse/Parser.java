package io.zerowire.parse;

/**
 * Parses a packet from the front (and possibly the back) of a {@link BufferView}, consuming its
 * header and footer and leaving its body as the view's remaining bytes.
 *
 * <p>Generated views offer a ready parser as a method reference, for example
 * {@code buffer.parse(UdpHeader::parse)}.
 *
 * @param <P> the parsed packet (usually a view over the same bytes)
 */
@FunctionalInterface
public interface Parser<P> {
    /** Parses from {@code view}; on failure throws, and the caller restores the view. */
    P parse(BufferView view) throws ParseException;
}
