package io.zerowire.serialize;

import io.zerowire.buffer.PacketBuffer;

/**
 * Something that can become a packet in a buffer: a payload, a received buffer's body, or a
 * payload wrapped in any number of {@link PacketBuilder} layers (netstack3's {@code Serializer}).
 *
 * <pre>{@code
 * PacketBuffer frame = Serializer.of(payload)
 *         .encapsulate(udp)
 *         .encapsulate(ipv4)
 *         .encapsulate(ethernet)
 *         .serialize(PacketConstraints.UNCONSTRAINED, provider);
 * }</pre>
 *
 * <p>The algorithm: constraints are combined outermost first, so that the innermost serializer
 * can ask the {@link BufferProvider} once for a buffer with enough prefix and suffix for every
 * layer; then each layer, innermost first, pads its body if needed and writes its header and
 * footer in place. At most one allocation; every output byte is written once.
 *
 * <p>Serializing does not consume a builder-based serializer: it can be serialized again (into
 * another buffer, or with a larger limit after a {@link SizeLimitExceededException}).
 */
public interface Serializer {
    /**
     * Serializes this packet as the body of layers that together impose {@code outer}.
     *
     * @return a buffer whose body is the serialized packet, with at least {@code outer}'s header
     *     length of prefix and footer length plus padding of suffix
     * @throws SizeLimitExceededException if the packet cannot fit {@code outer}'s maximum body;
     *     nothing has been changed then
     */
    PacketBuffer serialize(PacketConstraints outer, BufferProvider provider) throws SizeLimitExceededException;

    /** Serializes with no outer constraints. */
    default PacketBuffer serialize(BufferProvider provider) throws SizeLimitExceededException {
        return serialize(PacketConstraints.UNCONSTRAINED, provider);
    }

    /** Serializes with no outer constraints into a buffer from a new {@link BufferProvider#reuse()}. */
    default PacketBuffer serialize() throws SizeLimitExceededException {
        return serialize(PacketConstraints.UNCONSTRAINED, BufferProvider.reuse());
    }

    /** This packet as the body of {@code outer}. Create once and serialize as often as needed. */
    default NestedSerializer encapsulate(PacketBuilder outer) {
        return new NestedSerializer(this, outer);
    }

    /** A serializer for the bytes an {@link InnerPacketBuilder} writes. */
    static Serializer of(InnerPacketBuilder builder) {
        return new InnerSerializer(builder);
    }

    /** A serializer for the bytes of {@code payload}, referenced, not copied until serialized. */
    static Serializer of(byte[] payload) {
        return new InnerSerializer(InnerPacketBuilder.of(payload));
    }
}
