package io.zerowire.protocols.icmp;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.checksum.InternetChecksum;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.ipv4.Ipv4;
import io.zerowire.protocols.ipv4.Ipv4Builder;
import io.zerowire.protocols.testing.Corpus;
import io.zerowire.serialize.PacketBuilder;
import io.zerowire.serialize.Serializer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every ICMPv4 message of the captures that parses, rebuilt with {@link IcmpMessageBuilder} (or
 * {@link IcmpHeaderBuilder} alone for a type without a message view) from the parsed views around
 * its original body (echo data, or quoted datagram and extension structure), gives the captured
 * bytes. Where the capture's checksum is wrong, only the checksum may differ and the rebuilt one
 * must verify. The IPv4 header an error quotes is rebuilt too, with its total length (which
 * claims more than was quoted) set explicitly.
 */
class IcmpRoundTripTest {
    private final List<String> mismatches = new ArrayList<>();
    private int messages;
    private int badChecksums;
    private int quotedHeaders;

    @Test
    void rebuiltMessagesAreByteIdentical() throws Exception {
        for (Corpus.Frame frame : Corpus.allFrames()) {
            for (IpFrames.Datagram d : IpFrames.walk(frame).datagrams()) {
                if (d.ip().protocolValue() != 1 || d.fragment()) {
                    continue;
                }
                IcmpPacket icmp = new IcmpPacket();
                try {
                    icmp.wrapUnverified(d.payload());
                } catch (ParseException e) {
                    continue;
                }
                roundTrip(frame, icmp);
                if (icmp.isError()) {
                    quoted(frame, icmp);
                }
            }
        }
        System.out.printf("icmp round trip: %d messages (%d with a bad checksum in the capture), %d quoted IPv4 headers%n",
                messages, badChecksums, quotedHeaders);
        assertThat(mismatches).isEmpty();
        assertThat(messages).isGreaterThan(80);
        assertThat(badChecksums).isPositive();
        assertThat(quotedHeaders).isGreaterThan(20);
    }

    private void roundTrip(Corpus.Frame frame, IcmpPacket icmp) throws Exception {
        messages++;
        byte[] array = icmp.array();
        int end = icmp.offset() + icmp.messageLength();
        byte[] expected = Arrays.copyOfRange(array, icmp.offset(), end);
        byte[] body = Arrays.copyOfRange(array, icmp.bodyOffset(), end); // extension structure included
        byte[] built = Serializer.of(body).encapsulate(IcmpRebuild.of(icmp)).serialize().toByteArray();
        if (!icmp.checksumValid()) {
            badChecksums++;
            if (!InternetChecksum.verify(built, 0, built.length)) {
                mismatches.add(frame.name() + ": the rebuilt checksum does not verify");
            }
            built[IcmpHeader.CHECKSUM_OFFSET] = expected[IcmpHeader.CHECKSUM_OFFSET];
            built[IcmpHeader.CHECKSUM_OFFSET + 1] = expected[IcmpHeader.CHECKSUM_OFFSET + 1];
        }
        if (!Arrays.equals(expected, built)) {
            mismatches.add(frame.name() + " " + icmp.kind() + ": captured " + HexFormat.of().formatHex(expected)
                    + ", rebuilt " + HexFormat.of().formatHex(built));
        }
    }

    private void quoted(Corpus.Frame frame, IcmpPacket icmp) throws Exception {
        Ipv4 quoted;
        try {
            quoted = icmp.quotedDatagram(new Ipv4());
        } catch (ParseException e) {
            return;
        }
        quotedHeaders++;
        byte[] array = quoted.array();
        byte[] expected = Arrays.copyOfRange(array, quoted.offset(), quoted.bodyOffset());
        byte[] body = Arrays.copyOfRange(array, quoted.bodyOffset(), quoted.bodyOffset() + quoted.bodyLength());
        Ipv4Builder builder = new Ipv4Builder().copyFrom(quoted).totalLength(quoted.totalLength());
        byte[] built = Arrays.copyOf(Serializer.of(body).encapsulate(builder).serialize().toByteArray(), expected.length);
        if (!quoted.checksumValid()) {
            built[Ipv4.HEADER_CHECKSUM_OFFSET] = expected[Ipv4.HEADER_CHECKSUM_OFFSET];
            built[Ipv4.HEADER_CHECKSUM_OFFSET + 1] = expected[Ipv4.HEADER_CHECKSUM_OFFSET + 1];
        }
        if (!Arrays.equals(expected, built)) {
            mismatches.add(frame.name() + " quoted ipv4: captured " + HexFormat.of().formatHex(expected) + ", rebuilt "
                    + HexFormat.of().formatHex(built));
        }
    }
}
