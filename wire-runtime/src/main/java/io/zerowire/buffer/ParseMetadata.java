package io.zerowire.buffer;

/**
 * How much a parse consumed, so that {@link PacketBuffer#undoParse(ParseMetadata)} can give it back.
 *
 * <p>{@code bodyLength} excludes padding: a layer that trims trailing padding (an IPv4 packet
 * inside a padded Ethernet frame) records the body it kept, and the enclosing layer's own body
 * length brings the padding back when its parse is undone.
 *
 * @param headerLength bytes consumed from the front
 * @param bodyLength bytes left as the body, padding excluded
 * @param footerLength bytes consumed from the back, padding excluded
 */
public record ParseMetadata(int headerLength, int bodyLength, int footerLength) {
    /** Rejects negative lengths. */
    public ParseMetadata {
        if (headerLength < 0 || bodyLength < 0 || footerLength < 0) {
            throw new IllegalArgumentException(
                    "negative length in ParseMetadata(" + headerLength + ", " + bodyLength + ", " + footerLength + ")");
        }
    }
}
