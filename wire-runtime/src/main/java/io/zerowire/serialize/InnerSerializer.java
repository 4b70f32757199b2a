package io.zerowire.serialize;

import io.zerowire.buffer.PacketBuffer;

/**
 * The innermost serializer for an {@link InnerPacketBuilder}: asks the provider for one buffer
 * with room for every outer header, footer and padding, and writes the bytes in the middle.
 */
public final class InnerSerializer implements Serializer {
    private final InnerPacketBuilder builder;

    /** Serializes what {@code builder} writes. */
    public InnerSerializer(InnerPacketBuilder builder) {
        this.builder = java.util.Objects.requireNonNull(builder, "builder");
    }

    /** The builder that writes the bytes. */
    public InnerPacketBuilder builder() {
        return builder;
    }

    @Override
    public PacketBuffer serialize(PacketConstraints outer, BufferProvider provider) throws SizeLimitExceededException {
        int length = builder.bytesLength();
        if (length > outer.maxBodyLength()) {
            throw new SizeLimitExceededException(length, outer.maxBodyLength());
        }
        int padding = Math.max(0, outer.minBodyLength() - length);
        PacketBuffer buffer = provider.allocate(outer.headerLength(), length, padding + outer.footerLength());
        builder.writeBytes(buffer.array(), buffer.bodyStart());
        return buffer;
    }
}
