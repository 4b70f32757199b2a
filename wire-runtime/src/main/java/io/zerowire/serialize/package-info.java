/**
 * Serialization, after netstack3's {@code packet} crate: {@link io.zerowire.serialize.Serializer}
 * chains of {@link io.zerowire.serialize.PacketBuilder} layers, combined
 * {@link io.zerowire.serialize.PacketConstraints}, and the
 * {@link io.zerowire.serialize.BufferProvider} that decides whether a buffer is reused.
 */
package io.zerowire.serialize;
