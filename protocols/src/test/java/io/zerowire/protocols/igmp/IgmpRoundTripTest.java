package io.zerowire.protocols.igmp;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.checksum.InternetChecksum;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.icmp.IpFrames;
import io.zerowire.protocols.testing.Corpus;
import io.zerowire.serialize.PacketBuilder;
import io.zerowire.serialize.Serializer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every IGMP message of the captures that parses, rebuilt with the message builders from the
 * parsed views (sources and group records included) around what follows the message, gives the
 * captured bytes; where the capture's checksum is wrong, only the checksum may differ and the
 * rebuilt one must verify.
 */
class IgmpRoundTripTest {
    private final List<String> mismatches = new ArrayList<>();
    private final Map<IgmpMessageKind, Integer> kinds = new EnumMap<>(IgmpMessageKind.class);
    private int badChecksums;

    @Test
    void rebuiltMessagesAreByteIdentical() throws Exception {
        for (Corpus.Frame frame : Corpus.allFrames()) {
            for (IpFrames.Datagram d : IpFrames.walk(frame).datagrams()) {
                if (d.ip().protocolValue() != 2 || d.fragment()) {
                    continue;
                }
                IgmpPacket igmp = new IgmpPacket();
                try {
                    igmp.wrapUnverified(d.payload());
                } catch (ParseException e) {
                    continue;
                }
                roundTrip(frame, igmp);
            }
        }
        System.out.printf("igmp round trip: %s (%d with a bad checksum in the capture)%n", kinds, badChecksums);
        assertThat(mismatches).isEmpty();
        assertThat(kinds.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(50);
        assertThat(kinds).containsKeys(IgmpMessageKind.V1_MEMBERSHIP_QUERY, IgmpMessageKind.V2_MEMBERSHIP_QUERY,
                IgmpMessageKind.V3_MEMBERSHIP_QUERY, IgmpMessageKind.V1_MEMBERSHIP_REPORT,
                IgmpMessageKind.V2_MEMBERSHIP_REPORT, IgmpMessageKind.V2_LEAVE_GROUP,
                IgmpMessageKind.V3_MEMBERSHIP_REPORT, IgmpMessageKind.OTHER);
    }

    private void roundTrip(Corpus.Frame frame, IgmpPacket igmp) throws Exception {
        kinds.merge(igmp.kind(), 1, Integer::sum);
        byte[] array = igmp.array();
        int end = igmp.offset() + igmp.messageLength();
        byte[] expected = Arrays.copyOfRange(array, igmp.offset(), end);
        byte[] body = Arrays.copyOfRange(array, igmp.bodyOffset(), end);
        byte[] built = Serializer.of(body).encapsulate(IgmpRebuild.of(igmp)).serialize().toByteArray();
        if (!igmp.checksumValid()) {
            badChecksums++;
            if (!InternetChecksum.verify(built, 0, built.length)) {
                mismatches.add(frame.name() + ": the rebuilt checksum does not verify");
            }
            built[IgmpHeader.CHECKSUM_OFFSET] = expected[IgmpHeader.CHECKSUM_OFFSET];
            built[IgmpHeader.CHECKSUM_OFFSET + 1] = expected[IgmpHeader.CHECKSUM_OFFSET + 1];
        }
        if (!Arrays.equals(expected, built)) {
            mismatches.add(frame.name() + " " + igmp.kind() + ": captured " + HexFormat.of().formatHex(expected)
                    + ", rebuilt " + HexFormat.of().formatHex(built));
        }
    }
}
