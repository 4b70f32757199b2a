package io.zerowire.processor.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.IpAddress;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import io.zerowire.serialize.Serializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Assumptions;

/**
 * UDP-Lite (RFC 3828) declared as a layout whose checksum coverage is a field, generic over the IP
 * version: the checksum is checked against an RFC 1071 sum computed here byte by byte over the
 * pseudo-header (protocol 136, the whole datagram's length) and the covered bytes, and against
 * tshark's UDP-Lite checksum check.
 */
class UdpLiteTest {
    private static final Ipv4Address SOURCE4 = Ipv4Address.of(192, 0, 2, 1);
    private static final Ipv4Address DESTINATION4 = Ipv4Address.of(198, 51, 100, 2);
    private static final Ipv6Address SOURCE6 = Ipv6Address.parse("2001:db8::1");
    private static final Ipv6Address DESTINATION6 = Ipv6Address.parse("2001:db8::2");

    private static int u16(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) << 8 | (bytes[at + 1] & 0xFF);
    }

    /** RFC 3828 section 3.1: the sum over the pseudo-header and the first {@code covered} bytes, 0 sent as 0xFFFF. */
    private static int rfc3828(byte[] pseudo, byte[] datagram, int covered) {
        int checksum = ReferenceChecksum.checksum(pseudo, ReferenceChecksum.withZeroChecksum(datagram, 0, covered, 6));
        return checksum == 0 ? 0xFFFF : checksum;
    }

    /** A legal coverage for a datagram of {@code length} bytes from a random number: 0 (all) or 8..length. */
    private static int coverage(int pick, int length) {
        return pick % 4 == 0 ? 0 : 8 + pick % (length - 7);
    }

    @Property(tries = 1000)
    void overIpv4BuiltFieldsReadBackAndTheChecksumIsRfc3828s(@ForAll(supplier = IpAddressSuppliers.Ipv4s.class) Ipv4Address source,
            @ForAll(supplier = IpAddressSuppliers.Ipv4s.class) Ipv4Address destination, @ForAll @IntRange(max = 0xFFFF) int sourcePort,
            @ForAll @IntRange(max = 0xFFFF) int destinationPort, @ForAll @Size(max = 80) byte[] payload,
            @ForAll @IntRange(max = 1000) int pick) throws ParseException {
        int coverage = coverage(pick, 8 + payload.length);
        byte[] datagram = Packets.build(payload, new UdpLiteV4Builder().sourcePort(sourcePort)
                .destinationPort(destinationPort).checksumCoverage(coverage).addresses(source, destination));
        assertThat(datagram).hasSize(8 + payload.length);
        assertThat(u16(datagram, 4)).as("the coverage as given").isEqualTo(coverage);
        byte[] pseudo = ReferenceChecksum.ipv4PseudoHeader(source, destination, 136, datagram.length);
        assertThat(u16(datagram, 6)).isEqualTo(rfc3828(pseudo, datagram, coverage == 0 ? datagram.length : coverage));
        UdpLite<Ipv4Address> view = UdpLiteV4.parse(PacketBuffer.wrap(datagram), source, destination);
        assertThat(view.sourcePort()).isEqualTo(sourcePort);
        assertThat(view.destinationPort()).isEqualTo(destinationPort);
        assertThat(view.checksumCoverage()).isEqualTo(coverage);
        assertThat(view.bodyLength()).isEqualTo(payload.length);
        assertThat(view.checksumValid()).isTrue();
    }

    @Property(tries = 1000)
    void overIpv6TheChecksumIsRfc3828s(@ForAll(supplier = IpAddressSuppliers.Ipv6s.class) Ipv6Address source,
            @ForAll(supplier = IpAddressSuppliers.Ipv6s.class) Ipv6Address destination, @ForAll @Size(max = 80) byte[] payload,
            @ForAll @IntRange(max = 1000) int pick) throws ParseException {
        int coverage = coverage(pick, 8 + payload.length);
        byte[] datagram = Packets.build(payload, new UdpLiteV6Builder().sourcePort(1234).destinationPort(5678)
                .checksumCoverage(coverage).addresses(source, destination));
        byte[] pseudo = ReferenceChecksum.ipv6PseudoHeader(source, destination, 136, datagram.length);
        assertThat(u16(datagram, 6)).isEqualTo(rfc3828(pseudo, datagram, coverage == 0 ? datagram.length : coverage));
        assertThat(UdpLiteV6.parse(PacketBuffer.wrap(datagram), source, destination).checksumCoverage())
                .isEqualTo(coverage);
    }

    /** A byte past the coverage is not checked (that is UDP-Lite's point); one inside it is. */
    @Property(tries = 500)
    void aByteOutsideTheCoverageMayChangeOneInsideMayNot(@ForAll @Size(min = 1, max = 60) byte[] payload,
            @ForAll @IntRange(max = 1000) int pick, @ForAll @IntRange(max = 1000) int where,
            @ForAll @IntRange(min = 1, max = 255) int flip) throws ParseException {
        int length = 8 + payload.length;
        int coverage = 8 + pick % (length - 7);
        byte[] datagram = Packets.build(payload, new UdpLiteV6Builder().sourcePort(9).destinationPort(10)
                .checksumCoverage(coverage).addresses(SOURCE6, DESTINATION6));
        int at = 8 + where % payload.length;
        byte[] changed = datagram.clone();
        changed[at] ^= (byte) flip;
        PacketBuffer buffer = PacketBuffer.wrap(changed);
        if (at >= coverage) {
            assertThat(UdpLiteV6.parse(buffer, SOURCE6, DESTINATION6).checksumValid()).isTrue();
        } else {
            ParseException e = catchThrowableOfType(ParseException.class,
                    () -> UdpLiteV6.parse(buffer, SOURCE6, DESTINATION6));
            assertThat(e.kind()).isEqualTo(ParseErrorKind.CHECKSUM);
            assertThat(e.field()).isEqualTo("checksum");
            assertThat(buffer.position()).isZero();
            assertThat(buffer.remaining()).isEqualTo(length);
        }
    }

    /** RFC 3828 section 3.1: a coverage of 1 to 7, or past the datagram, is illegal and the datagram discarded. */
    @Property(tries = 300)
    void anIllegalCoverageIsMalformedNamingTheField(@ForAll @Size(max = 40) byte[] payload,
            @ForAll @IntRange(min = 1, max = 0xFFFF) int coverage) {
        int length = 8 + payload.length;
        Assumptions.assumeTrue(coverage < 8 || coverage > length);
        byte[] datagram = Packets.build(payload, new UdpLiteV4Builder().sourcePort(9).destinationPort(10)
                .addresses(SOURCE4, DESTINATION4));
        datagram[4] = (byte) (coverage >>> 8);
        datagram[5] = (byte) coverage;
        PacketBuffer buffer = PacketBuffer.wrap(datagram);
        // Unverified too: the coverage is structure, not checksum.
        ParseException e = catchThrowableOfType(ParseException.class,
                () -> new UdpLiteV4().wrapUnverified(buffer, SOURCE4, DESTINATION4));
        assertThat(e.kind()).isEqualTo(ParseErrorKind.MALFORMED);
        assertThat(e.field()).isEqualTo("checksumCoverage");
        assertThat(buffer.position()).isZero();
        assertThat(buffer.remaining()).isEqualTo(length);
    }

    @Example
    void aZeroChecksumIsAnErrorNeverNone() throws ParseException {
        byte[] datagram = Packets.build(Packets.payload(6), new UdpLiteV4Builder().sourcePort(9).destinationPort(10)
                .checksum(0).addresses(SOURCE4, DESTINATION4));
        assertThat(u16(datagram, 6)).isZero();
        ParseException e = catchThrowableOfType(ParseException.class,
                () -> UdpLiteV4.parse(PacketBuffer.wrap(datagram), SOURCE4, DESTINATION4));
        assertThat(e.kind()).isEqualTo(ParseErrorKind.CHECKSUM);
        assertThat(e.field()).isEqualTo("checksum");
        assertThat(UdpLiteV4.parseUnverified(PacketBuffer.wrap(datagram), SOURCE4, DESTINATION4).checksumValid())
                .isFalse();
    }

    @Property(tries = 60)
    void truncationAtEveryLengthIsATypedErrorAndLeavesTheBuffer(@ForAll @IntRange(max = 1000) int pick) {
        byte[] payload = Packets.payload(13);
        int coverage = coverage(pick, 21);
        byte[] whole = Packets.build(payload, new UdpLiteV4Builder().sourcePort(9).destinationPort(10)
                .checksumCoverage(coverage).addresses(SOURCE4, DESTINATION4));
        for (int length = 0; length < whole.length; length++) {
            PacketBuffer buffer = PacketBuffer.wrap(Arrays.copyOf(whole, length));
            // No length field: a cut datagram is shorter than its coverage, or sums wrong with its shorter pseudo-header.
            ParseException e = catchThrowableOfType(ParseException.class,
                    () -> UdpLiteV4.parse(buffer, SOURCE4, DESTINATION4));
            assertThat(e).as("length %d of %d, coverage %d", length, whole.length, coverage).isNotNull();
            assertThat(e.kind()).isIn(ParseErrorKind.MALFORMED, ParseErrorKind.CHECKSUM);
            assertThat(buffer.position()).isZero();
            assertThat(buffer.remaining()).isEqualTo(length);
        }
    }

    @Property(tries = 200)
    void prefilledBuffersGiveTheSameBytes(@ForAll @Size(max = 40) byte[] payload,
            @ForAll @IntRange(max = 1000) int pick) {
        int coverage = coverage(pick, 8 + payload.length);
        Serializer serializer = Serializer.of(payload).encapsulate(new UdpLiteV6Builder().sourcePort(3)
                .destinationPort(4).checksumCoverage(coverage).addresses(SOURCE6, DESTINATION6));
        byte[] zeros = ReflectiveLayout.serializeInto(serializer, 200, (byte) 0);
        byte[] ones = ReflectiveLayout.serializeInto(serializer, 200, (byte) 0xFF);
        assertThat(ones).isEqualTo(zeros);
        assertThat(u16(zeros, 4)).isEqualTo(coverage);
    }

    /** The coverage setter recomputes the checksum over the new range; the other setters keep it right. */
    @Property(tries = 300)
    void settersKeepTheChecksumRight(@ForAll @Size(max = 40) byte[] payload, @ForAll @IntRange(max = 1000) int pick,
            @ForAll @IntRange(max = 1000) int newPick, @ForAll @IntRange(max = 0xFFFF) int port)
            throws ParseException {
        int length = 8 + payload.length;
        byte[] datagram = Packets.build(payload, new UdpLiteV4Builder().sourcePort(1).destinationPort(2)
                .checksumCoverage(coverage(pick, length)).addresses(SOURCE4, DESTINATION4));
        UdpLite<Ipv4Address> view = UdpLiteV4.parse(PacketBuffer.wrap(datagram), SOURCE4, DESTINATION4);
        int newCoverage = coverage(newPick, length);
        view.setChecksumCoverage(newCoverage).setSourcePort(port);
        assertThat(view.checksumValid()).isTrue();
        assertThat(datagram).isEqualTo(Packets.build(payload, new UdpLiteV4Builder().sourcePort(port)
                .destinationPort(2).checksumCoverage(newCoverage).addresses(SOURCE4, DESTINATION4)));
    }

    @Example
    void theCoverageSetterRefusesWhatThePacketCannotHave() throws ParseException {
        byte[] datagram = Packets.build(Packets.payload(4), new UdpLiteV4Builder().addresses(SOURCE4, DESTINATION4));
        UdpLiteV4 view = UdpLiteV4.parse(PacketBuffer.wrap(datagram), SOURCE4, DESTINATION4);
        byte[] before = datagram.clone();
        for (int illegal : new int[] {1, 7, 13, 0xFFFF}) {
            assertThatThrownBy(() -> view.setChecksumCoverage(illegal)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("checksumCoverage");
        }
        assertThat(datagram).isEqualTo(before);
    }

    /** One generic path for both versions (the generic view type), as item 6 promises. */
    private static <A extends IpAddress<?>> int coveredThroughTheGenericType(UdpLite<A> view, PacketBuffer buffer,
            A source, A destination) throws ParseException {
        view.wrap(buffer, source, destination);
        int covered = view.checksumCoverage() == 0 ? view.headerLength() + view.bodyLength() : view.checksumCoverage();
        view.undoParse(buffer);
        return covered;
    }

    @Example
    void bothVersionsGoThroughTheGenericType() throws ParseException {
        PacketBuffer v4 = PacketBuffer.wrap(Packets.build(Packets.payload(20), new UdpLiteV4Builder()
                .checksumCoverage(12).addresses(SOURCE4, DESTINATION4)));
        PacketBuffer v6 = PacketBuffer.wrap(Packets.build(Packets.payload(20), new UdpLiteV6Builder()
                .addresses(SOURCE6, DESTINATION6)));
        assertThat(coveredThroughTheGenericType(new UdpLiteV4(), v4, SOURCE4, DESTINATION4)).isEqualTo(12);
        assertThat(coveredThroughTheGenericType(new UdpLiteV6(), v6, SOURCE6, DESTINATION6)).isEqualTo(28);
    }

    /**
     * tshark, told to check UDP-Lite checksums, agrees with every datagram our builder made: over
     * IPv4 and IPv6, with the whole datagram and part of it covered.
     */
    @Example
    void tsharkFindsEveryBuiltChecksumGood() throws IOException, InterruptedException {
        Path tshark = Path.of("/usr/bin/tshark");
        if (!Files.isExecutable(tshark)) {
            Assumptions.assumeTrue(System.getenv("CI") != null, "tshark is not installed");
            throw new AssertionError("CI is set but /usr/bin/tshark is missing");
        }
        List<byte[]> frames = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        int[][] cases = {{0, 30}, {8, 30}, {21, 30}, {38, 30}, {0, 0}, {8, 1}};
        for (int[] c : cases) {
            byte[] payload = Packets.payload(c[1]);
            int port = 40000 + frames.size();
            frames.add(ethernetIpv4(Packets.build(payload, new UdpLiteV4Builder().sourcePort(port).destinationPort(7777)
                    .checksumCoverage(c[0]).addresses(SOURCE4, DESTINATION4))));
            expected.add(port + "\t7777\t" + c[0] + "\t1");
            frames.add(ethernetIpv6(Packets.build(payload, new UdpLiteV6Builder().sourcePort(port).destinationPort(7777)
                    .checksumCoverage(c[0]).addresses(SOURCE6, DESTINATION6))));
            expected.add(port + "\t7777\t" + c[0] + "\t1");
        }
        Path capture = Files.createTempFile("udplite", ".pcap");
        try {
            Files.write(capture, pcap(frames));
            // Wireshark's checksum status: 0 bad, 1 good, 2 unverified, 3 not present, 4 illegal.
            Process process = new ProcessBuilder(tshark.toString(), "-n", "-r", capture.toString(),
                    "-o", "udplite.check_checksum:TRUE", "-T", "fields", "-e", "udp.srcport", "-e", "udp.dstport",
                    "-e", "udp.checksum_coverage", "-e", "udp.checksum.status")
                    .redirectErrorStream(false).start();
            String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(process.waitFor()).isZero();
            assertThat(out.lines().toList()).isEqualTo(expected);
        } finally {
            Files.deleteIfExists(capture);
        }
    }

    private static byte[] ethernet(int etherType, byte[] ip) {
        byte[] frame = new byte[14 + ip.length];
        byte[] header = {0x02, 0, 0, 0, 0, 2, 0x02, 0, 0, 0, 0, 1, (byte) (etherType >>> 8), (byte) etherType};
        System.arraycopy(header, 0, frame, 0, 14);
        System.arraycopy(ip, 0, frame, 14, ip.length);
        return frame;
    }

    private static byte[] ethernetIpv4(byte[] datagram) {
        byte[] ip = new byte[20 + datagram.length];
        ip[0] = 0x45;
        ip[2] = (byte) (ip.length >>> 8);
        ip[3] = (byte) ip.length;
        ip[8] = 64;
        ip[9] = (byte) 136;
        System.arraycopy(SOURCE4.toByteArray(), 0, ip, 12, 4);
        System.arraycopy(DESTINATION4.toByteArray(), 0, ip, 16, 4);
        int checksum = ReferenceChecksum.checksum(Arrays.copyOf(ip, 20));
        ip[10] = (byte) (checksum >>> 8);
        ip[11] = (byte) checksum;
        System.arraycopy(datagram, 0, ip, 20, datagram.length);
        return ethernet(0x0800, ip);
    }

    private static byte[] ethernetIpv6(byte[] datagram) {
        byte[] ip = new byte[40 + datagram.length];
        ip[0] = 0x60;
        ip[4] = (byte) (datagram.length >>> 8);
        ip[5] = (byte) datagram.length;
        ip[6] = (byte) 136;
        ip[7] = 64;
        System.arraycopy(SOURCE6.toByteArray(), 0, ip, 8, 16);
        System.arraycopy(DESTINATION6.toByteArray(), 0, ip, 24, 16);
        System.arraycopy(datagram, 0, ip, 40, datagram.length);
        return ethernet(0x86DD, ip);
    }

    /** A classic pcap file (little-endian, microseconds, Ethernet) of {@code frames}. */
    private static byte[] pcap(List<byte[]> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(le(0xA1B2C3D4, 2, 4, 0, 0, 65535, 1));
        for (byte[] frame : frames) {
            out.writeBytes(le(0, 0, frame.length, frame.length));
            out.writeBytes(frame);
        }
        return out.toByteArray();
    }

    /** The global header's fields (a 32-bit magic, two 16-bit versions, four 32-bit words), or 32-bit words. */
    private static byte[] le(int... words) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean global = words.length == 7;
        for (int i = 0; i < words.length; i++) {
            int bytes = global && (i == 1 || i == 2) ? 2 : 4;
            for (int b = 0; b < bytes; b++) {
                out.write(words[i] >>> (8 * b));
            }
        }
        return out.toByteArray();
    }
}
