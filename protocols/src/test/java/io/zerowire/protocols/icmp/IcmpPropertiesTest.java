package io.zerowire.protocols.icmp;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ipv4.Ipv4;
import io.zerowire.protocols.ipv4.Ipv4Builder;
import io.zerowire.serialize.BufferProvider;
import io.zerowire.serialize.PacketBuilder;
import io.zerowire.serialize.Serializer;
import io.zerowire.serialize.SizeLimitExceededException;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Random valid ICMPv4 messages of every kind, built then parsed back field by field; random
 * mutations of them parse or fail with a {@link ParseException} only, leaving the buffer as it
 * was; and every builder writes the same bytes into buffers pre-filled with 0x00 and 0xFF.
 */
class IcmpPropertiesTest {
    /** One message's fields, whatever its kind uses of them. */
    record Message(IcmpMessageKind kind, int code, int a, int b, long t1, long t2, long t3, byte[] body) {
        /** The builder for it; OTHER messages get a random type without a view and the header builder alone. */
        PacketBuilder builder() {
            if (kind == IcmpMessageKind.OTHER) {
                return new IcmpHeaderBuilder().type(otherType()).code(code);
            }
            int a16 = a & 0xFFFF;
            int b16 = b & 0xFFFF;
            IcmpMessageBuilder<?> builder = switch (kind) {
                case ECHO_REQUEST -> IcmpMessageBuilder.echoRequest(a16, b16);
                case ECHO_REPLY -> IcmpMessageBuilder.echoReply(a16, b16);
                case DESTINATION_UNREACHABLE -> {
                    IcmpMessageBuilder<IcmpDestinationUnreachableBuilder> m =
                            IcmpMessageBuilder.destinationUnreachable(IcmpUnreachableCode.of(code));
                    m.message().nextHopMtu(b16);
                    yield m;
                }
                case REDIRECT -> IcmpMessageBuilder.redirect(IcmpRedirectCode.of(code), Ipv4Address.of(a));
                case TIME_EXCEEDED -> IcmpMessageBuilder.timeExceeded(IcmpTimeExceededCode.of(code));
                case PARAMETER_PROBLEM -> IcmpMessageBuilder.parameterProblem(IcmpParameterProblemCode.of(code), a & 0xFF);
                case TIMESTAMP_REQUEST -> IcmpMessageBuilder.timestampRequest(a16, b16, t1);
                case TIMESTAMP_REPLY -> IcmpMessageBuilder.timestampReply(a16, b16, t1, t2, t3);
                default -> throw new AssertionError(kind);
            };
            builder.header().code(code); // any code, also where the factory wrote 0
            return builder;
        }

        IcmpType otherType() {
            int type = a & 0xFF;
            while (IcmpMessageKind.of(type) != IcmpMessageKind.OTHER) {
                type = (type + 1) & 0xFF;
            }
            return IcmpType.of(type);
        }

        byte[] build() throws SizeLimitExceededException {
            return Serializer.of(body).encapsulate(builder()).serialize().toByteArray();
        }
    }

    @Provide
    Arbitrary<Message> messages() {
        Arbitrary<IcmpMessageKind> kinds = Arbitraries.of(IcmpMessageKind.class);
        Arbitrary<Integer> bytes = Arbitraries.integers().between(0, 255);
        Arbitrary<Integer> ints = Arbitraries.integers();
        Arbitrary<Long> u32 = Arbitraries.longs().between(0, 0xFFFFFFFFL);
        Arbitrary<byte[]> bodies = Arbitraries.bytes().array(byte[].class).ofMaxSize(80);
        return Combinators.combine(kinds, bytes, ints, ints, u32, u32, u32, bodies).as(Message::new);
    }

    @Property(tries = 600)
    void builtMessagesParseBack(@ForAll("messages") Message m) throws Exception {
        byte[] bytes = m.build();
        PacketBuffer buffer = PacketBuffer.wrap(bytes.clone());
        IcmpPacket icmp = IcmpPacket.parse(buffer);
        assertThat(icmp.checksumValid()).isTrue();
        assertThat(icmp.kind()).isEqualTo(m.kind());
        assertThat(icmp.code()).isEqualTo(m.code());
        assertThat(buffer.toByteArray()).isEqualTo(m.body());
        int a16 = m.a() & 0xFFFF;
        int b16 = m.b() & 0xFFFF;
        switch (m.kind()) {
            case ECHO_REQUEST, ECHO_REPLY -> {
                assertThat(icmp.echo().identifier()).isEqualTo(a16);
                assertThat(icmp.echo().sequence()).isEqualTo(b16);
            }
            case DESTINATION_UNREACHABLE -> assertThat(icmp.destinationUnreachable().nextHopMtu()).isEqualTo(b16);
            case REDIRECT -> assertThat(icmp.redirect().gateway()).isEqualTo(Ipv4Address.of(m.a()));
            case TIME_EXCEEDED -> assertThat(icmp.timeExceeded().originalDatagramLength()).isZero();
            case PARAMETER_PROBLEM -> assertThat(icmp.parameterProblem().pointer()).isEqualTo(m.a() & 0xFF);
            case TIMESTAMP_REQUEST -> {
                assertThat(icmp.timestamp().originateTimestamp()).isEqualTo(m.t1());
                assertThat(icmp.timestamp().transmitTimestamp()).isZero();
            }
            case TIMESTAMP_REPLY -> {
                assertThat(icmp.timestamp().identifier()).isEqualTo(a16);
                assertThat(icmp.timestamp().receiveTimestamp()).isEqualTo(m.t2());
                assertThat(icmp.timestamp().transmitTimestamp()).isEqualTo(m.t3());
            }
            case OTHER -> assertThat(icmp.type()).isEqualTo(m.otherType());
        }
        icmp.undoParse(buffer);
        assertThat(buffer.toByteArray()).isEqualTo(bytes);
    }

    @Property(tries = 300)
    void messagesInIpv4ParseFromTheIpPayload(@ForAll("messages") Message m, @ForAll int source) throws Exception {
        PacketBuffer packet = Serializer.of(m.body()).encapsulate(m.builder())
                .encapsulate(new Ipv4Builder().ttl(64).protocol(IpProtocol.ICMP).source(Ipv4Address.of(source)))
                .serialize();
        Ipv4.parse(packet);
        assertThat(IcmpPacket.parse(packet).kind()).isEqualTo(m.kind());
    }

    @Provide
    Arbitrary<byte[]> validMessages() {
        return messages().map(m -> {
            try {
                return m.build();
            } catch (SizeLimitExceededException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Property(tries = 3000)
    void mutationsParseOrFailWithAParseException(@ForAll("validMessages") byte[] message,
            @ForAll @IntRange(max = 120) int position, @ForAll byte value, @ForAll @IntRange(max = 120) int cut) {
        byte[] mutated = message.clone();
        mutated[position % mutated.length] = value;
        if (cut < mutated.length) {
            mutated = Arrays.copyOf(mutated, mutated.length - cut % 8);
        }
        Robustness.attemptIcmp(mutated);
    }

    @Property(tries = 400)
    void zerosAndOnesGiveTheSameBytes(@ForAll("messages") Message m, @ForAll @IntRange(max = 64) int slack,
            @ForAll boolean inIpv4) throws Exception {
        byte[] fresh = serialize(m, inIpv4, null, 0);
        assertThat(serialize(m, inIpv4, (byte) 0, fresh.length + slack)).isEqualTo(fresh);
        assertThat(serialize(m, inIpv4, (byte) 0xFF, fresh.length + slack)).isEqualTo(fresh);
    }

    @Property(tries = 300)
    void errorsQuotingADatagramFit576AndLeakNoStaleBytes(@ForAll("errors") IcmpMessageKind kind,
            @ForAll @IntRange(min = 20, max = 1600) int datagramLength, @ForAll @IntRange(max = 64) int slack)
            throws Exception {
        byte[] datagram = new byte[datagramLength];
        for (int i = 0; i < datagram.length; i++) {
            datagram[i] = (byte) (i * 7);
        }
        byte[] fresh = quotingError(kind, datagram, null, 0);
        assertThat(fresh.length).isEqualTo(Math.min(IcmpMessageBuilder.ERROR_DATAGRAM_LIMIT, 20 + 8 + datagramLength));
        assertThat(quotingError(kind, datagram, (byte) 0, fresh.length + slack)).isEqualTo(fresh);
        assertThat(quotingError(kind, datagram, (byte) 0xFF, fresh.length + slack)).isEqualTo(fresh);
        PacketBuffer packet = PacketBuffer.wrap(fresh);
        Ipv4.parse(packet);
        IcmpPacket icmp = IcmpPacket.parse(packet);
        assertThat(icmp.kind()).isEqualTo(kind);
        assertThat(packet.toByteArray()).isEqualTo(Arrays.copyOf(datagram, fresh.length - 28));
    }

    @Provide
    Arbitrary<IcmpMessageKind> errors() {
        return Arbitraries.of(IcmpMessageKind.DESTINATION_UNREACHABLE, IcmpMessageKind.REDIRECT,
                IcmpMessageKind.TIME_EXCEEDED, IcmpMessageKind.PARAMETER_PROBLEM);
    }

    private static byte[] quotingError(IcmpMessageKind kind, byte[] datagram, Byte fill, int capacity) throws Exception {
        IcmpMessageBuilder<?> error = switch (kind) {
            case DESTINATION_UNREACHABLE -> IcmpMessageBuilder.fragmentationNeeded(1400);
            case REDIRECT -> IcmpMessageBuilder.redirect(IcmpRedirectCode.NETWORK, Ipv4Address.of(0x0a000001));
            case TIME_EXCEEDED -> IcmpMessageBuilder.timeExceeded(IcmpTimeExceededCode.REASSEMBLY_TIME_EXCEEDED);
            default -> IcmpMessageBuilder.parameterProblem(12);
        };
        Serializer serializer = error.quoting(PacketBuffer.wrap(datagram.clone()))
                .encapsulate(new Ipv4Builder().ttl(64).protocol(IpProtocol.ICMP));
        io.zerowire.serialize.PacketConstraints limit = io.zerowire.serialize.PacketConstraints.maxBody(
                IcmpMessageBuilder.ERROR_DATAGRAM_LIMIT);
        if (fill == null) {
            return serializer.serialize(limit, BufferProvider.reuse()).toByteArray();
        }
        byte[] scratch = new byte[capacity];
        Arrays.fill(scratch, fill);
        return serializer.serialize(limit, BufferProvider.into(PacketBuffer.wrap(scratch))).toByteArray();
    }

    private static byte[] serialize(Message m, boolean inIpv4, Byte fill, int capacity) throws Exception {
        Serializer serializer = Serializer.of(m.body()).encapsulate(m.builder());
        if (inIpv4) {
            serializer = serializer.encapsulate(new Ipv4Builder().ttl(1).protocol(IpProtocol.ICMP));
        }
        if (fill == null) {
            return serializer.serialize().toByteArray();
        }
        byte[] scratch = new byte[capacity];
        Arrays.fill(scratch, fill);
        return serializer.serialize(BufferProvider.into(PacketBuffer.wrap(scratch))).toByteArray();
    }
}
