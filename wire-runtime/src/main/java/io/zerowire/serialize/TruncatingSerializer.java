package io.zerowire.serialize;

import io.zerowire.buffer.PacketBuffer;
import java.util.Objects;

/**
 * A buffer's body that is cut to fit instead of failing with {@link SizeLimitExceededException}
 * (netstack3's {@code TruncatingSerializer}): an ICMP error quotes as much of the offending
 * packet as fits in 576 (IPv4) or 1280 (IPv6) bytes.
 *
 * <pre>{@code
 * buffer.undoParse(ip.parseMetadata());                 // the whole original datagram again
 * new TruncatingSerializer(buffer, TruncatingSerializer.Direction.DISCARD_BACK)
 *         .encapsulate(icmpDestinationUnreachable)
 *         .encapsulate(ipv4Reply)
 *         .serialize(PacketConstraints.maxBody(576), provider);
 * }</pre>
 *
 * <p>Truncation shrinks the wrapped buffer's body in place (the cut bytes move into its prefix or
 * suffix, nothing is copied), so it is visible after serializing.
 */
public final class TruncatingSerializer implements Serializer {
    /** Which end of the body loses bytes. */
    public enum Direction {
        /** Keep the end of the body. */
        DISCARD_FRONT,
        /** Keep the start of the body: what ICMP error messages want. */
        DISCARD_BACK
    }

    private final PacketBuffer buffer;
    private final Direction direction;

    /** Serializes {@code buffer}'s body, cut from {@code direction} when it does not fit. */
    public TruncatingSerializer(PacketBuffer buffer, Direction direction) {
        this.buffer = Objects.requireNonNull(buffer, "buffer");
        this.direction = Objects.requireNonNull(direction, "direction");
    }

    @Override
    public PacketBuffer serialize(PacketConstraints outer, BufferProvider provider) throws SizeLimitExceededException {
        int excess = buffer.bodyLength() - outer.maxBodyLength();
        if (excess > 0) {
            if (direction == Direction.DISCARD_BACK) {
                buffer.shrinkBack(excess);
            } else {
                buffer.shrinkFront(excess);
            }
        }
        return buffer.serialize(outer, provider);
    }
}
