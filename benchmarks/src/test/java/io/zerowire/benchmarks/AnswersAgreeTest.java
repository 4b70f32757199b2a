package io.zerowire.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerowire.benchmarks.build.BuildBenchmark;
import io.zerowire.benchmarks.build.Datagrams;
import io.zerowire.benchmarks.frames.TcpFrames;
import io.zerowire.benchmarks.inplace.InPlaceBenchmark;
import io.zerowire.benchmarks.language.GreBenchmark;
import io.zerowire.benchmarks.language.GreMessages;
import io.zerowire.benchmarks.frames.UdpV6Frames;
import io.zerowire.benchmarks.parse.FrameParser;
import io.zerowire.benchmarks.parse.HandTcpParser;
import io.zerowire.benchmarks.parse.HandUdpV6Parser;
import io.zerowire.benchmarks.parse.NettyTcpParser;
import io.zerowire.benchmarks.parse.NettyUdpV6Parser;
import io.zerowire.benchmarks.parse.ParseChecks;
import io.zerowire.benchmarks.parse.Pcap4jTcpParser;
import io.zerowire.benchmarks.parse.Pcap4jUdpV6Parser;
import io.zerowire.benchmarks.parse.PktsUdpV6Parser;
import io.zerowire.benchmarks.parse.TcpFields;
import io.zerowire.benchmarks.parse.TcpParseBenchmark;
import io.zerowire.benchmarks.parse.UdpFields;
import io.zerowire.benchmarks.parse.UdpV6ParseBenchmark;
import io.zerowire.benchmarks.parse.ZerowireTcpParser;
import io.zerowire.benchmarks.parse.ZerowireUdpV6Parser;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The equality checks each benchmark runs before timing, run here without timing anything, so that
 * CI catches an implementation that drifts from the others; and the same parsers held to reject
 * what they must, so that "agree" cannot mean "all accept everything".
 */
class AnswersAgreeTest {
    @Test
    void buildersWriteTheSameBytes() throws Exception {
        BuildBenchmark.check(new Datagrams(BuildBenchmark.SEED));
    }

    @Test
    void greReadersAndBuildersAgree() throws Exception {
        GreBenchmark.check(new GreMessages(GreBenchmark.SEED));
    }

    @Test
    void inPlaceFlowsLeaveTheSameBytes() throws Exception {
        InPlaceBenchmark.check(TcpFrames.generate(InPlaceBenchmark.SEED, 256));
    }

    @Test
    void tcpParsersAgree() {
        TcpParseBenchmark.check(TcpFrames.generate(TcpParseBenchmark.SEED, 256));
    }

    @Test
    void udpV6ParsersAgree() {
        UdpV6ParseBenchmark.check(UdpV6Frames.generate(UdpV6ParseBenchmark.SEED, 256));
    }

    /** A flipped bit in the TCP payload (or the IPv4 header) is caught by every verifying parser, by none that does not verify. */
    @Test
    void tcpParsersRejectTheSameBadChecksums() {
        byte[][] frames = TcpFrames.generate(3, 64);
        for (int i = 0; i < frames.length; i++) {
            // Odd frames: a bit of the IPv4 identification; even ones: the last byte of the segment.
            int at = i % 2 == 1 ? TcpFrames.IP + 5 : TcpFrames.IP + ((frames[i][TcpFrames.IP + 2] & 0xFF) << 8
                    | frames[i][TcpFrames.IP + 3] & 0xFF) - 1;
            frames[i][at] ^= 0x10;
        }
        List<FrameParser<TcpFields>> verifying = List.of(new ZerowireTcpParser(frames), new HandTcpParser(frames),
                new NettyTcpParser(frames), new Pcap4jTcpParser(frames));
        assertThat(ParseChecks.agree("bad checksums", frames.length, true, false, TcpFields::new, TcpFields::sameAs,
                verifying)).isZero();
        assertThat(ParseChecks.agree("bad checksums, unverified", frames.length, false, true, TcpFields::new,
                TcpFields::sameAs, verifying)).isEqualTo(frames.length);
    }

    @Test
    void udpV6ParsersRejectTheSameBadChecksums() {
        byte[][] frames = UdpV6Frames.generate(4, 64);
        for (byte[] frame : frames) {
            frame[UdpV6Frames.IP + 39] ^= 1;          // the last byte of the destination: pseudo-header
        }
        List<FrameParser<UdpFields>> verifying = List.of(new ZerowireUdpV6Parser(frames), new HandUdpV6Parser(frames),
                new NettyUdpV6Parser(frames), new Pcap4jUdpV6Parser(frames));
        assertThat(ParseChecks.agree("bad checksums", frames.length, true, false, UdpFields::new, UdpFields::sameAs,
                verifying)).isZero();
    }

    /** Why pkts is not in the IPv6 scenario: if a pkts release parses these frames, this fails and it should join. */
    @Test
    void pktsCannotWalkTwoIpv6ExtensionHeaders() {
        PktsUdpV6Parser pkts = new PktsUdpV6Parser(UdpV6Frames.generate(UdpV6ParseBenchmark.SEED, 4));
        assertThatThrownBy(() -> pkts.parse(0, false, new UdpFields()))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("Not enough readable bytes");
    }
}
