package io.zerowire.protocols.udp;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ip;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.testing.Corpus;
import io.zerowire.serialize.Serializer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every UDP datagram of the captures that parses (outer transport, whole, not a fragment), rebuilt
 * with {@link UdpBuilder} from the parsed view over the same payload, gives the captured header
 * byte for byte, length and checksum included (a zero checksum over IPv4 is rebuilt as "none").
 * Where the captured checksum does not verify (left unfilled by the sender's transmit offload;
 * the frames are named in the output), the checksum is the only difference and ours verifies.
 */
class UdpRoundTripTest {
    private final List<String> mismatches = new ArrayList<>();
    private final List<String> offloaded = new ArrayList<>();
    private final UdpParser parser = new UdpParser();
    private int datagrams;
    private int overIpv6;
    private int withoutChecksum;

    @Test
    void rebuiltDatagramsAreByteIdentical() throws Exception {
        for (Corpus.Frame frame : Corpus.allFrames()) {
            IpFrames.Located located = IpFrames.locate(frame);
            if (located.ip() == null || located.truncated() || !located.ip().transportProtocol().equals(IpProtocol.UDP)) {
                continue;
            }
            try {
                parser.wrapUnverified(located.buffer(), located.ip());
            } catch (ParseException e) {
                continue; // a fragment or a malformed header: UdpTsharkComparisonTest explains each
            }
            roundTrip(frame, located.ip());
        }
        System.out.printf("udp round trip: %d datagrams (%d over IPv6, %d without a checksum), %d with the checksum "
                + "left to offload: %s%n", datagrams, overIpv6, withoutChecksum, offloaded.size(), offloaded);
        assertThat(mismatches).isEmpty();
        assertThat(datagrams).isGreaterThan(500);
        assertThat(overIpv6).isPositive();
        assertThat(withoutChecksum).isPositive();
        assertThat(offloaded).isNotEmpty();
    }

    private <I extends Ip> void roundTrip(Corpus.Frame frame, TestIpPacket<I> ip) throws Exception {
        UdpLayout<?> udp = parser.layout();
        datagrams++;
        if (ip.version().versionNumber() == 6) {
            overIpv6++;
        }
        UdpBuilder builder = new UdpBuilder().sourcePort(udp.sourcePort()).destinationPort(udp.destinationPort())
                .addresses(ip.source(), ip.pseudoHeaderDestination());
        if (!parser.hasChecksum()) {
            withoutChecksum++;
            builder.checksum(0);
        }
        byte[] array = frame.bytes();
        int offset = parser.bodyOffset() - parser.headerLength();
        byte[] payload = Arrays.copyOfRange(array, parser.bodyOffset(), parser.bodyOffset() + parser.bodyLength());
        byte[] built = Serializer.of(payload).encapsulate(builder).serialize().toByteArray();
        byte[] expected = Arrays.copyOfRange(array, offset, offset + UdpV4.FIXED_LENGTH);
        byte[] actual = Arrays.copyOf(built, expected.length);
        if (!parser.checksumValid()) {
            offloaded.add(frame.name());
            try {
                new UdpParser().wrap(PacketBuffer.wrap(built), ip);
            } catch (ParseException e) {
                mismatches.add(frame.name() + ": the rebuilt checksum does not verify: " + e.getMessage());
            }
            actual[UdpV4.CHECKSUM_OFFSET] = expected[UdpV4.CHECKSUM_OFFSET];
            actual[UdpV4.CHECKSUM_OFFSET + 1] = expected[UdpV4.CHECKSUM_OFFSET + 1];
        }
        if (!Arrays.equals(expected, actual) || built.length != udp.length()) {
            mismatches.add(frame.name() + ": captured " + HexFormat.of().formatHex(expected) + ", rebuilt "
                    + HexFormat.of().formatHex(actual));
        }
    }
}
