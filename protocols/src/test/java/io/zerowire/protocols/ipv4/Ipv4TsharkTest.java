package io.zerowire.protocols.ipv4;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.parse.ParseException;
import io.zerowire.pcap.LinkType;
import io.zerowire.protocols.testing.Corpus;
import io.zerowire.protocols.testing.Tshark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every IPv4 packet of every capture, whatever its link type (Ethernet with or without VLAN tags,
 * raw IP, Linux cooked v1 and v2, null loopback), parsed with {@link Ipv4Packet} and compared with
 * tshark field by field: every header field, the checksum verdict ({@code ip.checksum.status}), the
 * final destination of a source route ({@code ip.dst}, {@code ip.cur_rt}), every option field tshark
 * shows, and the link padding trimmed after the total length. A rejected packet must be one whose
 * tshark values show the fault we name. No allowlist.
 */
class Ipv4TsharkTest {
    @Test
    void everyIpv4PacketOfEveryLinkTypeAgreesWithTshark() throws Exception {
        List<Corpus.Capture> captures = Corpus.captures();
        List<Path> files = new ArrayList<>();
        captures.forEach(c -> files.add(c.file()));
        Tshark.prefetch(files);
        Ipv4Comparison comparison = new Ipv4Comparison();
        Map<String, Integer> byLink = new TreeMap<>();
        Ipv4Packet ip = new Ipv4Packet();
        for (Corpus.Capture capture : captures) {
            Map<Integer, Tshark.Packet> dissection = Tshark.dissect(capture.file());
            for (Corpus.Frame frame : capture.frames()) {
                int at = LinkFrames.ipv4Offset(frame);
                if (at < 0) {
                    continue;
                }
                Tshark.Packet t = dissection.get(frame.number());
                if (t == null) {
                    comparison.disagreements.add(frame.name() + ": tshark has no such frame");
                    continue;
                }
                byLink.merge(frame.linkType().name(), 1, Integer::sum);
                PacketBuffer buffer = PacketBuffer.wrap(frame.bytes().clone());
                buffer.shrinkFront(at);
                try {
                    ip.wrapUnverified(buffer);
                } catch (ParseException e) {
                    assertThat(buffer.bodyStart()).as("a failed parse leaves the buffer").isEqualTo(at);
                    comparison.rejected(frame.name(), e, frame.bytes(), at, t);
                    continue;
                }
                int suffix = buffer.suffixLength();
                assertThat(suffix).as(frame.name() + ": what follows the total length is trimmed")
                        .isEqualTo(frame.bytes().length - at - ip.header().totalLength());
                if (frame.linkType().equals(LinkType.ETHERNET)) {
                    comparison.check(frame.name(), "eth.padding+trailer", suffix == linkTrailerLength(t),
                            "we trim " + suffix + " bytes, tshark shows padding " + t.all("eth.padding")
                                    + " trailer " + t.all("eth.trailer") + " fcs " + t.all("eth.fcs"));
                }
                comparison.parsed(frame.name(), ip, t, suffix);
            }
        }
        comparison.print("IPv4 vs tshark, every link type " + byLink);
        assertThat(comparison.disagreements).as("disagreements with tshark").isEmpty();
        assertThat(byLink).containsKeys("ETHERNET", "RAW", "IPV4", "LINUX_SLL", "NULL");
        assertThat(comparison.parsed).isGreaterThan(1000);
        assertThat(comparison.rejected).isPositive();
        assertThat(comparison.withOptions).isGreaterThanOrEqualTo(50);
        assertThat(comparison.oddOptionHeaders).as("captured options all have their RFC shape").isZero();
        assertThat(comparison.trimmed).as("frames padded to 60 bytes").isGreaterThanOrEqualTo(40);
        assertThat(comparison.compared.get("ip.opt.ra")).isGreaterThanOrEqualTo(50);
        assertThat(comparison.compared.get("eth.padding+trailer")).isGreaterThan(1000);
    }

    /** Bytes tshark shows after the Ethernet payload: padding, trailer and frame check sequence. */
    static int linkTrailerLength(Tshark.Packet t) {
        int bytes = 0;
        for (String field : List.of("eth.padding", "eth.trailer", "eth.fcs")) {
            for (String value : t.all(field)) {
                bytes += value.isEmpty() ? 0 : (value.contains(":") ? (value.length() + 1) / 3 : value.length() / 2);
            }
        }
        return bytes;
    }
}
