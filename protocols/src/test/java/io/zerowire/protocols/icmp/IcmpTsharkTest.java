package io.zerowire.protocols.icmp;

import static io.zerowire.protocols.icmp.Comparison.number;
import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ipv4.Ipv4;
import io.zerowire.protocols.ipv4.Ipv4Builder;
import io.zerowire.protocols.testing.Corpus;
import io.zerowire.protocols.testing.Tshark;
import io.zerowire.serialize.BufferProvider;
import io.zerowire.serialize.PacketConstraints;
import io.zerowire.serialize.Serializer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every ICMPv4 message of every frame of every capture, whatever the link type and through VXLAN
 * and GRE tunnels, compared field by field with tshark's dissection: type, code, checksum and
 * tshark's checksum verdict, identifier and sequence, next-hop MTU, gateway, pointer, RFC 4884
 * length, timestamps; and the datagram an error quotes, parsed with {@link Ipv4#parseQuoted},
 * against tshark's next {@code ip.*} occurrence.
 *
 * <p>Checksum verdicts: tshark verifies a message (status 1 good, 0 bad) unless it is quoted in an
 * error, sits in an IP fragment, or the frame was cut by the capture's snap length (status 2);
 * each status 2 must be one of those, every other status must equal ours. Where we reject a
 * message, tshark must show no ICMP type for it or mark the frame malformed. Each frame must
 * yield as many messages as tshark shows ICMP types, unless {@link #ALLOWED} explains why not.
 */
class IcmpTsharkTest {
    private static final Map<String, String> ALLOWED = Map.of(
            "tcpdump/icmp-rfc8335-missing-bytes.pcap#1 icmp (messages reached)",
            "MACsec (802.1AE, EtherType 0x88e5) sits between Ethernet and IPv4: there is no MACsec parser to walk through",
            "tcpdump/extract_read2_asan.pcap#1 icmp (messages reached)",
            "the IPv4 header's last option runs past its IHL: the Ipv4 view rejects the datagram (MALFORMED options), "
                    + "tshark flags the option and dissects the payload anyway",
            "tcpdump/icmp-length-zero.pcapng#1 icmp (messages reached)",
            "IPv4 total length 0: tshark assumes TCP segmentation offload and takes the captured length, the Ipv4 "
                    + "view rejects the header as it is on the wire (as TsharkComparisonTest expects)");

    private final Comparison c = new Comparison(ALLOWED);
    private int frames;
    private int messages;
    private int quotedHeaders;
    private int verdicts;

    @Test
    void everyIcmpMessageAgreesWithTshark() throws Exception {
        List<Corpus.Capture> captures = Corpus.captures();
        List<Path> files = new ArrayList<>();
        captures.forEach(capture -> files.add(capture.file()));
        Tshark.prefetch(files);
        for (Corpus.Capture capture : captures) {
            Map<Integer, Tshark.Packet> dissection = Tshark.dissect(capture.file());
            for (Corpus.Frame frame : capture.frames()) {
                Tshark.Packet p = dissection.get(frame.number());
                if (p == null) {
                    continue;
                }
                compareFrame(frame, p);
            }
        }
        System.out.printf("icmp vs tshark: %d frames, %d messages (%d checksum verdicts), %d quoted IPv4 headers, "
                + "%d field comparisons%n%s", frames, messages, verdicts, quotedHeaders, c.total(), c.summary());
        assertThat(c.disagreements()).as("disagreements with tshark").isEmpty();
        assertThat(c.allowedUsed()).as("allowlist entries that explain something").isEqualTo(ALLOWED.keySet());
        assertThat(messages).isGreaterThan(80);
        assertThat(c.count("icmp.ident")).isGreaterThan(40);
        assertThat(quotedHeaders).isGreaterThan(20);
    }

    /**
     * Messages no capture holds, built with our builders and dissected by tshark: every kind with
     * its fields, a quoted ICMP echo, an RFC 4884 extension, an error cut to 576 bytes.
     */
    @Test
    void builtMessagesAgreeWithTshark() throws Exception {
        Ipv4Address me = Ipv4Address.parse("192.0.2.1");
        Ipv4Address peer = Ipv4Address.parse("198.51.100.7");
        byte[] udp = datagram(IpProtocol.UDP, peer, me, 40);
        byte[] echo = Serializer.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8})
                .encapsulate(IcmpMessageBuilder.echoRequest(0xBEEF, 3))
                .encapsulate(new Ipv4Builder().ttl(1).protocol(IpProtocol.ICMP).source(peer).destination(me))
                .serialize().toByteArray();
        byte[] padded = java.util.Arrays.copyOf(udp, 128);
        byte[] extension = {0x20, 0, 0, 0, 0, 8, 1, 1, 0, 0, 0x10, 0x01};
        byte[] withExtension = java.util.Arrays.copyOf(padded, 128 + extension.length);
        System.arraycopy(extension, 0, withExtension, 128, extension.length);
        io.zerowire.buffer.Bytes.putU16(withExtension, 130, io.zerowire.checksum.InternetChecksum.compute(
                withExtension, 128, extension.length));
        IcmpMessageBuilder<IcmpTimeExceededBuilder> rfc4884 = IcmpMessageBuilder.timeExceeded(
                IcmpTimeExceededCode.TTL_EXCEEDED);
        rfc4884.message().originalDatagramLength(32);
        List<byte[]> datagrams = List.of(
                icmp(IcmpMessageBuilder.echoRequest(0x1234, 7), new byte[] {9, 8, 7}, me, peer),
                icmp(IcmpMessageBuilder.echoReply(0x1234, 7), new byte[] {9, 8, 7}, peer, me),
                icmp(IcmpMessageBuilder.destinationUnreachable(IcmpUnreachableCode.PORT), udp, me, peer),
                icmp(IcmpMessageBuilder.fragmentationNeeded(1280), datagram(IpProtocol.TCP, peer, me, 60), me, peer),
                icmp(IcmpMessageBuilder.redirect(IcmpRedirectCode.HOST, Ipv4Address.parse("10.0.0.254")), udp, me, peer),
                icmp(IcmpMessageBuilder.timeExceeded(IcmpTimeExceededCode.TTL_EXCEEDED), echo, me, peer),
                icmp(IcmpMessageBuilder.parameterProblem(9), udp, me, peer),
                icmp(IcmpMessageBuilder.timestampRequest(77, 1, 3_600_000L), new byte[0], me, peer),
                icmp(IcmpMessageBuilder.timestampReply(77, 1, 3_600_000L, 3_600_010L, 0x80000000L), new byte[0], peer, me),
                icmp(rfc4884, withExtension, me, peer),
                IcmpMessageBuilder.destinationUnreachable(IcmpUnreachableCode.HOST)
                        .quoting(PacketBuffer.wrap(datagram(IpProtocol.UDP, peer, me, 1500)))
                        .encapsulate(new Ipv4Builder().ttl(64).protocol(IpProtocol.ICMP).source(me).destination(peer))
                        .serialize(PacketConstraints.maxBody(IcmpMessageBuilder.ERROR_DATAGRAM_LIMIT),
                                BufferProvider.reuse()).toByteArray(),
                icmp(new IcmpHeaderBuilder().type(IcmpType.ADDRESS_MASK_REPLY), new byte[8], me, peer));
        List<Corpus.Frame> frames = BuiltCapture.write("icmp-built", datagrams);
        Map<Integer, Tshark.Packet> dissection = Tshark.dissect(frames.get(0).file());
        for (Corpus.Frame frame : frames) {
            compareFrame(frame, dissection.get(frame.number()));
        }
        System.out.printf("built icmp vs tshark: %d messages, %d field comparisons%n%s", messages, c.total(), c.summary());
        assertThat(c.disagreements()).as("disagreements with tshark").isEmpty();
        assertThat(messages).isEqualTo(datagrams.size() + 1); // and the echo quoted in the time exceeded
        for (String field : List.of("icmp.mtu", "icmp.redir_gw", "icmp.pointer", "icmp.originate_timestamp",
                "icmp.receive_timestamp", "icmp.transmit_timestamp", "icmp.length")) {
            assertThat(c.count(field)).as(field).isPositive();
        }
        assertThat(verdicts).isEqualTo(datagrams.size());
    }

    private static byte[] icmp(io.zerowire.serialize.PacketBuilder message, byte[] body, Ipv4Address source,
            Ipv4Address destination) throws Exception {
        return Serializer.of(body).encapsulate(message)
                .encapsulate(new Ipv4Builder().ttl(64).protocol(IpProtocol.ICMP).source(source).destination(destination))
                .serialize().toByteArray();
    }

    private static byte[] datagram(IpProtocol protocol, Ipv4Address source, Ipv4Address destination, int length)
            throws Exception {
        byte[] payload = new byte[length - 20];
        payload[0] = (byte) 0x9c;
        payload[1] = 0x40;
        payload[3] = 7;
        if (protocol.equals(IpProtocol.UDP)) {
            io.zerowire.buffer.Bytes.putU16(payload, 4, payload.length);
        } else {
            payload[12] = 0x50;
        }
        return Serializer.of(payload).encapsulate(new Ipv4Builder().ttl(1).dontFragment(true).protocol(protocol)
                .identification(0x4242).source(source).destination(destination)).serialize().toByteArray();
    }

    private void compareFrame(Corpus.Frame frame, Tshark.Packet p) {
        IpFrames.Walk walk = IpFrames.walk(frame);
        Map<String, Integer> next = new HashMap<>();
        int reached = 0;
        for (IpFrames.Datagram d : walk.datagrams()) {
            if (d.ip().protocolValue() != 1 || d.ip().fragmentOffset() != 0) {
                continue; // a later fragment holds no ICMP header
            }
            boolean unverifiable = d.fragment() || snapLengthCut(p);
            reached += compareMessage(frame, p, d.payload(), d.occurrence(), next, unverifiable, d.array());
        }
        int tshark = p.all("icmp.type").size();
        if (reached > 0 || tshark > 0) {
            frames++;
            c.check(frame, "icmp (messages reached)", reached == tshark,
                    "we reached " + reached + " ICMP messages, tshark shows " + tshark + " (walk stopped by: "
                            + walk.stoppedBy() + ")");
        }
    }

    /** Compares one message at the front of {@code payload}; returns how many messages (it and a quoted one) it holds. */
    private int compareMessage(Corpus.Frame frame, Tshark.Packet p, PacketBuffer payload, int ipOccurrence,
            Map<String, Integer> next, boolean unverifiable, byte[] array) {
        int index = next.getOrDefault("icmp.type", 0);
        IcmpPacket icmp = new IcmpPacket();
        try {
            icmp.wrapUnverified(payload);
        } catch (ParseException e) {
            String type = Comparison.at(p, "icmp.type", index);
            c.check(frame, "icmp (rejection)", e.kind() == ParseErrorKind.MALFORMED && (type == null || p.malformed()),
                    "we reject " + e.getMessage() + ", tshark shows type " + type + " and no malformed mark");
            if (type != null) {
                next.merge("icmp.type", 1, Integer::sum);
                return 1;
            }
            return 0;
        }
        messages++;
        c.equal(frame, "icmp.type", take(p, next, "icmp.type"), icmp.typeValue());
        c.equal(frame, "icmp.code", take(p, next, "icmp.code"), icmp.code());
        c.equal(frame, "icmp.checksum", take(p, next, "icmp.checksum"), icmp.checksum());
        String status = take(p, next, "icmp.checksum.status");
        if (unverifiable) {
            c.check(frame, "icmp.checksum.status (unverified)", "2".equals(status),
                    "a quoted, fragmented or snap-length-cut message, tshark's status " + status);
        } else {
            verdicts++;
            c.equal(frame, "icmp.checksum.status", status, icmp.checksumValid() ? "1" : "0");
            c.check(frame, "icmp (verified parse)", verifiedParseAgrees(array, icmp), "wrap and checksumValid() differ");
        }
        switch (icmp.kind()) {
            case ECHO_REQUEST, ECHO_REPLY -> {
                c.equal(frame, "icmp.ident", take(p, next, "icmp.ident"), icmp.echo().identifier());
                c.equal(frame, "icmp.seq", take(p, next, "icmp.seq"), icmp.echo().sequence());
            }
            case DESTINATION_UNREACHABLE -> {
                if (icmp.code() == IcmpUnreachableCode.FRAGMENTATION_NEEDED.value()) {
                    c.equal(frame, "icmp.mtu", take(p, next, "icmp.mtu"), icmp.destinationUnreachable().nextHopMtu());
                }
                compareLength(frame, p, next, icmp);
            }
            case REDIRECT -> c.equal(frame, "icmp.redir_gw", take(p, next, "icmp.redir_gw"),
                    icmp.redirect().gateway().toString());
            case TIME_EXCEEDED -> compareLength(frame, p, next, icmp);
            case PARAMETER_PROBLEM -> {
                c.equal(frame, "icmp.pointer", take(p, next, "icmp.pointer"), icmp.parameterProblem().pointer());
                compareLength(frame, p, next, icmp);
            }
            case TIMESTAMP_REQUEST, TIMESTAMP_REPLY -> {
                c.equal(frame, "icmp.ident", take(p, next, "icmp.ident"), icmp.timestamp().identifier());
                c.equal(frame, "icmp.seq", take(p, next, "icmp.seq"), icmp.timestamp().sequence());
                c.equal(frame, "icmp.originate_timestamp", take(p, next, "icmp.originate_timestamp"),
                        icmp.timestamp().originateTimestamp());
                c.equal(frame, "icmp.receive_timestamp", take(p, next, "icmp.receive_timestamp"),
                        icmp.timestamp().receiveTimestamp());
                c.equal(frame, "icmp.transmit_timestamp", take(p, next, "icmp.transmit_timestamp"),
                        icmp.timestamp().transmitTimestamp());
            }
            case OTHER -> {
                if (p.has("icmp.ident") && (icmp.typeValue() == 42 || icmp.typeValue() == 43)) {
                    next.merge("icmp.ident", 1, Integer::sum); // RFC 8335 extended echo: not a message view here
                }
            }
        }
        int found = 1;
        if (icmp.isError()) {
            found += compareQuoted(frame, p, icmp, ipOccurrence + 1, next, array);
        }
        return found;
    }

    private void compareLength(Corpus.Frame frame, Tshark.Packet p, Map<String, Integer> next, IcmpPacket icmp) {
        if (p.has("icmp.length")) {
            c.equal(frame, "icmp.length", take(p, next, "icmp.length"), icmp.originalDatagramWords());
        } else {
            c.check(frame, "icmp.length", icmp.originalDatagramWords() == 0,
                    "tshark shows no RFC 4884 length, we read " + icmp.originalDatagramWords());
        }
    }

    /** The quoted IPv4 header against tshark's occurrence {@code ip}; a quoted ICMP message too. */
    private int compareQuoted(Corpus.Frame frame, Tshark.Packet p, IcmpPacket icmp, int occurrence,
            Map<String, Integer> next, byte[] array) {
        Ipv4 quoted;
        try {
            quoted = icmp.quotedDatagram(new Ipv4());
        } catch (ParseException e) {
            c.check(frame, "ip (quoted, rejection)", Comparison.at(p, "ip.src", occurrence) == null || p.malformed(),
                    "we reject the quoted header (" + e.getMessage() + "), tshark reads it");
            return 0;
        }
        quotedHeaders++;
        c.equal(frame, "ip.version (quoted)", Comparison.at(p, "ip.version", occurrence), quoted.version());
        c.equal(frame, "ip.hdr_len (quoted)", Comparison.at(p, "ip.hdr_len", occurrence), quoted.headerLength());
        c.equal(frame, "ip.len (quoted)", Comparison.at(p, "ip.len", occurrence), quoted.totalLength());
        c.equal(frame, "ip.id (quoted)", Comparison.at(p, "ip.id", occurrence), quoted.identification());
        c.equal(frame, "ip.flags.df (quoted)", Comparison.at(p, "ip.flags.df", occurrence), quoted.dontFragment() ? 1 : 0);
        c.equal(frame, "ip.flags.mf (quoted)", Comparison.at(p, "ip.flags.mf", occurrence), quoted.moreFragments() ? 1 : 0);
        c.equal(frame, "ip.frag_offset (quoted)", Comparison.at(p, "ip.frag_offset", occurrence), quoted.fragmentOffset());
        c.equal(frame, "ip.ttl (quoted)", Comparison.at(p, "ip.ttl", occurrence), quoted.ttl());
        c.equal(frame, "ip.proto (quoted)", Comparison.at(p, "ip.proto", occurrence), quoted.protocolValue());
        c.equal(frame, "ip.checksum (quoted)", Comparison.at(p, "ip.checksum", occurrence), quoted.headerChecksum());
        c.equal(frame, "ip.src (quoted)", Comparison.at(p, "ip.src", occurrence), quoted.source().toString());
        c.equal(frame, "ip.dst (quoted)", Comparison.at(p, "ip.dst", occurrence), quoted.destination().toString());
        if (quoted.protocolValue() == 1 && quoted.fragmentOffset() == 0) {
            PacketBuffer payload = PacketBuffer.wrap(array, quoted.offset(), quoted.headerLength() + quoted.bodyLength())
                    .shrinkFront(quoted.headerLength());
            return compareMessage(frame, p, payload, occurrence, next, true, array);
        }
        return 0;
    }

    /** The checking {@code wrap} throws a CHECKSUM error exactly when {@code checksumValid()} is false. */
    private static boolean verifiedParseAgrees(byte[] array, IcmpPacket parsed) {
        PacketBuffer again = PacketBuffer.wrap(array, parsed.offset(), parsed.messageLength());
        try {
            new IcmpPacket().wrap(again);
            return parsed.checksumValid();
        } catch (ParseException e) {
            return e.kind() == ParseErrorKind.CHECKSUM && !parsed.checksumValid();
        }
    }

    private static boolean snapLengthCut(Tshark.Packet p) {
        Long length = number(p.first("frame.len"));
        Long captured = number(p.first("frame.cap_len"));
        return length != null && captured != null && length > captured;
    }

    private static String take(Tshark.Packet p, Map<String, Integer> next, String field) {
        int i = next.getOrDefault(field, 0);
        next.put(field, i + 1);
        return Comparison.at(p, field, i);
    }
}
