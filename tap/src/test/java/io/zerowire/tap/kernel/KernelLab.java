package io.zerowire.tap.kernel;

import io.zerowire.pcap.testing.TestEnvironment;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the kernel tests need from the machine: root, {@code /dev/net/tun}, network namespaces and the
 * ordinary tools ({@code ip}, {@code ping}, {@code nc}, {@code traceroute}, {@code nstat}). Outside CI a
 * machine without them skips the tests, saying why; under {@code CI=true} (root, tools installed by
 * {@code .ci/run}) it fails them.
 */
final class KernelLab {
    /** The counters of checksum failures a kernel keeps per protocol ({@code nstat} names). */
    static final List<String> CHECKSUM_ERROR_COUNTERS = List.of("IpExtInCsumErrors", "IcmpInCsumErrors",
            "Icmp6InCsumErrors", "UdpInCsumErrors", "Udp6InCsumErrors", "TcpInCsumErrors");

    private KernelLab() {}

    /** Skips (fails under CI) unless the kernel can be driven from here. */
    static void require() {
        TestEnvironment.require(Files.isReadable(Path.of("/dev/net/tun")),
                "no /dev/net/tun: the kernel tests need the tun module");
        for (String tool : List.of("ip", "ping", "nc", "traceroute", "nstat")) {
            TestEnvironment.require(onPath(tool), tool + " is not installed (.ci/run installs iproute2, "
                    + "iputils-ping, netcat-openbsd and traceroute)");
        }
        Run.Result uid = Run.run(Duration.ofSeconds(5), null, List.of("id", "-u"));
        TestEnvironment.require(uid.out().trim().equals("0"), "the kernel tests need root (network namespaces, TAP devices)");
        String probe = Netns.uniqueName("p");
        Run.Result add = Run.run(Duration.ofSeconds(10), null, List.of("ip", "netns", "add", probe));
        Run.run(Duration.ofSeconds(10), null, List.of("ip", "netns", "del", probe));
        TestEnvironment.require(add.ok(), "cannot create a network namespace: " + add.stderr().trim());
    }

    /** The checksum-error counters of {@code counters}, for an assertion message. */
    static Map<String, Long> checksumErrors(Map<String, Long> counters) {
        return CHECKSUM_ERROR_COUNTERS.stream()
                .collect(Collectors.toMap(name -> name, name -> counters.getOrDefault(name, -1L)));
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : (path + File.pathSeparator + "/usr/sbin" + File.pathSeparator + "/sbin")
                .split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
