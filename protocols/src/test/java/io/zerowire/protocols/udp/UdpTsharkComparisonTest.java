package io.zerowire.protocols.udp;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.testing.Corpus;
import io.zerowire.protocols.testing.Tshark;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every frame of every capture, any link type, whose outer IP packet (IPv4 or IPv6) carries UDP:
 * parsed with {@link UdpParser} and compared field by field with tshark's first UDP header (ports,
 * length, checksum, checksum verdict). Where we refuse the datagram, tshark's values must say why
 * (a fragment: tshark leaves the checksum unverified; a bad length: tshark's length breaks). Every
 * frame where tshark shows UDP that we do not reach must be explained: the UDP tshark shows is not
 * the outer transport (inside an ICMP error or a tunnel), or the IP layer before it is broken.
 */
class UdpTsharkComparisonTest {
    /** Understood disagreements, "dir/file#frame field" -> reason; each must be used. */
    private static final Map<String, String> ALLOWED = Map.of(
            "tcpdump/LINKTYPE_IPV4_invalid.pcap#1 udp (no IP)",
            "link type IPV4 (228) holding an IPv6 packet: tshark falls back to IPv6, we follow the link type as "
                    + "tcpdump does (its expected output: 'IP [version 6 != 4] (invalid)')");

    private final Oracle oracle = new Oracle("udp vs tshark");
    private final UdpParser parser = new UdpParser();

    @Test
    void everyUdpDatagramAgreesWithTshark() throws Exception {
        for (Corpus.Capture capture : Corpus.captures()) {
            Map<Integer, Tshark.Packet> dissection = Tshark.dissect(capture.file());
            for (Corpus.Frame frame : capture.frames()) {
                Tshark.Packet t = dissection.get(frame.number());
                if (t != null) {
                    compare(frame, t);
                }
            }
        }
        oracle.assertAgrees(ALLOWED);
        assertThat(oracle.counted("datagrams compared")).isGreaterThan(500);
        assertThat(oracle.counted("datagrams compared over IPv6")).isPositive();
        assertThat(oracle.counted("refused: IP fragment")).isPositive();
        assertThat(oracle.comparisons("udp.checksum.status")).isGreaterThan(500);
    }

    private void compare(Corpus.Frame frame, Tshark.Packet t) {
        IpFrames.Located located = IpFrames.locate(frame);
        boolean tsharkUdp = t.has("udp.srcport");
        if (located.ip() == null || !located.ip().transportProtocol().equals(IpProtocol.UDP)) {
            if (tsharkUdp) {
                explainUnreached(frame, t, located);
            }
            return;
        }
        UdpLayout<?> udp;
        try {
            udp = located.truncated() ? wrapQuoted(located) : parser.wrapUnverified(located.buffer(), located.ip());
        } catch (ParseException e) {
            explainRefusal(frame, t, located, e);
            return;
        }
        oracle.count("datagrams compared");
        oracle.count("datagrams compared over link type " + frame.linkType());
        if (located.ip().version().versionNumber() == 6) {
            oracle.count("datagrams compared over IPv6");
        }
        if (located.truncated()) {
            oracle.count("IP length past the capture: the view's quoted form");
        }
        oracle.equal(frame, "udp.srcport", Oracle.number(t.first("udp.srcport")), (long) udp.sourcePort());
        oracle.equal(frame, "udp.dstport", Oracle.number(t.first("udp.dstport")), (long) udp.destinationPort());
        oracle.equal(frame, "udp.length", Oracle.number(t.first("udp.length")), (long) udp.length());
        oracle.equal(frame, "udp.checksum", Oracle.number(t.first("udp.checksum")), (long) udp.checksum());
        String status;
        if (!located.truncated()) {
            status = !parser.hasChecksum() ? "3" : parser.checksumValid() ? "1" : "0"; // 3: tshark's "not present"
        } else if (udp.length() > UdpV4.FIXED_LENGTH + located.buffer().remaining()) {
            status = "2"; // part of the datagram was not captured: nothing to verify
        } else if (udp instanceof UdpV4 v4) { // the IP length is wrong, the datagram whole
            status = v4.checksum() == 0 ? "3" : v4.checksumValid() ? "1" : "0";
        } else {
            status = ((UdpV6) udp).checksumValid() ? "1" : "0";
        }
        oracle.equal(frame, "udp.checksum.status", t.first("udp.checksum.status"), status);
    }

    /** The views' own form for a datagram cut short (an IP packet cut by the snap length). */
    private static UdpLayout<?> wrapQuoted(IpFrames.Located located) throws ParseException {
        TestIpPacket<?> ip = located.ip();
        if (ip.source() instanceof Ipv4Address s) {
            return new UdpV4().wrapQuoted(located.buffer(), s, (Ipv4Address) ip.pseudoHeaderDestination());
        }
        return new UdpV6().wrapQuoted(located.buffer(), (Ipv6Address) ip.source(),
                (Ipv6Address) ip.pseudoHeaderDestination());
    }

    private void explainRefusal(Corpus.Frame frame, Tshark.Packet t, IpFrames.Located located, ParseException e) {
        if (e.kind() == ParseErrorKind.NOT_EXPECTED && located.ip().isFragment()) {
            // tshark dissects a first fragment's header but cannot verify its checksum.
            oracle.count("refused: IP fragment");
            String status = t.first("udp.checksum.status");
            oracle.check(frame, "udp.checksum.status (fragment)", status == null || status.equals("2"),
                    "we refuse a fragment, tshark's checksum status is " + status);
            return;
        }
        oracle.count("refused: " + e.kind() + " " + e.field());
        Long length = Oracle.number(t.first("udp.length"));
        int available = located.buffer().remaining();
        boolean tsharkSeesBadLength = length == null || length < 8 || length > available;
        oracle.check(frame, "udp (rejection)", e.kind() == ParseErrorKind.MALFORMED && tsharkSeesBadLength,
                "we refuse " + e.getMessage() + "; tshark's udp.length=" + length + " of " + available + " bytes");
    }

    private void explainUnreached(Corpus.Frame frame, Tshark.Packet t, IpFrames.Located located) {
        int ipHeaders = t.all("ip.src").size() + t.all("ipv6.src").size();
        boolean inner = t.has("icmp.type") || t.has("icmpv6.type") || ipHeaders > 1;
        if (located.ip() != null) {
            oracle.count("tshark's UDP is not the outer transport (" + located.ip().transportProtocol() + ")");
            oracle.check(frame, "udp (not outer)", inner, "the outer IP packet carries "
                    + located.ip().transportProtocol() + " and tshark shows no ICMP or inner IP header");
            return;
        }
        oracle.count("no IP packet located: " + located.problem().replaceAll("[0-9]+", "n"));
        oracle.check(frame, "udp (no IP)", t.malformed() || inner, "tshark shows UDP where we find no IP packet: "
                + located.problem());
    }
}
