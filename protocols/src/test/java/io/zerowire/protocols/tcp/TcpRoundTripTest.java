package io.zerowire.protocols.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ip;
import io.zerowire.options.OptionsIterator;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.testing.Corpus;
import io.zerowire.protocols.udp.IpFrames;
import io.zerowire.protocols.udp.TestIpPacket;
import io.zerowire.serialize.Serializer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every TCP segment of the captures that parses (outer transport, whole, not a fragment), rebuilt
 * with {@link TcpBuilder} and {@link TcpOptionsBuilder} from the parsed view over the same data,
 * gives the captured header byte for byte, options and checksum included. Where the captured
 * checksum does not verify (left unfilled by the sender's transmit offload; the frames are named in
 * the output), the checksum is the only difference and ours verifies.
 */
class TcpRoundTripTest {
    private final List<String> mismatches = new ArrayList<>();
    private final List<String> offloaded = new ArrayList<>();
    private final TcpParser parser = new TcpParser();
    private int segments;
    private int withOptions;
    private int overIpv6;

    @Test
    void rebuiltSegmentsAreByteIdentical() throws Exception {
        for (Corpus.Frame frame : Corpus.allFrames()) {
            IpFrames.Located located = IpFrames.locate(frame);
            if (located.ip() == null || located.truncated() || !located.ip().transportProtocol().equals(IpProtocol.TCP)) {
                continue;
            }
            try {
                parser.wrapUnverified(located.buffer(), located.ip());
            } catch (ParseException e) {
                continue; // a fragment or a malformed header: TcpTsharkComparisonTest explains each
            }
            roundTrip(frame, located.ip());
        }
        System.out.printf("tcp round trip: %d segments (%d with options, %d over IPv6), %d with the checksum left "
                + "to offload: %s%n", segments, withOptions, overIpv6, offloaded.size(), offloaded);
        assertThat(mismatches).isEmpty();
        assertThat(segments).isGreaterThan(400);
        assertThat(withOptions).isGreaterThan(300);
        assertThat(overIpv6).isPositive();
        assertThat(offloaded).isNotEmpty();
    }

    private <I extends Ip> void roundTrip(Corpus.Frame frame, TestIpPacket<I> ip) throws Exception {
        TcpLayout<?> tcp = parser.layout();
        segments++;
        if (ip.version().versionNumber() == 6) {
            overIpv6++;
        }
        if (parser.headerLength() > TcpV4.FIXED_LENGTH) {
            withOptions++;
        }
        TcpBuilder builder = copy(tcp).addresses(ip.source(), ip.pseudoHeaderDestination());
        byte[] array = frame.bytes();
        int offset = parser.bodyOffset() - parser.headerLength();
        byte[] data = Arrays.copyOfRange(array, parser.bodyOffset(), parser.bodyOffset() + parser.bodyLength());
        byte[] built = Serializer.of(data).encapsulate(builder).serialize().toByteArray();
        byte[] expected = Arrays.copyOfRange(array, offset, offset + parser.headerLength());
        byte[] actual = Arrays.copyOf(built, expected.length);
        boolean capturedValid = parser.checksumValid();
        if (!capturedValid) {
            offloaded.add(frame.name());
            TcpParser check = new TcpParser();
            try {
                check.wrap(PacketBuffer.wrap(built), ip);
            } catch (ParseException e) {
                mismatches.add(frame.name() + ": the rebuilt checksum does not verify: " + e.getMessage());
            }
            actual[TcpV4.CHECKSUM_OFFSET] = expected[TcpV4.CHECKSUM_OFFSET];
            actual[TcpV4.CHECKSUM_OFFSET + 1] = expected[TcpV4.CHECKSUM_OFFSET + 1];
        }
        if (!Arrays.equals(expected, actual) || built.length != expected.length + data.length) {
            mismatches.add(frame.name() + ": captured " + HexFormat.of().formatHex(expected) + ", rebuilt "
                    + HexFormat.of().formatHex(actual));
        }
    }

    /** A builder holding every field of {@code tcp} (not yet its addresses), options typed where we know them. */
    static TcpBuilder copy(TcpLayout<?> tcp) {
        return new TcpBuilder().sourcePort(tcp.sourcePort()).destinationPort(tcp.destinationPort())
                .sequenceNumber(tcp.sequenceNumber()).acknowledgmentNumber(tcp.acknowledgmentNumber())
                .reserved(tcp.reserved()).ae(tcp.ae()).cwr(tcp.cwr()).ece(tcp.ece()).urg(tcp.urg()).ack(tcp.ack())
                .psh(tcp.psh()).rst(tcp.rst()).syn(tcp.syn()).fin(tcp.fin()).window(tcp.window())
                .urgentPointer(tcp.urgentPointer()).options(copy(tcp.options()));
    }

    /** The options of {@code options}, in order, through the typed builder methods where they apply. */
    static TcpOptionsBuilder copy(OptionsIterator options) {
        TcpOptionsBuilder builder = new TcpOptionsBuilder();
        long[] edges = new long[2 * TcpOptions.MAX_SACK_BLOCKS];
        while (options.next()) {
            if (options.kind() == TcpOptions.NOP) {
                builder.nop();
            } else if (TcpOptions.mss(options) >= 0) {
                builder.mss(TcpOptions.mss(options));
            } else if (TcpOptions.windowScale(options) >= 0) {
                builder.windowScale(TcpOptions.windowScale(options));
            } else if (TcpOptions.isSackPermitted(options)) {
                builder.sackPermitted();
            } else if (TcpOptions.sackBlocks(options) > 0) {
                int blocks = TcpOptions.sackBlocks(options);
                for (int i = 0; i < blocks; i++) {
                    edges[2 * i] = TcpOptions.sackLeft(options, i);
                    edges[2 * i + 1] = TcpOptions.sackRight(options, i);
                }
                builder.sack(edges, 0, blocks);
            } else if (TcpOptions.isTimestamps(options)) {
                builder.timestamps(TcpOptions.timestampValue(options), TcpOptions.timestampEchoReply(options));
            } else {
                builder.option(options.kind(), options.array(), options.valueOffset(), options.valueLength());
            }
        }
        if (options.hasEndOfList()) {
            builder.endOfList();
        }
        return builder;
    }
}
