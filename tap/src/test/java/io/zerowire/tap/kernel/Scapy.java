package io.zerowire.tap.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.pcap.testing.TestEnvironment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Frames the kernel would never send, written raw onto a link from inside a namespace with scapy's
 * {@code sendp} (a packet socket: no route, no source check, no neighbour lookup), so that the
 * program on the TAP device's other end sees exactly them. Debian's {@code /usr/bin/python3} with the
 * {@code python3-scapy} package; outside CI a machine without it skips, under {@code CI=true} it fails.
 */
final class Scapy {
    static final String PYTHON = "/usr/bin/python3";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Scapy() {}

    /** Skips (fails under CI) unless scapy can be imported. */
    static void require() {
        TestEnvironment.require(Files.isExecutable(Path.of(PYTHON)), PYTHON + " is missing (Debian's python3)");
        Run.Result probe = Run.run(TIMEOUT, null, List.of(PYTHON, "-c", "import scapy.all"));
        TestEnvironment.require(probe.ok(), "scapy is not installed (Debian package python3-scapy): " + probe.stderr());
    }

    /**
     * Sends the frames that the Python expression {@code frames} (a list of scapy packets, with
     * {@code scapy.all} imported) makes, on {@code device} in {@code ns}; returns how many it sent.
     */
    static int sendp(Netns ns, String device, String frames) {
        String script = "from scapy.all import *\n"
                + "conf.verb = 0\n"
                + "frames = " + frames + "\n"
                + "sendp(frames, iface='" + device + "')\n"
                + "print(len(frames))\n";
        Run.Result result = ns.exec(TIMEOUT, script.getBytes(StandardCharsets.UTF_8), PYTHON, "-");
        assertThat(result.ok()).as(result.describe()).isTrue();
        return Integer.parseInt(result.out().trim());
    }
}
