package io.zerowire.protocols.icmpv6;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.checksum.InternetChecksum;
import io.zerowire.checksum.PseudoHeader;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.testing.Corpus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every ICMPv6 message of the captures that parses, rebuilt with the builders from the parsed
 * views (common header, message fields, NDP options through their typed builders, MLDv2 sources and
 * records), gives the captured bytes exactly, checksum included. A capture whose checksum is wrong
 * (transmit offload) may differ only there, and the rebuilt checksum must verify; a message cut
 * short by the capture is not rebuilt, since its checksum covers bytes that are not there.
 */
class Icmpv6RoundTripTest {
    @Test
    void rebuiltMessagesAreByteIdentical() throws Exception {
        List<String> mismatches = new ArrayList<>();
        Map<String, Integer> rebuilt = new TreeMap<>();
        Rebuild rebuild = new Rebuild();
        Icmpv6Packet icmp = new Icmpv6Packet();
        int badChecksums = 0;
        int truncated = 0;
        for (Corpus.Frame frame : Corpus.allFrames()) {
            Ipv6Walk.Located at = Ipv6Walk.locate(frame);
            if (at == null) {
                continue;
            }
            if (at.truncated()) {
                truncated++;
                continue;
            }
            try {
                icmp.wrapUnverified(PacketBuffer.wrap(at.bytes(), at.offset(), at.length()), at);
            } catch (ParseException e) {
                continue;
            }
            byte[] expected = Arrays.copyOfRange(at.bytes(), at.offset(), at.offset() + at.length());
            byte[] actual = rebuild.of(icmp).serialize().toByteArray();
            if (!icmp.checksumValid()) {
                badChecksums++;
                if (!verifies(actual, icmp)) {
                    mismatches.add(frame.name() + ": the rebuilt checksum does not verify");
                }
                actual[2] = expected[2];
                actual[3] = expected[3];
            }
            rebuilt.merge(icmp.message().name(), 1, Integer::sum);
            if (!Arrays.equals(expected, actual)) {
                mismatches.add(frame.name() + " " + icmp.message() + ": captured " + HexFormat.of().formatHex(expected)
                        + ", rebuilt " + HexFormat.of().formatHex(actual));
            }
        }
        int total = rebuilt.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("icmpv6 round trip: %d messages (%d with a bad checksum in the capture, %d cut short and "
                + "skipped)%n  %s%n  %s%n", total, badChecksums, truncated, rebuilt, rebuild.counts);
        assertThat(mismatches).isEmpty();
        assertThat(total).isGreaterThanOrEqualTo(85);
        assertThat(rebuild.counts).containsKeys("option typed 1", "option typed 3", "option typed 5",
                "option typed 14", "option typed 24", "option typed 25", "mldv2 records");
    }

    private static boolean verifies(byte[] message, Icmpv6Packet icmp) {
        InternetChecksum c = new InternetChecksum();
        PseudoHeader.addIpv6(c, icmp.source().high(), icmp.source().low(), icmp.destination().high(),
                icmp.destination().low(), 58, message.length);
        return c.add(message, 0, message.length).verify();
    }
}
