package io.zerowire.serialize;

import io.zerowire.buffer.PacketBuffer;

/**
 * Writes one layer's header and footer around a body that is already in place (netstack3's
 * {@code PacketBuilder}). Generated builders implement it; {@link Serializer#encapsulate} stacks
 * them.
 */
public interface PacketBuilder {
    /**
     * This layer's header and footer lengths and body limits. Must return equal values on every
     * call while the builder is not modified; returning the same instance lets serializers cache
     * the combined constraints and allocate nothing.
     */
    PacketConstraints constraints();

    /**
     * Writes the header into {@code target}'s header region and the footer into its footer
     * region. {@code body}'s body is this layer's body, padding included, already final: a builder
     * may read it (to compute a checksum) but must not change it. Every byte of the header and
     * footer regions must be written, so a reused buffer never leaks old bytes.
     */
    void serialize(SerializeTarget target, PacketBuffer body);
}
