package io.zerowire.processor.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import io.zerowire.processor.sample.Ipv4Header;
import io.zerowire.serialize.Serializer;
import java.util.Arrays;
import java.util.HexFormat;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Variants chosen by a type field ({@code @Variants}), on ICMPv4 ({@link IcmpLayout}) and ICMPv6
 * with echo and neighbor solicitation ({@link Icmpv6Layout}): scapy's messages parse into the
 * right variant and are built again byte for byte, unknown types are kept, the checksum covers the
 * variant (verified, computed, and kept right by the variant's setters, checked against
 * {@link ReferenceChecksum}), and a message cut short anywhere is a typed error.
 */
class VariantsTest {
    /**
     * Made with scapy 2.5, {@code /usr/bin/python3 -c 'from scapy.all import *; print(bytes(X).hex())'} where X is:
     * <pre>
     * ICMP(type=8, id=0x1234, seq=1) / b"payload"
     * ICMP(type=0, id=0x1234, seq=1) / b"payload"
     * ICMP(type=3, code=4, nexthopmtu=1400) / IP(src="192.0.2.10", dst="198.51.100.20", id=1) / UDP(sport=40000, dport=53)
     * ICMP(type=11, code=0) / IP(src="192.0.2.10", dst="198.51.100.20", ttl=1, id=2) / UDP(sport=40001, dport=33434)
     * ICMP(type=42, code=7) / b"\x01\x02\x03\x04opaque"     (scapy puts four zero bytes after an unknown type's header)
     * </pre>
     */
    private static final String ECHO_REQUEST = "0800289b123400017061796c6f6164";
    private static final String ECHO_REPLY = "0000309b123400017061796c6f6164";
    private static final String UNREACHABLE = "0304e3ef000005784500001c0001000040118e7ec000020ac63364149c40003500087716";
    private static final String TIME_EXCEEDED = "0b00e16b000000004500001c000200000111cd7dc000020ac63364149c41829a0008f4af";
    private static final String UNKNOWN = "2a078bab00000000010203046f7061717565";

    private static final Ipv6Address HOST = Ipv6Address.parse("2001:db8::a");
    private static final Ipv6Address PEER = Ipv6Address.parse("2001:db8:1::14");
    private static final Ipv6Address LINK_LOCAL = Ipv6Address.parse("fe80::a");
    private static final Ipv6Address SOLICITED = Ipv6Address.parse("ff02::1:ff00:1");

    /**
     * The ICMPv6 message of scapy's {@code bytes(IPv6(...) / ...)[40:].hex()} for:
     * <pre>
     * IPv6(src="2001:db8::a", dst="2001:db8:1::14") / ICMPv6EchoRequest(id=0x77, seq=1, data=b"zerowire")
     * IPv6(src="2001:db8:1::14", dst="2001:db8::a") / ICMPv6EchoReply(id=0x77, seq=2, data=b"zerowire")
     * IPv6(src="fe80::a", dst="ff02::1:ff00:1") / ICMPv6ND_NS(tgt="fe80::1") / ICMPv6NDOptSrcLLAddr(lladdr="02:00:5e:00:53:0a")
     * </pre>
     */
    private static final String V6_ECHO_REQUEST = "80004d08007700017a65726f77697265";
    private static final String V6_ECHO_REPLY = "81004c07007700027a65726f77697265";
    private static final String NEIGHBOR_SOLICITATION = "8700c98600000000fe800000000000000000000000000001010102005e00530a";

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static String hex(byte[] bytes, int from) {
        return HexFormat.of().formatHex(bytes, from, bytes.length);
    }

    // ---- ICMPv4 against scapy ----

    @Example
    void echoRequestAndReplyParseAsTheirVariants() throws ParseException {
        byte[] request = hex(ECHO_REQUEST);
        Icmp view = Icmp.parse(PacketBuffer.wrap(request));
        assertThat(view.kind()).isEqualTo(Icmp.Kind.ECHO_REQUEST);
        assertThat(view.type()).isEqualTo(8);
        assertThat(view.asEchoRequest().identifier()).isEqualTo(0x1234);
        assertThat(view.asEchoRequest().sequenceNumber()).isEqualTo(1);
        assertThat(view.headerLength()).isEqualTo(8);
        assertThat(hex(request, view.bodyOffset())).isEqualTo(HexFormat.of().formatHex("payload".getBytes()));
        assertThat(view.bodyLength()).isEqualTo(7);
        assertThatThrownBy(view::asEchoReply).isInstanceOf(IllegalStateException.class)
                .hasMessage("this icmp message is ECHO_REQUEST, not ECHO_REPLY (see kind())");
        assertThat(view.toString()).isEqualTo("icmp[type=8, code=0, checksum=10395, kind=ECHO_REQUEST,"
                + " icmp echo[identifier=4660, sequenceNumber=1]]");

        // The same view, re-wrapped: the one echo view it holds now reads the reply.
        IcmpEcho echo = view.asEchoRequest();
        view.wrap(PacketBuffer.wrap(hex(ECHO_REPLY)));
        assertThat(view.kind()).isEqualTo(Icmp.Kind.ECHO_REPLY);
        assertThat(view.asEchoReply()).isSameAs(echo);
        assertThatThrownBy(view::asEchoRequest).isInstanceOf(IllegalStateException.class);
    }

    @Example
    void unreachableAndTimeExceededShareOneVariantAndQuoteTheDatagramAsTheBody() throws ParseException {
        for (String message : new String[] {UNREACHABLE, TIME_EXCEEDED}) {
            byte[] bytes = hex(message);
            PacketBuffer buffer = PacketBuffer.wrap(bytes);
            Icmp view = Icmp.parse(buffer);
            assertThat(view.kind()).isEqualTo(Icmp.Kind.ERROR);
            assertThat(view.headerLength()).isEqualTo(8);
            assertThat(buffer.bodyStart()).isEqualTo(8);
            // The body is the quoted datagram, which parses as IPv4.
            assertThat(Ipv4Header.parseQuoted(buffer).source()).hasToString("192.0.2.10");
        }
        Icmp unreachable = Icmp.parse(PacketBuffer.wrap(hex(UNREACHABLE)));
        assertThat(unreachable.type()).isEqualTo(3);
        assertThat(unreachable.code()).isEqualTo(4);
        assertThat(unreachable.asError().nextHopMtu()).isEqualTo(1400);
    }

    @Example
    void anUnknownTypeIsKeptAndItsBytesStayTheBody() throws ParseException {
        byte[] bytes = hex(UNKNOWN);
        Icmp view = Icmp.parse(PacketBuffer.wrap(bytes));
        assertThat(view.kind()).isEqualTo(Icmp.Kind.UNKNOWN);
        assertThat(view.type()).isEqualTo(42);
        assertThat(view.code()).isEqualTo(7);
        assertThat(view.headerLength()).isEqualTo(4);
        assertThat(hex(bytes, view.bodyOffset())).isEqualTo(UNKNOWN.substring(8));
        assertThatThrownBy(view::asError).isInstanceOf(IllegalStateException.class)
                .hasMessage("this icmp message is UNKNOWN, not ERROR (see kind())");
        // Built again from its type, code and body.
        byte[] built = Packets.build(Arrays.copyOfRange(bytes, 4, bytes.length), new IcmpBuilder().type(42).code(7));
        assertThat(HexFormat.of().formatHex(built)).isEqualTo(UNKNOWN);
    }

    @Example
    void theBuilderWritesScapysBytesAndTheTypeFromTheVariant() throws ParseException {
        byte[] payload = "payload".getBytes();
        assertThat(HexFormat.of().formatHex(Packets.build(payload, new IcmpBuilder()
                .echoRequest(new IcmpEchoBuilder().identifier(0x1234).sequenceNumber(1))))).isEqualTo(ECHO_REQUEST);
        assertThat(HexFormat.of().formatHex(Packets.build(payload, new IcmpBuilder()
                .echoReply(new IcmpEchoBuilder().identifier(0x1234).sequenceNumber(1))))).isEqualTo(ECHO_REPLY);
        byte[] quoted = hex(UNREACHABLE.substring(16));
        assertThat(HexFormat.of().formatHex(Packets.build(quoted, new IcmpBuilder().code(4)
                .error(3, new IcmpErrorBuilder().nextHopMtu(1400))))).isEqualTo(UNREACHABLE);
        assertThat(HexFormat.of().formatHex(Packets.build(hex(TIME_EXCEEDED.substring(16)), new IcmpBuilder()
                .error(11, new IcmpErrorBuilder())))).isEqualTo(TIME_EXCEEDED);
        assertThatThrownBy(() -> new IcmpBuilder().error(8, new IcmpErrorBuilder()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("error is type 3 or 11, not 8");
    }

    @Example
    void anExplicitTypeOverridesTheVariantsForDeliberatelyInvalidPackets() throws ParseException {
        IcmpBuilder builder = new IcmpBuilder().echoRequest(new IcmpEchoBuilder().identifier(7)).type(3);
        byte[] bytes = Packets.build(new byte[0], builder);
        assertThat(bytes[0]).isEqualTo((byte) 3);
        // Read as what its type says: the echo's bytes are the error's four.
        Icmp view = Icmp.parse(PacketBuffer.wrap(bytes));
        assertThat(view.kind()).isEqualTo(Icmp.Kind.ERROR);
        assertThat(view.asError().unused()).isEqualTo(7);
        // clearVariant leaves the fixed fields alone.
        byte[] cleared = Packets.build(new byte[0], new IcmpBuilder().echoRequest(new IcmpEchoBuilder()).clearVariant());
        assertThat(HexFormat.of().formatHex(cleared)).isEqualTo("0000ffff");
    }

    // ---- ICMPv6, with the pseudo-header ----

    @Example
    void icmpv6EchoAndNeighborSolicitationParseAndBuildLikeScapy() throws ParseException {
        Icmpv6 request = Icmpv6.parse(PacketBuffer.wrap(hex(V6_ECHO_REQUEST)), HOST, PEER);
        assertThat(request.kind()).isEqualTo(Icmpv6.Kind.ECHO_REQUEST);
        assertThat(request.asEchoRequest().identifier()).isEqualTo(0x77);
        assertThat(request.asEchoRequest().sequenceNumber()).isEqualTo(1);
        Icmpv6 reply = Icmpv6.parse(PacketBuffer.wrap(hex(V6_ECHO_REPLY)), PEER, HOST);
        assertThat(reply.kind()).isEqualTo(Icmpv6.Kind.ECHO_REPLY);
        assertThat(reply.asEchoReply().sequenceNumber()).isEqualTo(2);
        byte[] solicitation = hex(NEIGHBOR_SOLICITATION);
        Icmpv6 ns = Icmpv6.parse(PacketBuffer.wrap(solicitation), LINK_LOCAL, SOLICITED);
        assertThat(ns.kind()).isEqualTo(Icmpv6.Kind.NEIGHBOR_SOLICITATION);
        assertThat(ns.asNeighborSolicitation().targetAddress()).isEqualTo(Ipv6Address.parse("fe80::1"));
        assertThat(ns.headerLength()).isEqualTo(24);
        assertThat(hex(solicitation, ns.bodyOffset())).isEqualTo("010102005e00530a"); // the source link-layer option

        byte[] zerowire = "zerowire".getBytes();
        assertThat(HexFormat.of().formatHex(Packets.build(zerowire, new Icmpv6Builder().addresses(HOST, PEER)
                .echoRequest(new Icmpv6EchoBuilder().identifier(0x77).sequenceNumber(1))))).isEqualTo(V6_ECHO_REQUEST);
        assertThat(HexFormat.of().formatHex(Packets.build(zerowire, new Icmpv6Builder().addresses(PEER, HOST)
                .echoReply(new Icmpv6EchoBuilder().identifier(0x77).sequenceNumber(2))))).isEqualTo(V6_ECHO_REPLY);
        assertThat(HexFormat.of().formatHex(Packets.build(hex("010102005e00530a"), new Icmpv6Builder()
                .addresses(LINK_LOCAL, SOLICITED).neighborSolicitation(new NeighborSolicitationBuilder()
                        .targetAddress(Ipv6Address.parse("fe80::1")))))).isEqualTo(NEIGHBOR_SOLICITATION);
    }

    @Example
    void aChecksumOverOtherAddressesFails() {
        assertThatThrownBy(() -> Icmpv6.parse(PacketBuffer.wrap(hex(V6_ECHO_REQUEST)), LINK_LOCAL, PEER))
                .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.kind()).isEqualTo(ParseErrorKind.CHECKSUM));
    }

    // ---- properties ----

    /** Which message a property builds: 0 reply, 1 request, 2 unreachable, 3 time exceeded, 4 an unknown type. */
    private static IcmpBuilder icmp(int which, int unknownType, int code, int first, int second) {
        IcmpBuilder builder = new IcmpBuilder().code(code);
        switch (which) {
            case 0:
                return builder.echoReply(new IcmpEchoBuilder().identifier(first).sequenceNumber(second));
            case 1:
                return builder.echoRequest(new IcmpEchoBuilder().identifier(first).sequenceNumber(second));
            case 2:
            case 3:
                return builder.error(which == 2 ? 3 : 11, new IcmpErrorBuilder().unused(first).nextHopMtu(second));
            default:
                return builder.type(unknownType);
        }
    }

    private static final int[] TYPES = {0, 8, 3, 11};
    private static final Icmp.Kind[] KINDS = {Icmp.Kind.ECHO_REPLY, Icmp.Kind.ECHO_REQUEST, Icmp.Kind.ERROR, Icmp.Kind.ERROR};

    private static int unknown(int type) {
        // Any type no variant names.
        return type == 0 || type == 3 || type == 8 || type == 11 ? type + 100 : type;
    }

    @Property(tries = 400)
    void everyVariantBuiltReadsBackWithItsTypeAndAValidChecksum(@ForAll @IntRange(max = 4) int which,
            @ForAll @IntRange(max = 255) int anyType, @ForAll @IntRange(max = 255) int code,
            @ForAll @IntRange(max = 0xFFFF) int first, @ForAll @IntRange(max = 0xFFFF) int second,
            @ForAll @Size(max = 30) byte[] payload) throws ParseException {
        int unknownType = unknown(anyType);
        byte[] bytes = Packets.build(payload, icmp(which, unknownType, code, first, second));
        // The type never disagrees with the variant written.
        int type = which < 4 ? TYPES[which] : unknownType;
        assertThat(bytes[0] & 0xFF).isEqualTo(type);
        // The checksum covers header, variant and body, by the RFC's own arithmetic.
        assertThat(ReferenceChecksum.sum(bytes)).isEqualTo(0xFFFF);

        Icmp view = Icmp.parse(PacketBuffer.wrap(bytes));
        assertThat(view.type()).isEqualTo(type);
        assertThat(view.code()).isEqualTo(code);
        if (which < 4) {
            assertThat(view.kind()).isEqualTo(KINDS[which]);
            assertThat(view.headerLength()).isEqualTo(8);
            if (which < 2) {
                IcmpEcho echo = which == 0 ? view.asEchoReply() : view.asEchoRequest();
                assertThat(echo.identifier()).isEqualTo(first);
                assertThat(echo.sequenceNumber()).isEqualTo(second);
            } else {
                assertThat(view.asError().unused()).isEqualTo(first);
                assertThat(view.asError().nextHopMtu()).isEqualTo(second);
            }
        } else {
            assertThat(view.kind()).isEqualTo(Icmp.Kind.UNKNOWN);
            assertThat(view.headerLength()).isEqualTo(4);
        }
        assertThat(Arrays.copyOfRange(bytes, view.bodyOffset(), bytes.length)).isEqualTo(payload);
    }

    @Property(tries = 300)
    void variantSettersKeepTheHeadersChecksumValid(@ForAll @IntRange(max = 3) int which,
            @ForAll @IntRange(max = 0xFFFF) int first, @ForAll @IntRange(max = 0xFFFF) int second,
            @ForAll @IntRange(max = 0xFFFF) int newFirst, @ForAll @IntRange(max = 0xFFFF) int newSecond,
            @ForAll @Size(max = 21) byte[] payload) throws ParseException {
        // RFC 1624's equation 3 turns the checksum of an all-zero message (0xFFFF) into 0x0000 and cannot
        // tell the two apart (IncrementalChecksum, every in-place setter): the one message it cannot keep.
        Assume.that(which != 0 || newFirst != 0 || newSecond != 0 || !allZero(payload));
        byte[] bytes = Packets.build(payload, icmp(which, 0, 0, first, second));
        // Behind a prefix of odd length, so that the checksum's words are not the array's.
        PacketBuffer buffer = Packets.placed(bytes, 1, 0, 0);
        Icmp view = Icmp.parse(buffer);
        if (which < 2) {
            IcmpEcho echo = which == 0 ? view.asEchoReply() : view.asEchoRequest();
            echo.setIdentifier(newFirst).setSequenceNumber(newSecond);
        } else {
            view.asError().setUnused(newFirst).setNextHopMtu(newSecond);
        }
        byte[] edited = Arrays.copyOfRange(buffer.array(), view.offset(), view.offset() + bytes.length);
        assertThat(view.checksumValid()).isTrue();
        assertThat(ReferenceChecksum.sum(edited)).isEqualTo(0xFFFF);
        // And it is the checksum a fresh build of the new values computes.
        assertThat(edited).isEqualTo(Packets.build(payload, icmp(which, 0, 0, newFirst, newSecond)));
    }

    private static boolean allZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    @Property(tries = 200)
    void icmpv6SettersKeepThePseudoHeaderChecksumValid(@ForAll @IntRange(max = 0xFFFF) int identifier,
            @ForAll @IntRange(max = 0xFFFF) int sequence, @ForAll long high, @ForAll long low,
            @ForAll @Size(max = 16) byte[] payload) throws ParseException {
        byte[] echo = Packets.build(payload, new Icmpv6Builder().addresses(HOST, PEER).echoRequest(new Icmpv6EchoBuilder()));
        Icmpv6 view = Icmpv6.parse(PacketBuffer.wrap(echo), HOST, PEER);
        view.asEchoRequest().setIdentifier(identifier).setSequenceNumber(sequence);
        assertThat(ReferenceChecksum.sum(ReferenceChecksum.ipv6PseudoHeader(HOST, PEER, 58, echo.length), echo))
                .isEqualTo(0xFFFF);

        byte[] ns = Packets.build(payload, new Icmpv6Builder().addresses(LINK_LOCAL, SOLICITED)
                .neighborSolicitation(new NeighborSolicitationBuilder()));
        Icmpv6 solicitation = Icmpv6.parse(PacketBuffer.wrap(ns), LINK_LOCAL, SOLICITED);
        solicitation.asNeighborSolicitation().setTargetAddress(Ipv6Address.of(high, low)).setReserved(identifier);
        assertThat(ReferenceChecksum.sum(ReferenceChecksum.ipv6PseudoHeader(LINK_LOCAL, SOLICITED, 58, ns.length), ns))
                .isEqualTo(0xFFFF);
        assertThat(solicitation.checksumValid()).isTrue();
    }

    /**
     * Every proper prefix of an echo request is a typed error that leaves the buffer as it was: a
     * checksum error with verification; without it, MALFORMED in the header or, from byte 4, in the
     * echo variant, at the packet's own offset.
     */
    @Property(tries = 15, generation = GenerationMode.EXHAUSTIVE)
    void truncationAtEveryLengthIsATypedError(@ForAll @IntRange(max = 14) int length) {
        byte[] bytes = Arrays.copyOf(hex(ECHO_REQUEST), length);
        PacketBuffer buffer = Packets.placed(bytes, 3, 2, 0);
        int position = buffer.position();
        int start = buffer.bodyStart();
        int remaining = buffer.bodyLength();
        byte[] before = buffer.array().clone();
        assertThatThrownBy(() -> new Icmp().wrap(buffer)).isInstanceOf(ParseException.class);
        if (length < 8) {
            assertThatThrownBy(() -> new Icmp().wrapUnverified(buffer)).isInstanceOfSatisfying(ParseException.class, e -> {
                assertThat(e.kind()).isEqualTo(ParseErrorKind.MALFORMED);
                assertThat(e.layer()).isEqualTo(length < 4 ? "icmp" : "icmp echo");
                assertThat(e.offset()).isEqualTo(position + (length < 4 ? 0 : 4));
            });
        }
        assertThat(buffer.position()).isEqualTo(position);
        assertThat(buffer.bodyStart()).isEqualTo(start);
        assertThat(buffer.bodyLength()).isEqualTo(remaining);
        assertThat(buffer.array()).isEqualTo(before);
    }

    @Property(tries = 100)
    void aFailedWrapLeavesTheViewAsItWas(@ForAll @IntRange(min = 4, max = 7) int length) throws ParseException {
        Icmp view = Icmp.parse(PacketBuffer.wrap(hex(UNREACHABLE)));
        byte[] cut = Arrays.copyOf(hex(ECHO_REQUEST), length);
        assertThatThrownBy(() -> view.wrapUnverified(PacketBuffer.wrap(cut))).isInstanceOf(ParseException.class);
        assertThat(view.kind()).isEqualTo(Icmp.Kind.ERROR);
        assertThat(view.asError().nextHopMtu()).isEqualTo(1400);
    }

    @Property(tries = 200)
    void prefilledBuffersGiveIdenticalBytes(@ForAll @IntRange(max = 4) int which, @ForAll @IntRange(max = 255) int anyType,
            @ForAll @IntRange(max = 0xFFFF) int first, @ForAll @IntRange(max = 0xFFFF) int second,
            @ForAll @Size(max = 20) byte[] payload) {
        byte[] overZeros = ReflectiveLayout.serializeInto(Serializer.of(payload)
                .encapsulate(icmp(which, unknown(anyType), 1, first, second)), 64, (byte) 0);
        byte[] overOnes = ReflectiveLayout.serializeInto(Serializer.of(payload)
                .encapsulate(icmp(which, unknown(anyType), 1, first, second)), 64, (byte) 0xFF);
        assertThat(overOnes).isEqualTo(overZeros);
    }

    @Property(tries = 200)
    void unknownTypesAreKeptWhateverTheBody(@ForAll @IntRange(max = 255) int anyType, @ForAll @Size(max = 12) byte[] body)
            throws ParseException {
        int type = unknown(anyType);
        byte[] bytes = Packets.build(body, new IcmpBuilder().type(type));
        Icmp view = new Icmp();
        view.wrap(PacketBuffer.wrap(hex(ECHO_REQUEST))); // a reused view: nothing of the echo may show
        view.wrap(PacketBuffer.wrap(bytes));
        assertThat(view.kind()).isEqualTo(Icmp.Kind.UNKNOWN);
        assertThat(view.type()).isEqualTo(type);
        assertThat(view.bodyLength()).isEqualTo(body.length);
        assertThatThrownBy(view::asEchoRequest).isInstanceOf(IllegalStateException.class);
        assertThat(view.toString()).endsWith("kind=UNKNOWN]");
    }
}
