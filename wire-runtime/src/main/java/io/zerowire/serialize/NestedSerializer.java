package io.zerowire.serialize;

import io.zerowire.buffer.PacketBuffer;
import java.util.Objects;

/**
 * An inner serializer wrapped in one more layer (netstack3's {@code Nested}); made by
 * {@link Serializer#encapsulate(PacketBuilder)}.
 *
 * <p>It caches the combined constraints of its last call and owns the {@link SerializeTarget}
 * it hands to its builder, so serializing the same stack again allocates nothing. For the same
 * reason an instance is not thread-safe: build one stack per thread.
 */
public final class NestedSerializer implements Serializer {
    private final Serializer inner;
    private final PacketBuilder outer;
    private final SerializeTarget target = new SerializeTarget();

    private PacketConstraints lastOuterConstraints;
    private PacketConstraints lastOwnConstraints;
    private PacketConstraints lastInnerConstraints;

    /** {@code inner} as the body of {@code outer}. */
    public NestedSerializer(Serializer inner, PacketBuilder outer) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.outer = Objects.requireNonNull(outer, "outer");
    }

    /** The body's serializer. */
    public Serializer inner() {
        return inner;
    }

    /** The layer around it. */
    public PacketBuilder outer() {
        return outer;
    }

    @Override
    public PacketBuffer serialize(PacketConstraints constraints, BufferProvider provider)
            throws SizeLimitExceededException {
        PacketConstraints own = outer.constraints();
        PacketBuffer buffer = inner.serialize(innerConstraints(own, constraints), provider);

        int bodyLength = buffer.bodyLength();
        if (bodyLength < own.minBodyLength()) {
            buffer.growBackZeroed(own.minBodyLength() - bodyLength);
        }
        int header = own.headerLength();
        int footer = own.footerLength();
        target.set(buffer.array(), buffer.bodyStart() - header, header, buffer.bodyEnd(), footer);
        outer.serialize(target, buffer);
        buffer.growFront(header).growBack(footer);
        return buffer;
    }

    private PacketConstraints innerConstraints(PacketConstraints own, PacketConstraints constraints)
            throws SizeLimitExceededException {
        // Builders and nested serializers hand back their cached constraints while nothing changes,
        // so identity settles the common case before the records' field-wise equals.
        if ((constraints == lastOuterConstraints || constraints.equals(lastOuterConstraints))
                && (own == lastOwnConstraints || own.equals(lastOwnConstraints))) {
            return lastInnerConstraints;
        }
        PacketConstraints combined = own.encapsulate(constraints);
        if (combined == null) {
            throw new SizeLimitExceededException(-1, constraints.maxBodyLength());
        }
        lastOuterConstraints = constraints;
        lastOwnConstraints = own;
        lastInnerConstraints = combined;
        return combined;
    }
}
