package io.zerowire.protocols.icmpv6;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv6;
import io.zerowire.serialize.PacketBuilder;
import io.zerowire.serialize.PacketConstraints;
import io.zerowire.serialize.SerializeTarget;
import io.zerowire.serialize.Serializer;
import io.zerowire.serialize.TruncatingSerializer;
import java.util.Objects;

/**
 * Builds ICMPv6 error messages that quote the invoking packet (RFC 4443 section 2.4 (c)): as much
 * of it as fits without the error message exceeding the minimum IPv6 MTU. The invoking packet is a
 * received buffer whose body is the whole original IPv6 packet (undo its parse first); a
 * {@link TruncatingSerializer} cuts its end in place when it does not fit, so nothing is copied
 * until the one write of the serialized message.
 *
 * <pre>{@code
 * buffer.undoParse(...);                                      // the body is the original IPv6 packet again
 * Serializer error = Icmpv6Errors.quoting(buffer,
 *         new PacketTooBigBuilder().mtu(1400),
 *         new Icmpv6HeaderBuilder().type(Icmpv6Type.PACKET_TOO_BIG).addresses(router, originalSource));
 * PacketBuffer message = error.serialize(BufferProvider.neverReuse());   // at most 1240 bytes
 * }</pre>
 *
 * The limit applies to the ICMPv6 message: {@value #MAX_MESSAGE_LENGTH} bytes leaves room for the
 * 40-byte IPv6 header within 1280. Encapsulated further (in an IPv6 builder with extension headers,
 * say), serialize with an outer {@code PacketConstraints.maxBody(1280)} and the tighter limit wins.
 */
public final class Icmpv6Errors {
    /** The largest error message: the minimum IPv6 MTU (1280) minus a 40-byte IPv6 header. */
    public static final int MAX_MESSAGE_LENGTH = Ipv6.MINIMUM_LINK_MTU - 40;

    private Icmpv6Errors() {}

    /**
     * An error message of at most {@value #MAX_MESSAGE_LENGTH} bytes: {@code header} (type, code,
     * checksum), {@code message} (the error's four bytes: a
     * {@code DestinationUnreachableBuilder}, {@code PacketTooBigBuilder}, {@code TimeExceededBuilder}
     * or {@code ParameterProblemBuilder}) and the body of {@code invokingPacket}, cut at the end
     * to fit.
     */
    public static Serializer quoting(PacketBuffer invokingPacket, PacketBuilder message, Icmpv6HeaderBuilder header) {
        return quoting(invokingPacket, message, header, MAX_MESSAGE_LENGTH);
    }

    /**
     * As {@link #quoting(PacketBuffer, PacketBuilder, Icmpv6HeaderBuilder)} with another limit on the
     * whole ICMPv6 message, for an IPv6 header with extension headers (1280 minus all of them).
     *
     * @throws IllegalArgumentException if the limit cannot hold the two headers
     */
    public static Serializer quoting(PacketBuffer invokingPacket, PacketBuilder message, Icmpv6HeaderBuilder header,
            int maxMessageLength) {
        Objects.requireNonNull(invokingPacket, "invokingPacket");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(header, "header");
        if (maxMessageLength < Icmpv6Packet.HEADER_LENGTH + message.constraints().headerLength()) {
            throw new IllegalArgumentException("a limit of " + maxMessageLength + " bytes cannot hold the headers");
        }
        return new TruncatingSerializer(invokingPacket, TruncatingSerializer.Direction.DISCARD_BACK)
                .encapsulate(message)
                .encapsulate(header)
                .encapsulate(new LengthLimit(maxMessageLength));
    }

    /**
     * A layer of no bytes whose only constraint is a maximum body: what makes the truncating
     * serializer inside it cut the quote. (The message builders say no maximum of their own.)
     */
    private static final class LengthLimit implements PacketBuilder {
        private final PacketConstraints constraints;

        LengthLimit(int maxBodyLength) {
            this.constraints = PacketConstraints.of(0, 0, 0, maxBodyLength);
        }

        @Override
        public PacketConstraints constraints() {
            return constraints;
        }

        @Override
        public void serialize(SerializeTarget target, PacketBuffer body) {
            // No header or footer: nothing to write.
        }
    }
}
