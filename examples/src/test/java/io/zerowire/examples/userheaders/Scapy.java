package io.zerowire.examples.userheaders;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.pcap.testing.TestEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Frames made by scapy, an implementation of these protocols that nobody here wrote: Debian's
 * {@code /usr/bin/python3} with {@code python3-scapy}. Outside CI a machine without it skips; under
 * {@code CI=true} it fails.
 */
final class Scapy {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    private Scapy() {}

    /**
     * Writes the frames that the Python expression {@code frames} makes (a list of scapy packets,
     * with {@code scapy.all} and {@code imports} imported) to the pcap file {@code file}.
     */
    static void writePcap(Path file, String imports, String frames) throws IOException, InterruptedException {
        TestEnvironment.require(Files.isExecutable(PYTHON), PYTHON + " is missing (Debian's python3)");
        String script = "import sys\n"
                + "try:\n"
                + "    from scapy.all import *\n"
                + imports.lines().map(line -> "    " + line + "\n").reduce("", String::concat)
                + "except ImportError as e:\n"
                + "    print('no scapy: %s' % e)\n"
                + "    sys.exit(3)\n"
                + "conf.verb = 0\n"
                + "wrpcap(sys.argv[1], " + frames + ")\n";
        Process process = new ProcessBuilder(PYTHON.toString(), "-", file.toString()).redirectErrorStream(true).start();
        process.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("scapy finished").isTrue();
        TestEnvironment.require(process.exitValue() != 3, "scapy is not installed (Debian package python3-scapy): " + output);
        assertThat(process.exitValue()).as("scapy: %s", output).isZero();
    }
}
