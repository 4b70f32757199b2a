package io.zerowire.processor.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.options.OptionsBuilder;
import io.zerowire.parse.ParseException;
import io.zerowire.processor.sample.Ipv4Header;
import io.zerowire.processor.sample.Ipv4HeaderBuilder;
import io.zerowire.processor.sample.Protocol;
import io.zerowire.processor.sample.UdpHeaderV4;
import io.zerowire.processor.sample.UdpHeaderV4Builder;
import io.zerowire.processor.sample.UdpHeaderV6;
import io.zerowire.processor.sample.UdpHeaderV6Builder;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The views' in-place setters keep the checksum right (RFC 1624 incremental updates): after every
 * edit of a random valid header, {@code checksumValid()} holds and the stored checksum equals a full
 * recompute done here with {@link ReferenceChecksum}. Headers sit at odd and even array offsets.
 */
class ChecksumSettersTest {
    /** One setter call: which field (an index into the layout's list of settable fields) and a random value. */
    record Edit(int field, long value) {}

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<Long> values = Arbitraries.oneOf(List.of(Arbitraries.longs(),
                Arbitraries.of(0L, -1L, 0xFFFFL, 0x8000L, 0xFFFF_FFFFL)));
        return Combinators.combine(Arbitraries.integers().between(0, 63), values).as(Edit::new).list().ofMaxSize(24);
    }

    @Provide
    Arbitrary<Ipv4Address> ipv4Addresses() {
        return Arbitraries.integers().map(Ipv4Address::of);
    }

    @Provide
    Arbitrary<Ipv6Address> ipv6Addresses() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(Ipv6Address::of);
    }

    // --- IPv4: checksum over the header, options included ---

    private static final int IPV4_FIELDS = 11;

    private static void edit(Ipv4Header view, Edit edit) {
        long v = edit.value();
        switch (edit.field() % IPV4_FIELDS) {
            case 0: view.setDscp((int) v & 0x3F); assertThat(view.dscp()).isEqualTo((int) v & 0x3F); break;
            case 1: view.setEcn((int) v & 3); assertThat(view.ecn()).isEqualTo((int) v & 3); break;
            case 2: view.setIdentification((int) v & 0xFFFF); assertThat(view.identification()).isEqualTo((int) v & 0xFFFF); break;
            case 3: view.setEvil((v & 1) != 0); assertThat(view.evil()).isEqualTo((v & 1) != 0); break;
            case 4: view.setDontFragment((v & 1) != 0); assertThat(view.dontFragment()).isEqualTo((v & 1) != 0); break;
            case 5: view.setMoreFragments((v & 1) != 0); assertThat(view.moreFragments()).isEqualTo((v & 1) != 0); break;
            case 6: view.setFragmentOffset((int) v & 0x1FFF); assertThat(view.fragmentOffset()).isEqualTo((int) v & 0x1FFF); break;
            case 7: view.setTtl((int) v & 0xFF); assertThat(view.ttl()).isEqualTo((int) v & 0xFF); break;
            case 8: view.setProtocol(Protocol.of((int) v & 0xFF)); assertThat(view.protocolValue()).isEqualTo((int) v & 0xFF); break;
            case 9: view.setSource(Ipv4Address.of((int) v)); assertThat(view.sourceBits()).isEqualTo((int) v); break;
            default: view.setDestination(Ipv4Address.of((int) v)); assertThat(view.destinationBits()).isEqualTo((int) v); break;
        }
    }

    private static Ipv4HeaderBuilder ipv4Builder(List<Edit> initial) {
        Ipv4HeaderBuilder b = new Ipv4HeaderBuilder();
        for (Edit edit : initial) {
            long v = edit.value();
            switch (edit.field() % IPV4_FIELDS) {
                case 0: b.dscp((int) v & 0x3F); break;
                case 1: b.ecn((int) v & 3); break;
                case 2: b.identification((int) v & 0xFFFF); break;
                case 3: b.evil((v & 1) != 0); break;
                case 4: b.dontFragment((v & 1) != 0); break;
                case 5: b.moreFragments((v & 1) != 0); break;
                case 6: b.fragmentOffset((int) v & 0x1FFF); break;
                case 7: b.ttl((int) v & 0xFF); break;
                case 8: b.protocol(Protocol.of((int) v & 0xFF)); break;
                case 9: b.source(Ipv4Address.of((int) v)); break;
                default: b.destination(Ipv4Address.of((int) v)); break;
            }
        }
        return b;
    }

    private static int ipv4Reference(Ipv4Header view) {
        return ReferenceChecksum.checksum(ReferenceChecksum.withZeroChecksum(view.array(), view.offset(),
                view.offset() + view.headerLength(), 10));
    }

    @Property(tries = 1000)
    void ipv4SettersKeepTheHeaderChecksum(@ForAll("edits") List<Edit> initial, @ForAll("edits") List<Edit> edits,
            @ForAll @IntRange(max = 9) int nops, @ForAll @IntRange(max = 40) int payload,
            @ForAll @IntRange(max = 3) int lead) throws ParseException {
        OptionsBuilder options = new OptionsBuilder(Ipv4OptionFormat.FORMAT);
        for (int i = 0; i < nops; i++) {
            options.addSingleByte(1);
        }
        byte[] packet = Packets.build(Packets.payload(payload), ipv4Builder(initial).options(options));
        Ipv4Header view = Ipv4Header.parse(Packets.placed(packet, lead, lead % 2, 0));
        assertThat(view.headerChecksum()).isEqualTo(ipv4Reference(view));
        for (Edit edit : edits) {
            edit(view, edit);
            assertThat(view.checksumValid()).as("after %s", edit).isTrue();
            assertThat(view.headerChecksum()).as("after %s", edit).isEqualTo(ipv4Reference(view));
        }
        // What the setters left is a packet that parses and verifies afresh.
        Ipv4Header again = Ipv4Header.parse(PacketBuffer.wrap(Arrays.copyOfRange(view.array(), view.offset(),
                view.offset() + packet.length)));
        assertThat(again.toString()).isEqualTo(view.toString());
    }

    // --- TCP over IPv4: pseudo-header, header and body ---

    private static void edit(TcpLike view, Edit edit) {
        long v = edit.value();
        switch (edit.field() % 8) {
            case 0: view.setSourcePort((int) v & 0xFFFF); assertThat(view.sourcePort()).isEqualTo((int) v & 0xFFFF); break;
            case 1: view.setDestinationPort((int) v & 0xFFFF); assertThat(view.destinationPort()).isEqualTo((int) v & 0xFFFF); break;
            case 2: view.setSequenceNumber(v & 0xFFFF_FFFFL); assertThat(view.sequenceNumber()).isEqualTo(v & 0xFFFF_FFFFL); break;
            case 3: view.setAcknowledgmentNumber(v & 0xFFFF_FFFFL); assertThat(view.acknowledgmentNumber()).isEqualTo(v & 0xFFFF_FFFFL); break;
            case 4: view.setReserved((int) v & 0xF); assertThat(view.reserved()).isEqualTo((int) v & 0xF); break;
            case 5: view.setFlags((int) v & 0xFF); assertThat(view.flags()).isEqualTo((int) v & 0xFF); break;
            case 6: view.setWindow((int) v & 0xFFFF); assertThat(view.window()).isEqualTo((int) v & 0xFFFF); break;
            default: view.setUrgentPointer((int) v & 0xFFFF); assertThat(view.urgentPointer()).isEqualTo((int) v & 0xFFFF); break;
        }
    }

    @Property(tries = 1000)
    void tcpSettersKeepThePseudoHeaderChecksum(@ForAll("ipv4Addresses") Ipv4Address source,
            @ForAll("ipv4Addresses") Ipv4Address destination, @ForAll("edits") List<Edit> edits,
            @ForAll @Size(max = 41) byte[] payload, @ForAll @IntRange(max = 3) int lead) throws ParseException {
        byte[] segment = Packets.build(payload, new TcpLikeBuilder().sourcePort(443).destinationPort(50000)
                .sequenceNumber(1).flags(0x18).window(502).addresses(source, destination)
                .options(new OptionsBuilder(TcpOptionFormat.FORMAT).addSingleByte(1).addSingleByte(1)
                        .add(8, new byte[8])));
        TcpLike view = TcpLike.parse(Packets.placed(segment, lead, lead % 2, 0), source, destination);
        for (Edit edit : edits) {
            edit(view, edit);
            byte[] now = Arrays.copyOfRange(view.array(), view.offset(), view.offset() + segment.length);
            int expected = ReferenceChecksum.checksum(
                    ReferenceChecksum.ipv4PseudoHeader(source, destination, 6, segment.length),
                    ReferenceChecksum.withZeroChecksum(now, 0, now.length, 16));
            assertThat(view.checksumValid()).as("after %s", edit).isTrue();
            assertThat(view.checksum()).as("after %s", edit).isEqualTo(expected);
        }
    }

    // --- Header and body, with a reserved field and a field in a straddled word ---

    @Property(tries = 500)
    void headerAndBodySettersKeepTheChecksum(@ForAll("edits") List<Edit> edits, @ForAll @Size(max = 20) List<Byte> body,
            @ForAll @IntRange(max = 3) int lead) throws ParseException {
        byte[] payload = new byte[body.size() & ~1];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = body.get(i);
        }
        byte[] packet = Packets.build(payload, new GuardedBuilder().kind(7).tail(9));
        Guarded view = Guarded.parse(Packets.placed(packet, lead, lead % 2, 0));
        for (Edit edit : edits) {
            int v = (int) edit.value();
            switch (edit.field() % 3) {
                case 0: view.setKind(v & 0xFFFF); break;
                case 1: view.setReserved(v & 0xF); break;
                default: view.setTail(v & 0xFFFF); break;
            }
            byte[] now = Arrays.copyOfRange(view.array(), view.offset(), view.offset() + packet.length);
            assertThat(view.checksumValid()).as("after %s", edit).isTrue();
            assertThat(view.checksum()).as("after %s", edit)
                    .isEqualTo(ReferenceChecksum.checksum(ReferenceChecksum.withZeroChecksum(now, 0, now.length, 8)));
            assertThat(view.magic()).isEqualTo(0xABC);
        }
    }

    // --- UDP over both versions ---

    private static int udpReference(byte[] pseudo, byte[] datagram) {
        int checksum = ReferenceChecksum.checksum(pseudo, ReferenceChecksum.withZeroChecksum(datagram, 0, datagram.length, 6));
        return checksum == 0 ? 0xFFFF : checksum;
    }

    @Property(tries = 1000)
    void udpOverIpv4SettersKeepTheChecksum(@ForAll("ipv4Addresses") Ipv4Address source,
            @ForAll("ipv4Addresses") Ipv4Address destination, @ForAll("edits") List<Edit> edits,
            @ForAll @Size(max = 33) byte[] payload, @ForAll @IntRange(max = 3) int lead) throws ParseException {
        byte[] datagram = Packets.build(payload, new UdpHeaderV4Builder().sourcePort(1).destinationPort(2)
                .addresses(source, destination));
        UdpHeaderV4 view = UdpHeaderV4.parse(Packets.placed(datagram, lead, lead % 2, 0), source, destination);
        byte[] pseudo = ReferenceChecksum.ipv4PseudoHeader(source, destination, 17, datagram.length);
        for (Edit edit : edits) {
            int port = (int) edit.value() & 0xFFFF;
            if (edit.field() % 2 == 0) {
                view.setSourcePort(port);
                assertThat(view.sourcePort()).isEqualTo(port);
            } else {
                view.setDestinationPort(port);
                assertThat(view.destinationPort()).isEqualTo(port);
            }
            byte[] now = Arrays.copyOfRange(view.array(), view.offset(), view.offset() + datagram.length);
            assertThat(view.checksumValid()).as("after %s", edit).isTrue();
            assertThat(view.checksum()).as("after %s", edit).isEqualTo(udpReference(pseudo, now));
        }
    }

    @Property(tries = 1000)
    void udpOverIpv6SettersKeepTheChecksum(@ForAll("ipv6Addresses") Ipv6Address source,
            @ForAll("ipv6Addresses") Ipv6Address destination, @ForAll("edits") List<Edit> edits,
            @ForAll @Size(max = 33) byte[] payload, @ForAll @IntRange(max = 3) int lead) throws ParseException {
        byte[] datagram = Packets.build(payload, new UdpHeaderV6Builder().sourcePort(1).destinationPort(2)
                .addresses(source, destination));
        UdpHeaderV6 view = UdpHeaderV6.parse(Packets.placed(datagram, lead, lead % 2, 0), source, destination);
        byte[] pseudo = ReferenceChecksum.ipv6PseudoHeader(source, destination, 17, datagram.length);
        for (Edit edit : edits) {
            int port = (int) edit.value() & 0xFFFF;
            if (edit.field() % 2 == 0) {
                view.setSourcePort(port);
            } else {
                view.setDestinationPort(port);
            }
            byte[] now = Arrays.copyOfRange(view.array(), view.offset(), view.offset() + datagram.length);
            assertThat(view.checksumValid()).as("after %s", edit).isTrue();
            assertThat(view.checksum()).as("after %s", edit).isEqualTo(udpReference(pseudo, now));
        }
    }

    /** UDP over IPv4 without a checksum (zero, "none") keeps none: setters leave it zero, and it stays valid. */
    @Property(tries = 300)
    void udpOverIpv4WithoutChecksumKeepsNone(@ForAll("edits") List<Edit> edits, @ForAll @Size(max = 9) byte[] payload)
            throws ParseException {
        byte[] datagram = Packets.build(payload, new UdpHeaderV4Builder().sourcePort(68).destinationPort(67)
                .checksum(0).addresses(Packets.SOURCE, Packets.DESTINATION));
        assertThat(datagram[6]).isZero();
        assertThat(datagram[7]).isZero();
        UdpHeaderV4 view = UdpHeaderV4.parse(PacketBuffer.wrap(datagram), Packets.SOURCE, Packets.DESTINATION);
        for (Edit edit : edits) {
            if (edit.field() % 2 == 0) {
                view.setSourcePort((int) edit.value() & 0xFFFF);
            } else {
                view.setDestinationPort((int) edit.value() & 0xFFFF);
            }
            assertThat(view.checksum()).isZero();
            assertThat(view.checksumValid()).isTrue();
        }
    }

    /**
     * An edit after which the full checksum is zero goes out as 0xFFFF (RFC 768), over both IP
     * versions: the port is chosen so that the one's complement sum of everything else plus the port
     * is 0xFFFF.
     */
    @Example
    void anEditThatMakesTheChecksumZeroWritesAllOnes() throws ParseException {
        byte[] payload = Packets.payload(11);
        byte[] datagram4 = Packets.build(payload, new UdpHeaderV4Builder().sourcePort(0).destinationPort(53)
                .addresses(Packets.SOURCE, Packets.DESTINATION));
        byte[] pseudo4 = ReferenceChecksum.ipv4PseudoHeader(Packets.SOURCE, Packets.DESTINATION, 17, datagram4.length);
        int port4 = 0xFFFF - ReferenceChecksum.sum(pseudo4, ReferenceChecksum.withZeroChecksum(datagram4, 0,
                datagram4.length, 6));
        UdpHeaderV4 v4 = UdpHeaderV4.parse(PacketBuffer.wrap(datagram4), Packets.SOURCE, Packets.DESTINATION);
        v4.setSourcePort(port4);
        assertThat(ReferenceChecksum.checksum(pseudo4, ReferenceChecksum.withZeroChecksum(datagram4, 0,
                datagram4.length, 6))).as("the chosen port makes the computed checksum zero").isZero();
        assertThat(v4.checksum()).isEqualTo(0xFFFF);
        assertThat(v4.checksumValid()).isTrue();

        Ipv6Address source = Ipv6Address.parse("fe80::201:2ff:fe03:405");
        Ipv6Address destination = Ipv6Address.parse("ff02::1:2");
        byte[] datagram6 = Packets.build(payload, new UdpHeaderV6Builder().sourcePort(546).destinationPort(0)
                .addresses(source, destination));
        byte[] pseudo6 = ReferenceChecksum.ipv6PseudoHeader(source, destination, 17, datagram6.length);
        int port6 = 0xFFFF - ReferenceChecksum.sum(pseudo6, ReferenceChecksum.withZeroChecksum(datagram6, 0,
                datagram6.length, 6));
        UdpHeaderV6 v6 = UdpHeaderV6.parse(PacketBuffer.wrap(datagram6), source, destination);
        v6.setDestinationPort(port6);
        assertThat(v6.checksum()).isEqualTo(0xFFFF);
        assertThat(v6.checksumValid()).isTrue();
        UdpHeaderV6.parse(PacketBuffer.wrap(datagram6), source, destination); // still parses: 0xFFFF is not "none"
    }
}
