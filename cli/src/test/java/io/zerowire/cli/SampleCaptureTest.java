package io.zerowire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.protocols.testing.Tshark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The sample capture shipped in the jar is what {@link SampleCaptureGenerator} makes today, and
 * tshark (not Zerowire) sees in it every protocol it is meant to show.
 *
 * <p>After changing the generator on purpose, write the resource again with
 * {@code mvn -o -pl cli test -Dtest=SampleCaptureTest -Dzerowire.sample.update=true} and review it
 * with {@code ./zerowire dissect -V}.
 */
class SampleCaptureTest {
    @Test
    void theShippedSampleIsWhatTheGeneratorMakesToday() throws Exception {
        byte[] generated = SampleCaptureGenerator.generate();
        if (Boolean.getBoolean("zerowire.sample.update")) {
            Files.write(SampleCaptureGenerator.RESOURCE, generated);
        }
        byte[] shipped = CaptureInput.sample();
        // Compared whole, but reported by size and first difference: the bytes themselves say nothing.
        assertThat(Arrays.mismatch(shipped, generated)).as("first byte where the shipped sample (%d bytes) differs from"
                + " the generator's (%d bytes); regenerate with -Dzerowire.sample.update=true", shipped.length,
                generated.length).isEqualTo(-1);
        assertThat(Arrays.mismatch(SampleCaptureGenerator.generate(), generated)).as("the generator is deterministic")
                .isEqualTo(-1);
    }

    @Test
    void tsharkSeesEveryProtocolAndExactlyOneBadChecksum() throws Exception {
        Map<Integer, Tshark.Packet> packets = Tshark.dissect(sampleFile());
        assertThat(packets.size()).as("frames").isEqualTo(28);
        Set<String> protocols = new HashSet<>();
        Set<String> icmpv6Types = new HashSet<>();
        Set<String> ndpOptions = new HashSet<>();
        Set<String> tcpOptions = new HashSet<>();
        List<String> badChecksums = new ArrayList<>();
        for (Tshark.Packet p : packets.values()) {
            assertThat(p.malformed()).as("frame %d malformed for tshark", p.number()).isFalse();
            for (String protocol : p.first("frame.protocols").split(":")) {
                protocols.add(protocol);
            }
            icmpv6Types.addAll(p.all("icmpv6.type"));
            ndpOptions.addAll(p.all("icmpv6.opt.type"));
            tcpOptions.addAll(p.all("tcp.option_kind"));
            // An ICMP error quotes a packet cut short, whose transport checksum tshark calls bad: the
            // quote's verdicts are not the capture's.
            boolean quotes = p.first("frame.protocols").matches(".*icmp(v6)?:ipv?6?:.*");
            for (String status : quotes ? List.of("ip.checksum.status", "icmp.checksum.status", "icmpv6.checksum.status")
                    : List.of("ip.checksum.status", "icmp.checksum.status", "igmp.checksum.status",
                            "icmpv6.checksum.status", "udp.checksum.status", "tcp.checksum.status")) {
                if (p.first(status) != null && p.first(status).equals("0")) {
                    badChecksums.add(p.number() + " " + status);
                }
            }
            if (p.has("ip.flags.mf") && p.first("ip.flags.mf").equals("1")) {
                protocols.add("ipv4 fragment");
            }
            if (p.first("ipv6.routing.type") != null) {
                protocols.add("ipv6 routing type " + p.first("ipv6.routing.type"));
            }
            if (p.first("igmp.version") != null) {
                protocols.add("igmp v" + p.first("igmp.version"));
            }
            if (p.has("ip.opt.type")) {
                protocols.add("ipv4 options");
            }
        }
        assertThat(protocols).contains("eth", "vlan", "ieee8021ad", "arp", "ip", "icmp", "igmp", "udp", "tcp",
                "ipv6", "ipv6.hopopts", "ipv6.dstopts", "ipv6.routing", "ipv6.fraghdr", "icmpv6", "sll", "raw",
                "ipv4 fragment", "ipv6 routing type 4", "igmp v2", "igmp v3", "ipv4 options");
        assertThat(icmpv6Types).contains("2", "128", "129", "133", "134", "135", "136", "143");
        assertThat(ndpOptions).contains("1", "2", "3", "5", "24", "25");
        assertThat(tcpOptions).contains("1", "2", "3", "4", "5", "8");
        assertThat(badChecksums).as("the one bad checksum").containsExactly("14 udp.checksum.status");
    }

    /** The shipped sample as a file, for tshark. */
    static Path sampleFile() throws Exception {
        Path dir = Path.of("target", "sample");
        Files.createDirectories(dir);
        byte[] sample = CaptureInput.sample();
        Path file = dir.resolve("sample-" + Integer.toHexString(Arrays.hashCode(sample)) + ".pcapng");
        if (!Files.exists(file)) {
            Files.write(file, sample);
        }
        return file;
    }
}
