package io.zerowire.protocols.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.options.OptionsIterator;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.testing.Corpus;
import io.zerowire.protocols.testing.Tshark;
import io.zerowire.protocols.udp.IpFrames;
import io.zerowire.protocols.udp.Oracle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every frame of every capture, any link type, whose outer IP packet (IPv4 or IPv6) carries TCP:
 * parsed with {@link TcpParser} and compared field by field with tshark's first TCP header (ports,
 * raw sequence and acknowledgment numbers, header length, every flag bit, window, checksum and
 * its verdict, urgent pointer, the option bytes, the option kinds and the typed option values).
 * Where we refuse the segment, tshark's values must say why; every frame where tshark shows TCP
 * that we do not reach must be explained (not the outer transport, or no IP packet we accept).
 */
class TcpTsharkComparisonTest {
    private static final String TSO = "IPv4 total length 0, as segmentation offload leaves it in a capture: tshark "
            + "assumes TSO and takes the captured length; the IPv4 view refuses the header as it is on the wire";

    /** Understood disagreements, "dir/file#frame field" -> reason; each must be used. */
    private static final Map<String, String> ALLOWED = Map.of(
            "tcpdump/bigtcp-ipv4.pcap#1 tcp (no IP)", TSO,
            "tcpdump/ipv4_tcp_http_xml_tso.pcap#1 tcp (no IP)", TSO);


    private static final String[] FLAGS = {"tcp.flags.ae", "tcp.flags.cwr", "tcp.flags.ece", "tcp.flags.urg",
        "tcp.flags.ack", "tcp.flags.push", "tcp.flags.reset", "tcp.flags.syn", "tcp.flags.fin"};

    private final Oracle oracle = new Oracle("tcp vs tshark");
    private final TcpParser parser = new TcpParser();

    @Test
    void everyTcpSegmentAgreesWithTshark() throws Exception {
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
        assertThat(oracle.counted("segments compared")).isGreaterThan(400);
        assertThat(oracle.counted("segments compared over IPv6")).isPositive();
        for (String field : List.of("tcp.options.mss_val", "tcp.options.wscale.shift", "tcp.options.sack_le",
                "tcp.options.timestamp.tsval", "tcp.checksum.status", "tcp.flags.ae")) {
            assertThat(oracle.comparisons(field)).as(field).isPositive();
        }
    }

    private void compare(Corpus.Frame frame, Tshark.Packet t) {
        IpFrames.Located located = IpFrames.locate(frame);
        boolean tsharkTcp = t.has("tcp.srcport");
        if (located.ip() == null || !located.ip().transportProtocol().equals(IpProtocol.TCP)) {
            if (tsharkTcp) {
                explainUnreached(frame, t, located);
            }
            return;
        }
        TcpLayout<?> tcp;
        try {
            tcp = parser.wrapUnverified(located.buffer(), located.ip());
        } catch (ParseException e) {
            explainRefusal(frame, t, located, e);
            return;
        }
        oracle.count("segments compared");
        oracle.count("segments compared over link type " + frame.linkType());
        if (located.ip().version().versionNumber() == 6) {
            oracle.count("segments compared over IPv6");
        }
        oracle.equal(frame, "tcp.srcport", number(t, "tcp.srcport"), (long) tcp.sourcePort());
        oracle.equal(frame, "tcp.dstport", number(t, "tcp.dstport"), (long) tcp.destinationPort());
        oracle.equal(frame, "tcp.seq_raw", number(t, t.has("tcp.seq_raw") ? "tcp.seq_raw" : "tcp.seq"),
                tcp.sequenceNumber());
        oracle.equal(frame, "tcp.ack_raw", number(t, t.has("tcp.ack_raw") ? "tcp.ack_raw" : "tcp.ack"),
                tcp.acknowledgmentNumber());
        oracle.equal(frame, "tcp.hdr_len", number(t, "tcp.hdr_len"), (long) parser.headerLength());
        boolean[] flags = {tcp.ae(), tcp.cwr(), tcp.ece(), tcp.urg(), tcp.ack(), tcp.psh(), tcp.rst(), tcp.syn(),
            tcp.fin()};
        long bits = tcp.reserved();
        for (int i = 0; i < flags.length; i++) {
            bits = bits << 1 | (flags[i] ? 1 : 0);
            if (i < 3 && !t.has(FLAGS[i]) && t.has("tcp.flags.ace")) {
                continue; // after an AccECN handshake tshark shows AE, CWR, ECE as one counter, below
            }
            oracle.equal(frame, FLAGS[i], number(t, FLAGS[i]), flags[i] ? 1L : 0L);
        }
        if (t.has("tcp.flags.ace")) {
            oracle.equal(frame, "tcp.flags.ace", number(t, "tcp.flags.ace"), bits >> 6 & 7);
        }
        oracle.equal(frame, "tcp.flags.res", number(t, "tcp.flags.res"), (long) tcp.reserved());
        oracle.equal(frame, "tcp.flags", number(t, "tcp.flags"), bits);
        oracle.equal(frame, "tcp.window_size_value", number(t, "tcp.window_size_value"), (long) tcp.window());
        oracle.equal(frame, "tcp.checksum", number(t, "tcp.checksum"), (long) tcp.checksum());
        // A segment cut short by the capture cannot be verified; tshark says "unverified" (2).
        String status = located.truncated() ? "2" : parser.checksumValid() ? "1" : "0";
        oracle.equal(frame, "tcp.checksum.status", t.first("tcp.checksum.status"), status);
        oracle.equal(frame, "tcp.urgent_pointer", number(t, "tcp.urgent_pointer"), (long) tcp.urgentPointer());
        compareOptions(frame, t, tcp.options(), parser.headerLength());
    }

    private void compareOptions(Corpus.Frame frame, Tshark.Packet t, OptionsIterator options, int headerLength) {
        // tshark lists the option fields of every TCP header in the frame (a tunnelled one after the
        // outer); with more than one, only the first values, as many as ours, are the outer header's.
        boolean several = t.all("tcp.srcport").size() > 1;
        if (headerLength > TcpV4.FIXED_LENGTH) {
            String region = HexFormat.ofDelimiter(":").formatHex(options.array(), options.start(), options.end());
            oracle.equal(frame, "tcp.options", t.first("tcp.options"), region);
        }
        List<String> kinds = new ArrayList<>();
        List<String> mss = new ArrayList<>();
        List<String> shifts = new ArrayList<>();
        List<String> left = new ArrayList<>();
        List<String> right = new ArrayList<>();
        List<String> tsval = new ArrayList<>();
        List<String> tsecr = new ArrayList<>();
        while (options.next()) {
            kinds.add(Integer.toString(options.kind()));
            if (TcpOptions.hasBadLength(options)) {
                oracle.count("options of a known kind with a length its RFC forbids (kept, read as absent)");
            } else if (!TcpOptions.isKnown(options.kind())) {
                oracle.count("options of other kinds, kept raw");
            }
            if (TcpOptions.mss(options) >= 0) {
                mss.add(Integer.toString(TcpOptions.mss(options)));
            }
            if (TcpOptions.windowScale(options) >= 0) {
                shifts.add(Integer.toString(TcpOptions.windowScale(options)));
            }
            for (int i = 0; i < TcpOptions.sackBlocks(options); i++) {
                left.add(Long.toString(TcpOptions.sackLeft(options, i)));
                right.add(Long.toString(TcpOptions.sackRight(options, i)));
            }
            if (TcpOptions.isTimestamps(options)) {
                tsval.add(Long.toString(TcpOptions.timestampValue(options)));
                tsecr.add(Long.toString(TcpOptions.timestampEchoReply(options)));
            }
        }
        // tshark reads on after an End of Option List: each zero byte of the padding is one more EOL.
        for (int i = options.listEnd(); i < options.end(); i++) {
            kinds.add(Integer.toString(options.array()[i] & 0xFF));
        }
        // tshark groups repeated option fields (all NOPs together): compare kinds as a multiset.
        Collections.sort(kinds);
        List<String> theirKinds = new ArrayList<>(values(t, "tcp.option_kind", several, kinds.size()));
        Collections.sort(theirKinds);
        if (t.malformed()) {
            // tshark stops at an option it cannot dissect (a short MPTCP option): what it lists must be ours.
            List<String> rest = new ArrayList<>(kinds);
            boolean contained = theirKinds.stream().allMatch(rest::remove);
            oracle.check(frame, "tcp.option_kind (malformed)", contained, "tshark " + theirKinds + ", we " + kinds);
        } else {
            list(frame, "tcp.option_kind", theirKinds, kinds);
        }
        list(frame, "tcp.options.mss_val", values(t, "tcp.options.mss_val", several, mss.size()), mss);
        list(frame, "tcp.options.wscale.shift", values(t, "tcp.options.wscale.shift", several, shifts.size()), shifts);
        list(frame, "tcp.options.sack_le", values(t, "tcp.options.sack_le", several, left.size()), left);
        list(frame, "tcp.options.sack_re", values(t, "tcp.options.sack_re", several, right.size()), right);
        list(frame, "tcp.options.timestamp.tsval", values(t, "tcp.options.timestamp.tsval", several, tsval.size()), tsval);
        list(frame, "tcp.options.timestamp.tsecr", values(t, "tcp.options.timestamp.tsecr", several, tsecr.size()), tsecr);
    }

    private static List<String> values(Tshark.Packet t, String field, boolean several, int ours) {
        List<String> all = t.all(field);
        return several && all.size() > ours ? all.subList(0, ours) : all;
    }

    private void list(Corpus.Frame frame, String field, List<String> theirs, List<String> ours) {
        if (!theirs.isEmpty() || !ours.isEmpty()) {
            oracle.equal(frame, field, String.join(",", theirs), String.join(",", ours));
        }
    }

    private void explainRefusal(Corpus.Frame frame, Tshark.Packet t, IpFrames.Located located, ParseException e) {
        if (e.kind() == ParseErrorKind.NOT_EXPECTED && located.ip().isFragment()) {
            oracle.count("refused: IP fragment");
            String status = t.first("tcp.checksum.status");
            oracle.check(frame, "tcp.checksum.status (fragment)", status == null || status.equals("2"),
                    "we refuse a fragment, tshark's checksum status is " + status);
            return;
        }
        oracle.count("refused: " + e.kind() + " " + e.field());
        Long headerLength = number(t, "tcp.hdr_len");
        int available = located.buffer().remaining();
        boolean agree;
        if (e.field().equals("dataOffset") || e.field().isEmpty()) {
            // Too short for the fixed header, a data offset below 5, or a header past the payload.
            agree = headerLength == null || headerLength < 20 || headerLength > available || t.malformed();
        } else if (e.field().equals("options")) {
            agree = t.malformed() || t.has("_ws.expert");
        } else {
            agree = false;
        }
        oracle.check(frame, "tcp (rejection)", e.kind() == ParseErrorKind.MALFORMED && agree,
                "we refuse " + e.getMessage() + "; tshark's tcp.hdr_len=" + headerLength + " of " + available
                        + " bytes, malformed=" + t.malformed());
    }

    private void explainUnreached(Corpus.Frame frame, Tshark.Packet t, IpFrames.Located located) {
        int ipHeaders = t.all("ip.src").size() + t.all("ipv6.src").size();
        boolean inner = t.has("icmp.type") || t.has("icmpv6.type") || ipHeaders > 1;
        if (located.ip() != null) {
            oracle.count("tshark's TCP is not the outer transport (" + located.ip().transportProtocol() + ")");
            oracle.check(frame, "tcp (not outer)", inner, "the outer IP packet carries "
                    + located.ip().transportProtocol() + " and tshark shows no ICMP or inner IP header");
            return;
        }
        oracle.count("no IP packet located: " + located.problem().replaceAll("[0-9]+", "n"));
        oracle.check(frame, "tcp (no IP)", t.malformed() || inner, "tshark shows TCP where we find no IP packet: "
                + located.problem());
    }

    private static Long number(Tshark.Packet t, String field) {
        return Oracle.number(t.first(field));
    }
}
