package io.zerowire.protocols.icmp;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.serialize.PacketBuilder;
import io.zerowire.serialize.PacketConstraints;
import io.zerowire.serialize.SerializeTarget;
import io.zerowire.serialize.Serializer;
import io.zerowire.serialize.TruncatingSerializer;
import java.util.Objects;

/**
 * Builds a whole ICMPv4 message header: the common {@link IcmpHeaderBuilder} (type, code, and the
 * checksum over the whole message, computed last) around one message builder ({@link
 * IcmpEchoBuilder}, {@link IcmpDestinationUnreachableBuilder}, ...), as one {@link PacketBuilder}.
 * The body it encapsulates is the message's data: the echo payload, or the quoted datagram.
 *
 * <pre>{@code
 * // An echo request in IPv4:
 * PacketBuffer ping = Serializer.of(payload)
 *         .encapsulate(IcmpMessageBuilder.echoRequest(0x1234, 1))
 *         .encapsulate(new Ipv4Builder().ttl(64).protocol(IpProtocol.ICMP).source(me).destination(peer))
 *         .serialize();
 *
 * // A port unreachable quoting the offending datagram, cut so the whole error fits 576 bytes:
 * buffer.undoParse(...);                                         // body: the whole original datagram
 * PacketBuffer error = IcmpMessageBuilder.destinationUnreachable(IcmpUnreachableCode.PORT)
 *         .quoting(buffer)
 *         .encapsulate(new Ipv4Builder().ttl(64).protocol(IpProtocol.ICMP).source(me).destination(sender))
 *         .serialize(PacketConstraints.maxBody(IcmpMessageBuilder.ERROR_DATAGRAM_LIMIT), BufferProvider.reuse());
 * }</pre>
 *
 * <p>The factories set the type, the code and the message's fields; {@link #header()} and
 * {@link #message()} give the builders to change them later or to override a derived field (the
 * checksum) for a deliberately invalid message. For a type without a message layout here, build
 * with {@link IcmpHeaderBuilder} alone and put the rest of the message in its body.
 *
 * <p>RFC 4884: the length attribute of destination unreachable, time exceeded and parameter
 * problem messages is written as 0 (no extension structure) unless set through {@link #message()};
 * to send extensions, set it and make the body the datagram zero-padded to that many 32-bit words
 * (at least 128 bytes) followed by the extension structure.
 *
 * @param <M> the generated builder of the message's fields
 */
public final class IcmpMessageBuilder<M extends PacketBuilder> implements PacketBuilder {
    /**
     * The largest IPv4 datagram an ICMP error should be (RFC 1812 section 4.3.2.3, RFC 1122 section
     * 3.2.2): serialize an error with {@code PacketConstraints.maxBody(ERROR_DATAGRAM_LIMIT)} and a
     * {@link #quoting} body, and the quote is cut to fit.
     */
    public static final int ERROR_DATAGRAM_LIMIT = 576;

    private final IcmpHeaderBuilder header;
    private final M message;
    private final SerializeTarget part = new SerializeTarget();
    private PacketConstraints cachedMessage;
    private PacketConstraints cachedConstraints;

    private IcmpMessageBuilder(IcmpType type, int code, M message) {
        this.header = new IcmpHeaderBuilder().type(type).code(code);
        this.message = Objects.requireNonNull(message, "message");
    }

    /**
     * A message of any type, code and fields: {@code message} need not be the one the type calls
     * for, which makes deliberately mismatched messages possible.
     */
    public static <M extends PacketBuilder> IcmpMessageBuilder<M> of(IcmpType type, int code, M message) {
        return new IcmpMessageBuilder<>(type, code, message);
    }

    /** An echo request (type 8, code 0); the body is the data to echo. */
    public static IcmpMessageBuilder<IcmpEchoBuilder> echoRequest(int identifier, int sequence) {
        return of(IcmpType.ECHO_REQUEST, 0, new IcmpEchoBuilder().identifier(identifier).sequence(sequence));
    }

    /** An echo reply (type 0, code 0); the body is the echoed data. */
    public static IcmpMessageBuilder<IcmpEchoBuilder> echoReply(int identifier, int sequence) {
        return of(IcmpType.ECHO_REPLY, 0, new IcmpEchoBuilder().identifier(identifier).sequence(sequence));
    }

    /** A destination unreachable (type 3); the body is the quoted datagram (see {@link #quoting}). */
    public static IcmpMessageBuilder<IcmpDestinationUnreachableBuilder> destinationUnreachable(IcmpUnreachableCode code) {
        return of(IcmpType.DESTINATION_UNREACHABLE, code.value(), new IcmpDestinationUnreachableBuilder());
    }

    /** A "fragmentation needed and DF set" destination unreachable (type 3, code 4) with the RFC 1191 next-hop MTU. */
    public static IcmpMessageBuilder<IcmpDestinationUnreachableBuilder> fragmentationNeeded(int nextHopMtu) {
        return of(IcmpType.DESTINATION_UNREACHABLE, IcmpUnreachableCode.FRAGMENTATION_NEEDED.value(),
                new IcmpDestinationUnreachableBuilder().nextHopMtu(nextHopMtu));
    }

    /** A redirect (type 5) to {@code gateway}; the body is the quoted datagram. */
    public static IcmpMessageBuilder<IcmpRedirectBuilder> redirect(IcmpRedirectCode code, Ipv4Address gateway) {
        return of(IcmpType.REDIRECT, code.value(), new IcmpRedirectBuilder().gateway(gateway));
    }

    /** A time exceeded (type 11); the body is the quoted datagram. */
    public static IcmpMessageBuilder<IcmpTimeExceededBuilder> timeExceeded(IcmpTimeExceededCode code) {
        return of(IcmpType.TIME_EXCEEDED, code.value(), new IcmpTimeExceededBuilder());
    }

    /** A parameter problem (type 12, code 0) pointing at the faulty byte of the quoted datagram. */
    public static IcmpMessageBuilder<IcmpParameterProblemBuilder> parameterProblem(int pointer) {
        return parameterProblem(IcmpParameterProblemCode.POINTER_INDICATES_ERROR, pointer);
    }

    /** A parameter problem (type 12) with any code; the body is the quoted datagram. */
    public static IcmpMessageBuilder<IcmpParameterProblemBuilder> parameterProblem(IcmpParameterProblemCode code,
            int pointer) {
        return of(IcmpType.PARAMETER_PROBLEM, code.value(), new IcmpParameterProblemBuilder().pointer(pointer));
    }

    /** A timestamp request (type 13): the receive and transmit timestamps are zero. */
    public static IcmpMessageBuilder<IcmpTimestampBuilder> timestampRequest(int identifier, int sequence,
            long originateTimestamp) {
        return of(IcmpType.TIMESTAMP_REQUEST, 0, new IcmpTimestampBuilder().identifier(identifier).sequence(sequence)
                .originateTimestamp(originateTimestamp));
    }

    /** A timestamp reply (type 14). */
    public static IcmpMessageBuilder<IcmpTimestampBuilder> timestampReply(int identifier, int sequence,
            long originateTimestamp, long receiveTimestamp, long transmitTimestamp) {
        return of(IcmpType.TIMESTAMP_REPLY, 0, new IcmpTimestampBuilder().identifier(identifier).sequence(sequence)
                .originateTimestamp(originateTimestamp).receiveTimestamp(receiveTimestamp)
                .transmitTimestamp(transmitTimestamp));
    }

    /** The common header's builder: type, code, checksum. */
    public IcmpHeaderBuilder header() {
        return header;
    }

    /** The message fields' builder. */
    public M message() {
        return message;
    }

    /**
     * This error quoting {@code datagram}'s body, cut from the back as much as the outer
     * constraints require (a {@link TruncatingSerializer}): encapsulate the result in IPv4 and
     * serialize with {@code PacketConstraints.maxBody(ERROR_DATAGRAM_LIMIT)}. Serializing shrinks
     * {@code datagram}'s body in place when it is cut.
     */
    public Serializer quoting(PacketBuffer datagram) {
        return new TruncatingSerializer(datagram, TruncatingSerializer.Direction.DISCARD_BACK).encapsulate(this);
    }

    @Override
    public PacketConstraints constraints() {
        PacketConstraints inner = message.constraints();
        if (inner != cachedMessage) {
            if (inner.footerLength() != 0) {
                throw new IllegalStateException("an ICMP message builder with a footer cannot follow the ICMP header");
            }
            cachedConstraints = PacketConstraints.of(IcmpHeader.FIXED_LENGTH + inner.headerLength(), 0,
                    inner.minBodyLength(), inner.maxBodyLength());
            cachedMessage = inner;
        }
        return cachedConstraints;
    }

    @Override
    public void serialize(SerializeTarget target, PacketBuffer body) {
        int messageLength = target.headerLength() - IcmpHeader.FIXED_LENGTH;
        byte[] array = target.array();
        int at = target.headerOffset();
        part.set(array, at + IcmpHeader.FIXED_LENGTH, messageLength, body.bodyEnd(), 0);
        message.serialize(part, body);
        // The checksum covers the message fields too: let the header see them as part of its body,
        // then give the body back as it came (its bytes are not changed).
        body.growFront(messageLength);
        part.set(array, at, IcmpHeader.FIXED_LENGTH, body.bodyEnd(), 0);
        header.serialize(part, body);
        body.shrinkFront(messageLength);
    }
}
