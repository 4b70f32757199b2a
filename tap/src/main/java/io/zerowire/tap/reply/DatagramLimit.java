package io.zerowire.tap.reply;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.serialize.PacketBuilder;
import io.zerowire.serialize.PacketConstraints;
import io.zerowire.serialize.SerializeTarget;

/**
 * A layer of no bytes whose only constraint is a maximum body: placed between an IP layer and the
 * Ethernet layer, it bounds the IP datagram (576 bytes for an ICMPv4 error) so that a truncating
 * serializer inside cuts its quote, while the Ethernet header still goes in the same pass.
 */
public final class DatagramLimit implements PacketBuilder {
    private final PacketConstraints constraints;

    /** At most {@code maxDatagramLength} bytes inside this layer. */
    public DatagramLimit(int maxDatagramLength) {
        this.constraints = PacketConstraints.of(0, 0, 0, maxDatagramLength);
    }

    @Override
    public PacketConstraints constraints() {
        return constraints;
    }

    @Override
    public void serialize(SerializeTarget target, PacketBuffer body) {
        // No header and no footer: nothing to write.
    }
}
