package io.zerowire.protocols.ipv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerowire.buffer.Bytes;
import io.zerowire.buffer.PacketBuffer;
import io.zerowire.checksum.InternetChecksum;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.ip.IpPacket;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ip.ParameterProblemException;
import io.zerowire.serialize.Serializer;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Ipv4PacketTest {
    private static final Ipv4Address SOURCE = Ipv4Address.parse("192.0.2.1");
    private static final Ipv4Address DESTINATION = Ipv4Address.parse("198.51.100.7");
    private static final Ipv4Address HOP = Ipv4Address.parse("10.0.0.1");
    private static final Ipv4Address FINAL = Ipv4Address.parse("203.0.113.9");

    private static Ipv4Builder header() {
        return new Ipv4Builder().ttl(64).protocol(IpProtocol.UDP).source(SOURCE).destination(DESTINATION);
    }

    private static byte[] packet(Ipv4Builder header, int payload) throws Exception {
        return Serializer.of(new byte[payload]).encapsulate(header).serialize().toByteArray();
    }

    private static byte[] withOptions(Ipv4OptionsBuilder options) throws Exception {
        return packet(header().options(options.optionsBuilder()), 8);
    }

    @Test
    void seenAsAnIpPacket() throws Exception {
        IpPacket<io.zerowire.ip.Ipv4> ip = Ipv4Packet.parse(PacketBuffer.wrap(
                withOptions(new Ipv4OptionsBuilder().routerAlert(0))));
        assertThat(ip.version()).isSameAs(io.zerowire.ip.Ipv4.INSTANCE);
        assertThat(ip.source()).isEqualTo(SOURCE);
        assertThat(ip.destination()).isEqualTo(DESTINATION);
        assertThat(ip.pseudoHeaderDestination()).isEqualTo(DESTINATION);
        assertThat(ip.transportProtocol()).isSameAs(IpProtocol.UDP);
        assertThat(ip.hopLimit()).isEqualTo(64);
        assertThat(ip.isFragment()).isFalse();
        assertThat(ip.headerLength()).isEqualTo(24);
        assertThat(ip.payloadLength()).isEqualTo(8);
    }

    @Test
    void fragmentsAreMoreFragmentsOrAnOffset() throws Exception {
        assertThat(Ipv4Packet.parse(PacketBuffer.wrap(packet(header().dontFragment(true), 8))).isFragment()).isFalse();
        Ipv4Packet first = Ipv4Packet.parse(PacketBuffer.wrap(packet(header().moreFragments(true), 8)));
        assertThat(first.isFragment()).isTrue();
        assertThat(first.fragmentOffsetBytes()).isZero();
        Ipv4Packet last = Ipv4Packet.parse(PacketBuffer.wrap(packet(header().fragmentOffset(185), 8)));
        assertThat(last.isFragment()).isTrue();
        assertThat(last.fragmentOffsetBytes()).isEqualTo(1480);
    }

    @Test
    void linkPaddingMovesToTheSuffixAndUndoGivesItBack() throws Exception {
        byte[] frame = Arrays.copyOf(packet(header(), 6), 46);   // 26 bytes padded as Ethernet would
        Arrays.fill(frame, 26, 46, (byte) 0xEE);
        PacketBuffer buffer = PacketBuffer.wrap(frame);
        Ipv4Packet ip = new Ipv4Packet().wrap(buffer);
        assertThat(buffer.prefixLength()).isEqualTo(20);
        assertThat(buffer.bodyLength()).isEqualTo(6).isEqualTo(ip.payloadLength());
        assertThat(buffer.suffixLength()).isEqualTo(20);
        assertThat(ip.payloadOffset()).isEqualTo(20);
        ip.undoParse(buffer);
        assertThat(buffer.bodyStart()).isZero();
        assertThat(buffer.bodyLength()).as("the packet, padding excluded (ParseMetadata)").isEqualTo(26);
        assertThat(buffer.suffixLength()).isEqualTo(20);
    }

    @Test
    void aTotalLengthPastTheBufferIsMalformedAndChangesNothing() throws Exception {
        byte[] bytes = Arrays.copyOf(packet(header(), 10), 29);
        PacketBuffer buffer = PacketBuffer.wrap(bytes);
        assertThatThrownBy(() -> new Ipv4Packet().wrap(buffer)).isInstanceOfSatisfying(ParseException.class, e -> {
            assertThat(e.kind()).isEqualTo(ParseErrorKind.MALFORMED);
            assertThat(e.field()).isEqualTo("totalLength");
            assertThat(e.offset()).isEqualTo(2);
        });
        assertThat(buffer.bodyStart()).isZero();
        assertThat(buffer.bodyLength()).isEqualTo(29);
    }

    @Test
    void aTotalLengthOfZeroGetsItsOwnError() throws Exception {
        byte[] bytes = packet(header().totalLength(0), 1000);
        PacketBuffer buffer = PacketBuffer.wrap(bytes);
        buffer.shrinkFront(0);
        assertThatThrownBy(() -> Ipv4Packet.parseUnverified(buffer)).isInstanceOfSatisfying(ParseException.class, e -> {
            assertThat(e.kind()).isEqualTo(ParseErrorKind.MALFORMED);
            assertThat(e.field()).isEqualTo("totalLength");
            assertThat(e.detail()).isEqualTo(Ipv4Packet.SEGMENTATION_OFFLOAD_LENGTH);
            assertThat(e).isNotInstanceOf(ParameterProblemException.class);
        });
        assertThat(buffer.bodyLength()).isEqualTo(1020);
        // Without the TSO reading, a length of 10 is just shorter than the header.
        assertThatThrownBy(() -> Ipv4Packet.parse(PacketBuffer.wrap(packet(header().totalLength(10), 0))))
                .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.detail()).isNotEqualTo(
                        Ipv4Packet.SEGMENTATION_OFFLOAD_LENGTH));
    }

    /** A packet whose option at header offset 21 claims 9 bytes where 3 remain; checksum made right. */
    private static byte[] brokenOption(Ipv4Builder header) throws Exception {
        byte[] bytes = packet(header.options(new Ipv4OptionsBuilder().nop().routerAlert(0).optionsBuilder()), 8);
        bytes[22] = 9;
        fixChecksum(bytes);
        return bytes;
    }

    private static void fixChecksum(byte[] bytes) {
        int length = (bytes[0] & 0xF) * 4;
        Bytes.putU16(bytes, Ipv4.HEADER_CHECKSUM_OFFSET, 0);
        Bytes.putU16(bytes, Ipv4.HEADER_CHECKSUM_OFFSET, InternetChecksum.compute(bytes, 0, length));
    }

    @Test
    void aBrokenOptionListIsAParameterProblemPointingAtTheOption() throws Exception {
        byte[] bytes = brokenOption(header());
        PacketBuffer buffer = PacketBuffer.wrap(bytes);
        assertThatThrownBy(() -> new Ipv4Packet().wrap(buffer)).isInstanceOfSatisfying(
                ParameterProblemException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ParseErrorKind.MALFORMED);
                    assertThat(e.field()).isEqualTo("options");
                    assertThat(e.code()).isZero();
                    assertThat(e.pointer()).isEqualTo(21);
                    assertThat(e.mayRespond()).isTrue();
                });
        assertThat(buffer.bodyStart()).isZero();
    }

    @Test
    void noIcmpAnswerWhereRfc1122ForbidsIt() throws Exception {
        assertThat(problem(brokenOption(header().destination(Ipv4Address.parse("224.0.0.1")))).mayRespond()).isFalse();
        assertThat(problem(brokenOption(header().destination(Ipv4Address.parse("255.255.255.255")))).mayRespond()).isFalse();
        assertThat(problem(brokenOption(header().source(Ipv4Address.parse("0.0.0.0")))).mayRespond()).isFalse();
        assertThat(problem(brokenOption(header().source(Ipv4Address.parse("127.0.0.1")))).mayRespond()).isFalse();
        assertThat(problem(brokenOption(header().source(Ipv4Address.parse("240.0.0.1")))).mayRespond()).isFalse();
        assertThat(problem(brokenOption(header().fragmentOffset(1))).mayRespond()).isFalse();
        assertThat(problem(brokenOption(header().moreFragments(true))).mayRespond()).isTrue();
        byte[] corrupted = brokenOption(header());
        corrupted[Ipv4.TTL_OFFSET]++;   // the checksum no longer verifies: drop silently
        assertThat(problem(corrupted).mayRespond()).isFalse();
    }

    private static ParameterProblemException problem(byte[] bytes) {
        try {
            Ipv4Packet.parseUnverified(PacketBuffer.wrap(bytes));
        } catch (ParameterProblemException e) {
            return e;
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("parsed");
    }

    @Test
    void thePseudoHeaderDestinationIsTheFinalDestinationOfASourceRouteWithHopsLeft() throws Exception {
        assertThat(parse(new Ipv4OptionsBuilder().looseSourceRoute(HOP, FINAL)).pseudoHeaderDestination()).isEqualTo(FINAL);
        assertThat(parse(new Ipv4OptionsBuilder().nop().strictSourceRoute(FINAL)).pseudoHeaderDestination()).isEqualTo(FINAL);
        assertThat(parse(new Ipv4OptionsBuilder().route(Ipv4Options.LOOSE_SOURCE_ROUTE, 8, HOP, FINAL))
                .pseudoHeaderDestination()).as("pointer at the last slot").isEqualTo(FINAL);
        assertThat(parse(new Ipv4OptionsBuilder().route(Ipv4Options.LOOSE_SOURCE_ROUTE, 12, HOP, FINAL))
                .pseudoHeaderDestination()).as("route exhausted").isEqualTo(DESTINATION);
        assertThat(parse(new Ipv4OptionsBuilder().route(Ipv4Options.RECORD_ROUTE, 4, HOP, FINAL))
                .pseudoHeaderDestination()).as("record route").isEqualTo(DESTINATION);
        assertThat(parse(new Ipv4OptionsBuilder().route(Ipv4Options.STRICT_SOURCE_ROUTE, 5, HOP, FINAL))
                .pseudoHeaderDestination()).as("pointer inside an address").isEqualTo(DESTINATION);
        assertThat(parse(new Ipv4OptionsBuilder().route(Ipv4Options.LOOSE_SOURCE_ROUTE, 4).looseSourceRoute(FINAL))
                .pseudoHeaderDestination()).as("only the first source route counts").isEqualTo(DESTINATION);
        Ipv4Packet ip = parse(new Ipv4OptionsBuilder().looseSourceRoute(HOP, FINAL));
        assertThat(ip.pseudoHeaderDestinationBits()).isEqualTo(FINAL.bits());
        assertThat(ip.destination()).isEqualTo(DESTINATION);
    }

    private static Ipv4Packet parse(Ipv4OptionsBuilder options) throws Exception {
        return Ipv4Packet.parse(PacketBuffer.wrap(withOptions(options)));
    }

    @Test
    void aQuotedPacketMayBeCutShort() throws Exception {
        byte[] bytes = Arrays.copyOf(withOptions(new Ipv4OptionsBuilder().looseSourceRoute(HOP, FINAL)), 32 + 2);
        PacketBuffer buffer = PacketBuffer.wrap(bytes);
        Ipv4Packet ip = new Ipv4Packet().wrapQuoted(buffer);
        assertThat(ip.payloadLength()).isEqualTo(2);
        assertThat(ip.pseudoHeaderDestination()).isEqualTo(FINAL);
        assertThat(ip.header().totalLength()).isEqualTo(40);
        assertThatThrownBy(() -> new Ipv4Packet().wrap(PacketBuffer.wrap(bytes))).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> new Ipv4Packet().wrapQuoted(PacketBuffer.wrap(Arrays.copyOf(bytes, 31))))
                .as("the header must be whole").isInstanceOf(ParseException.class);
    }

    @Test
    void oneViewServesEveryPacketAndAFailedWrapLeavesItAlone() throws Exception {
        Ipv4Packet ip = new Ipv4Packet();
        ip.wrap(PacketBuffer.wrap(packet(header().ttl(1), 3)));
        assertThat(ip.hopLimit()).isEqualTo(1);
        ip.wrap(PacketBuffer.wrap(packet(header().ttl(2).protocol(IpProtocol.TCP), 5)));
        assertThat(ip.hopLimit()).isEqualTo(2);
        assertThat(ip.transportProtocolValue()).isEqualTo(6);
        byte[] bad = packet(header().ttl(3), 5);
        bad[Ipv4.TTL_OFFSET] = 4;
        assertThatThrownBy(() -> ip.wrap(PacketBuffer.wrap(bad))).isInstanceOfSatisfying(ParseException.class,
                e -> assertThat(e.kind()).isEqualTo(ParseErrorKind.CHECKSUM));
        assertThat(ip.hopLimit()).isEqualTo(2);
        assertThat(ip.payloadLength()).isEqualTo(5);
        assertThat(ip.wrapUnverified(PacketBuffer.wrap(bad)).hopLimit()).isEqualTo(4);
        assertThat(ip.header().checksumValid()).isFalse();
    }

    @Test
    void wrappingAndReadingAllocateNothing() throws Exception {
        byte[] bytes = withOptions(new Ipv4OptionsBuilder().looseSourceRoute(HOP, FINAL));
        PacketBuffer buffer = PacketBuffer.wrap(bytes);
        Ipv4Packet ip = new Ipv4Packet();
        long sum = loop(ip, buffer, bytes, 20_000);   // warm up
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        sum += loop(ip, buffer, bytes, 100_000);
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertThat(sum).isNotZero();
        assertThat(allocated).as("bytes allocated by 100,000 wraps").isLessThan(1024);
    }

    private static long loop(Ipv4Packet ip, PacketBuffer buffer, byte[] bytes, int n) throws ParseException {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            buffer.rewrap(bytes, 0, bytes.length);
            ip.wrap(buffer);
            sum += ip.pseudoHeaderDestinationBits() + ip.transportProtocolValue() + ip.payloadLength()
                    + (ip.isFragment() ? 1 : 0) + ip.header().sourceBits();
        }
        return sum;
    }
}
