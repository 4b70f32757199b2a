package io.zerowire.checksum;

import static io.zerowire.checksum.ChecksumReference.concat;
import static io.zerowire.checksum.ChecksumReference.getU16;
import static io.zerowire.checksum.ChecksumReference.getU32;
import static io.zerowire.checksum.ChecksumReference.getU64;
import static io.zerowire.checksum.ChecksumReference.hex;
import static io.zerowire.checksum.ChecksumReference.ipv4PseudoHeader;
import static io.zerowire.checksum.ChecksumReference.ipv6PseudoHeader;
import static io.zerowire.checksum.ChecksumReference.putU16;
import static io.zerowire.checksum.ChecksumReference.slice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The packets below are captured traffic published with Fuchsia's netstack3 packet-formats crate
 * (src/connectivity/lib/packet-formats/src/testdata.rs, "obtained by capturing live network
 * traffic"; the MLD query from a CloudShark capture). Their checksums were computed by the sending
 * hosts' stacks, not by anything here.
 */
class PseudoHeaderTest {

    private static final int UDP = 17;
    private static final int TCP = 6;
    private static final int ICMPV6 = 58;

    /** IPv4 + UDP: a DNS query for 0.docs.google.com from 192.168.1.15 to 192.168.1.1. UDP checksum 07f7. */
    private static final byte[] DNS_QUERY_V4 = hex("""
            45 00 00 3f 17 f1 00 00 40 11 df 5c c0 a8 01 0f c0 a8 01 01
            8b 4a 00 35 00 2b 07 f7 47 b5 01 00 00 01 00 00 00 00 00 00 01 30 04 64 6f 63 73
            06 67 6f 6f 67 6c 65 03 63 6f 6d 00 00 01 00 01
            """);

    /** IPv6 + UDP: a DNS query for google.com, 2620:0:1000:5010:69b4:abc9:7b21:9215 to 2001:4860:4860::8888. UDP checksum 02f8. */
    private static final byte[] DNS_QUERY_V6 = hex("""
            60 0e a5 28 00 3b 11 40
            26 20 00 00 10 00 50 10 69 b4 ab c9 7b 21 92 15
            20 01 48 60 48 60 00 00 00 00 00 00 00 00 88 88
            d9 a1 00 35 00 3b 02 f8 a6 d9 01 20 00 01 00 00 00 00 00 01 06 67 6f 6f 67 6c 65
            03 63 6f 6d 00 00 01 00 01 00 00 29 10 00 00 00 00 00 00 0c 00 0a 00 08 9f 30 aa
            16 63 d2 09 25
            """);

    /** IPv6 + TCP: a SYN with MSS, SACK-permitted, timestamp and window scale options. TCP checksum 72cf. */
    private static final byte[] TCP_SYN_V6 = hex("""
            60 08 c5 5d 00 28 06 40
            26 20 00 00 10 00 50 10 69 b4 ab c9 7b 21 92 15
            26 07 f8 b0 40 05 08 0a 00 00 00 00 00 00 20 12
            a7 ac 01 bb 1c 68 76 8e 00 00 00 00 a0 02 70 80 72 cf 00 00 02 04 05 a0 04 02 08 0a
            e7 50 11 57 00 00 00 00 01 03 03 07
            """);

    /** IPv6 + ICMPv6: an echo request from ::1 to fec0::. ICMPv6 checksum e313. */
    private static final byte[] ECHO_REQUEST_V6 = hex("""
            60 00 00 00 00 3c 3a 40
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01
            fe c0 00 00 00 00 00 00 00 00 00 00 00 00 00 00
            80 00 e3 13 11 0d 00 00 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 10 11 12 13
            14 15 16 17 18 19 1a 1b 1c 1d 1e 1f 20 21 22 23 24 25 26 27 28 29 2a 2b 2c 2d 2e 2f
            30 31 32 33
            """);

    /**
     * IPv6 + Hop-by-Hop (router alert) + ICMPv6: an MLD query from :: to ff02::1. ICMPv6 checksum
     * 7ac1. The IPv6 next header is 0 (Hop-by-Hop) and the payload length 32, but the pseudo-header
     * takes next header 58 and the ICMPv6 length, 24.
     */
    private static final byte[] MLD_QUERY = hex("""
            60 00 00 00 00 20 00 01
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
            ff 02 00 00 00 00 00 00 00 00 00 00 00 00 00 01
            3a 00 05 02 00 00 01 00
            82 00 7a c1 03 e8 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
            """);

    // --- Real packets -------------------------------------------------------------------------------

    @Test
    void udpOverIpv4FromACapture() {
        byte[] p = DNS_QUERY_V4;
        int udp = 20;
        int length = p.length - udp;
        assertThat(length).isEqualTo(getU16(p, udp + 4)).isEqualTo(43); // odd: the last word is padded

        // Verification: pseudo-header, then the datagram with its checksum in place.
        InternetChecksum c = new InternetChecksum();
        PseudoHeader.addIpv4(c, p, 12, 16, UDP, length).add(p, udp, length);
        assertThat(c.verify()).isTrue();

        // Computation: the checksum field counts as zero.
        byte[] zeroed = p.clone();
        putU16(zeroed, udp + 6, 0);
        c.reset();
        PseudoHeader.addIpv4(c, zeroed, 12, 16, UDP, length).add(zeroed, udp, length);
        assertThat(c.checksum()).isEqualTo(0x07f7);

        // The same from the addresses as ints.
        c.reset();
        PseudoHeader.addIpv4(c, 0xc0a8010f, 0xc0a80101, UDP, length).add(zeroed, udp, length);
        assertThat(c.checksum()).isEqualTo(0x07f7);

        // And the independent reference agrees with the captured value.
        byte[] pseudo = ipv4PseudoHeader(slice(p, 12, 16), slice(p, 16, 20), UDP, length);
        assertThat(ChecksumReference.checksum(concat(pseudo, slice(zeroed, udp, p.length)))).isEqualTo(0x07f7);
    }

    @Test
    void udpOverIpv6FromACapture() {
        assertIpv6Vector(DNS_QUERY_V6, 40, UDP, 6, 0x02f8);
    }

    @Test
    void tcpOverIpv6FromACapture() {
        assertIpv6Vector(TCP_SYN_V6, 40, TCP, 16, 0x72cf);
    }

    @Test
    void icmpv6EchoRequest() {
        assertIpv6Vector(ECHO_REQUEST_V6, 40, ICMPV6, 2, 0xe313);
    }

    @Test
    void icmpv6BehindAHopByHopHeaderUsesTheUpperLayerNextHeaderAndLength() {
        assertIpv6Vector(MLD_QUERY, 48, ICMPV6, 2, 0x7ac1);

        // With the IPv6 header's values (next header 0, payload length 32) it does not verify.
        InternetChecksum c = new InternetChecksum();
        PseudoHeader.addIpv6(c, MLD_QUERY, 8, 24, MLD_QUERY[6], getU16(MLD_QUERY, 4)).add(MLD_QUERY, 48, 24);
        assertThat(c.verify()).isFalse();
    }

    @Test
    void aDamagedAddressFailsTheTransportChecksum() {
        byte[] p = DNS_QUERY_V4.clone();
        p[19] ^= 0x01; // destination 192.168.1.1 -> 192.168.1.0: delivered to the wrong host
        InternetChecksum c = new InternetChecksum();
        PseudoHeader.addIpv4(c, p, 12, 16, UDP, 43).add(p, 20, 43);
        assertThat(c.verify()).isFalse();
        // wrong protocol
        c.reset();
        PseudoHeader.addIpv4(c, DNS_QUERY_V4, 12, 16, TCP, 43).add(DNS_QUERY_V4, 20, 43);
        assertThat(c.verify()).isFalse();
    }

    /**
     * Checks a captured IPv6 packet three ways: verification in place, computation with the
     * checksum field zeroed (from the array and from longs), and the naive reference.
     */
    private static void assertIpv6Vector(byte[] p, int transport, int nextHeader, int checksumField, int expected) {
        int length = p.length - transport;
        InternetChecksum c = new InternetChecksum();
        PseudoHeader.addIpv6(c, p, 8, 24, nextHeader, length).add(p, transport, length);
        assertThat(c.verify()).as("captured packet verifies").isTrue();

        byte[] zeroed = p.clone();
        putU16(zeroed, transport + checksumField, 0);
        c.reset();
        PseudoHeader.addIpv6(c, zeroed, 8, 24, nextHeader, length).add(zeroed, transport, length);
        assertThat(c.checksum()).isEqualTo(expected);

        c.reset();
        PseudoHeader.addIpv6(c, getU64(p, 8), getU64(p, 16), getU64(p, 24), getU64(p, 32), nextHeader, length)
                .add(zeroed, transport, length);
        assertThat(c.checksum()).isEqualTo(expected);

        byte[] pseudo = ipv6PseudoHeader(slice(p, 8, 24), slice(p, 24, 40), length, nextHeader);
        assertThat(ChecksumReference.checksum(concat(pseudo, slice(zeroed, transport, p.length))))
                .as("reference").isEqualTo(expected);
    }

    // --- Against the byte-by-byte layout, for any input ----------------------------------------------

    @Property
    void ipv4MatchesTheExplicitLayout(
            @ForAll int source, @ForAll int destination,
            @ForAll @IntRange(max = 255) int protocol, @ForAll @IntRange(max = 65535) int length,
            @ForAll @Size(max = 100) byte[] segment) {
        byte[] src = new byte[4];
        byte[] dst = new byte[4];
        ChecksumReference.putU32(src, 0, source);
        ChecksumReference.putU32(dst, 0, destination);
        int expected = ChecksumReference.sumByteByByte(concat(ipv4PseudoHeader(src, dst, protocol, length), segment));

        InternetChecksum c = new InternetChecksum();
        PseudoHeader.addIpv4(c, source, destination, protocol, length).add(segment, 0, segment.length);
        assertThat(c.sum()).isEqualTo(expected);
    }

    @Property
    void ipv4FromAnArrayMatchesTheExplicitLayout(
            @ForAll @Size(min = 8, max = 64) byte[] packet,
            @ForAll @IntRange(max = 60) int sourceOffset, @ForAll @IntRange(max = 60) int destinationOffset,
            @ForAll @IntRange(max = 255) int protocol, @ForAll @IntRange(max = 65535) int length) {
        int s = sourceOffset % (packet.length - 3);
        int d = destinationOffset % (packet.length - 3);
        byte[] pseudo = ipv4PseudoHeader(slice(packet, s, s + 4), slice(packet, d, d + 4), protocol, length);

        InternetChecksum c = new InternetChecksum();
        PseudoHeader.addIpv4(c, packet, s, d, protocol, length);
        assertThat(c.sum()).isEqualTo(ChecksumReference.sumByteByByte(pseudo));
        // and the same as from ints
        InternetChecksum fromInts = new InternetChecksum();
        PseudoHeader.addIpv4(fromInts, getU32(packet, s), getU32(packet, d), protocol, length);
        assertThat(fromInts.sum()).isEqualTo(c.sum());
    }

    @Property
    void ipv6MatchesTheExplicitLayout(
            @ForAll @Size(16) byte[] source, @ForAll @Size(16) byte[] destination,
            @ForAll @IntRange(max = 255) int nextHeader, @ForAll @LongRange(max = 0xFFFF_FFFFL) long length,
            @ForAll @Size(max = 100) byte[] segment) {
        int expected = ChecksumReference.sumByteByByte(
                concat(ipv6PseudoHeader(source, destination, length, nextHeader), segment));

        InternetChecksum c = new InternetChecksum();
        PseudoHeader.addIpv6(c, getU64(source, 0), getU64(source, 8), getU64(destination, 0), getU64(destination, 8),
                nextHeader, length).add(segment, 0, segment.length);
        assertThat(c.sum()).isEqualTo(expected);
    }

    @Property
    void ipv6FromAnArrayMatchesTheExplicitLayout(
            @ForAll @Size(min = 16, max = 100) byte[] packet,
            @ForAll @IntRange(max = 100) int sourceOffset, @ForAll @IntRange(max = 100) int destinationOffset,
            @ForAll @IntRange(max = 255) int nextHeader, @ForAll @LongRange(max = 0xFFFF_FFFFL) long length,
            @ForAll @Size(max = 50) byte[] segment) {
        int s = sourceOffset % (packet.length - 15);
        int d = destinationOffset % (packet.length - 15);
        int expected = ChecksumReference.sumByteByByte(concat(
                ipv6PseudoHeader(slice(packet, s, s + 16), slice(packet, d, d + 16), length, nextHeader), segment));

        InternetChecksum c = new InternetChecksum();
        PseudoHeader.addIpv6(c, packet, s, d, nextHeader, length).add(segment, 0, segment.length);
        assertThat(c.sum()).isEqualTo(expected);
    }

    @Test
    void ipv6LengthUsesAllThirtyTwoBits() {
        byte[] zero = new byte[16];
        // A jumbogram length: the high 16 bits count as a word of their own.
        long jumbo = 0x0001_2345L;
        InternetChecksum c = new InternetChecksum();
        PseudoHeader.addIpv6(c, 0, 0, 0, 0, UDP, jumbo);
        assertThat(c.sum()).isEqualTo(0x0001 + 0x2345 + UDP)
                .isEqualTo(ChecksumReference.sumByteByByte(ipv6PseudoHeader(zero, zero, jumbo, UDP)));
        c.reset();
        PseudoHeader.addIpv6(c, 0, 0, 0, 0, 0, 0xFFFF_FFFFL);
        assertThat(c.sum()).isEqualTo(0xFFFF);
    }

    // --- Bad arguments ----------------------------------------------------------------------------

    @Test
    void outOfRangeProtocolOrLengthIsRejectedAndChangesNothing() {
        byte[] packet = DNS_QUERY_V6.clone();
        InternetChecksum c = new InternetChecksum().addU8(0x5a); // a pending odd byte
        int before = c.sum();

        assertThatThrownBy(() -> PseudoHeader.addIpv4(c, 1, 2, 256, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PseudoHeader.addIpv4(c, 1, 2, -1, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PseudoHeader.addIpv4(c, 1, 2, UDP, 65536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PseudoHeader.addIpv4(c, 1, 2, UDP, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PseudoHeader.addIpv4(c, packet, 0, 4, 300, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PseudoHeader.addIpv6(c, 1, 2, 3, 4, 256, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PseudoHeader.addIpv6(c, 1, 2, 3, 4, UDP, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PseudoHeader.addIpv6(c, 1, 2, 3, 4, UDP, 1L << 32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PseudoHeader.addIpv6(c, packet, 8, 24, -5, 8)).isInstanceOf(IllegalArgumentException.class);

        assertThat(c.sum()).isEqualTo(before);
        assertThat(c.addU8(0xa5).sum()).isEqualTo(0x5aa5); // the odd byte was still pending
    }

    @Test
    void addressesOutsideTheArrayAreRejectedAndChangeNothing() {
        byte[] packet = new byte[40];
        java.util.Arrays.fill(packet, (byte) 0x11); // non-zero, so that a partial add would show
        InternetChecksum c = new InternetChecksum().addU16(0x1234);

        // the source fits, the destination does not: nothing may have been added
        assertThatThrownBy(() -> PseudoHeader.addIpv4(c, packet, 0, 37, UDP, 8))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> PseudoHeader.addIpv4(c, packet, -1, 0, UDP, 8))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> PseudoHeader.addIpv6(c, packet, 8, 25, UDP, 8))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> PseudoHeader.addIpv6(c, packet, 30, 0, UDP, 8))
                .isInstanceOf(IndexOutOfBoundsException.class);

        assertThat(c.sum()).isEqualTo(0x1234);
    }
}
