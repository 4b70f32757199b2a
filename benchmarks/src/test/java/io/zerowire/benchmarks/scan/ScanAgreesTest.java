package io.zerowire.benchmarks.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 7's check without the timing: on a 4 MB capture the benchmark generates, Zerowire, pkts
 * and pcap4j (through libpcap) find the same packets, kinds, ports and addresses.
 */
class ScanAgreesTest {
    @Test
    void everyScannerReadsTheSameCapture(@TempDir Path dir) throws Exception {
        boolean libpcap = Scanners.Pcap4jLibrary.available();
        if (!libpcap && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("libpcap is missing: .ci/run installs libpcap0.8");
        }
        assumeTrue(libpcap, "libpcap is not installed (apt-get install libpcap0.8): pcap4j cannot read files");
        Path file = dir.resolve("scan.pcap");
        ScanFile.ensure(file, 4);
        assertThat(Files.size(file)).isGreaterThanOrEqualTo(4_000_000L);

        ScanResult all = ScanBenchmark.check(file, Long.MAX_VALUE);

        assertThat(all.packets).isGreaterThan(5_000);
        assertThat(all.bytes + 16 * all.packets + 24).isEqualTo(Files.size(file));
        assertThat(all.ipv4 + all.ipv6).isEqualTo(all.packets);
        assertThat(all.tcp + all.udp).isEqualTo(all.packets);
        assertThat(all.ipv6).isBetween(all.packets / 6, all.packets / 4);
        assertThat(all.tcp).isBetween(all.packets / 2, all.packets * 2 / 3);
    }
}
