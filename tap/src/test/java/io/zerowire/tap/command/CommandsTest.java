package io.zerowire.tap.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.tap.TapMain;
import io.zerowire.pcap.testing.TestEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The respond and forward commands' options: what they accept and the errors users see. */
class CommandsTest {
    private record Outcome(int exit, String out, String err) {}

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(TapMain.class);
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        int exit = command.execute(args);
        return new Outcome(exit, out.toString(), err.toString());
    }

    @Test
    void helpListsBothCommands() {
        Outcome help = run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("respond").contains("forward");
        assertThat(run("respond", "--help").out()).contains("--dev").contains("--ip6").contains("--pcap")
                .contains("--tcp-echo-port");
        assertThat(run("forward", "--help").out()).contains("--a-ip").contains("--b-mtu");
    }

    @Test
    void aResponderNeedsADeviceAndAnAddress() {
        Outcome noDevice = run("respond", "--ip", "10.0.0.2/24");
        assertThat(noDevice.exit()).isEqualTo(2);
        assertThat(noDevice.err()).contains("Missing required option: '--dev=TAP'");

        Outcome noAddress = run("respond", "--dev", "zw0");
        assertThat(noAddress.exit()).isEqualTo(2);
        assertThat(noAddress.err()).contains("Missing address: give --ip, --ip6 or both");
    }

    @Test
    void badValuesAreReportedWithWhatIsWrong() {
        Outcome noPrefix = run("respond", "--dev", "zw0", "--ip", "10.0.0.2");
        assertThat(noPrefix.exit()).isEqualTo(2);
        assertThat(noPrefix.err()).contains("--ip").contains("10.0.0.2").contains("ADDRESS/PREFIX-LENGTH");

        Outcome badName = run("respond", "--dev", "a/b", "--ip", "10.0.0.2/24");
        assertThat(badName.exit()).isEqualTo(2);
        assertThat(badName.err()).contains("--dev").contains("not a valid interface name");

        Outcome multicastMac = run("respond", "--dev", "zw0", "--ip", "10.0.0.2/24", "--mac", "01:00:5e:00:00:01");
        assertThat(multicastMac.exit()).isEqualTo(2);
        assertThat(multicastMac.err()).contains("multicast");

        Outcome smallMtu = run("respond", "--dev", "zw0", "--ip6", "fd00::2/64", "--mtu", "1000");
        assertThat(smallMtu.exit()).isEqualTo(2);
        assertThat(smallMtu.err()).contains("MTU 1000 is outside 1280-65535");

        Outcome badPort = run("respond", "--dev", "zw0", "--ip", "10.0.0.2/24", "--udp-echo-port", "70000");
        assertThat(badPort.exit()).isEqualTo(2);
        assertThat(badPort.err()).contains("UDP echo port 70000");

        Outcome portWithoutAddress = run("forward", "--a", "zwA", "--a-ip", "10.1.0.254/24", "--b", "zwB");
        assertThat(portWithoutAddress.exit()).isEqualTo(2);
        assertThat(portWithoutAddress.err()).contains("--b: a port needs an IPv4 or an IPv6 address");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)   // accepted, a bad duration would run until interrupted
    void aDurationIsZeroOrMoreFiniteSeconds() {
        for (String bad : new String[] {"-5", "NaN", "Infinity", "-0.001", "soon"}) {
            Outcome respond = run("respond", "--dev", "zw0", "--ip", "10.0.0.2/24", "--duration", bad);
            assertThat(respond.exit()).as("respond --duration %s", bad).isEqualTo(2);
            assertThat(respond.err()).contains("--duration").contains(bad);
            Outcome forward = run("forward", "--a", "zwA", "--a-ip", "10.1.0.254/24", "--b", "zwB", "--b-ip",
                    "10.2.0.254/24", "--duration", bad);
            assertThat(forward.exit()).as("forward --duration %s", bad).isEqualTo(2);
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void bothCommandsRunForTheirDurationAndPrintTheirCounters(@TempDir Path dir) throws Exception {
        TestEnvironment.require(Files.isReadable(Path.of("/dev/net/tun")), "no /dev/net/tun");
        TestEnvironment.require("root".equals(System.getProperty("user.name")), "creating a TAP device needs root");
        String suffix = String.valueOf(ProcessHandle.current().pid() % 100_000);
        Path pcap = dir.resolve("respond.pcapng");
        Outcome respond = run("respond", "--dev", "zwc" + suffix, "--ip", "10.0.0.2/24", "--ip6", "fd00::2/64",
                "--mac", "02:00:5e:10:00:02", "--pcap", pcap.toString(), "--duration", "0.3");
        assertThat(respond.exit()).as(respond.err()).isZero();
        assertThat(respond.out()).contains("respond: zwc" + suffix + " 02:00:5e:10:00:02 10.0.0.2/24 fd00::2/64")
                .contains("respond: frames 0, replies 0 (0 in the receive buffer)");
        assertThat(Files.size(pcap)).as("a pcapng section and interface header").isPositive();

        Outcome forward = run("forward", "--a", "zwd" + suffix, "--a-ip", "10.1.0.254/24", "--b", "zwe" + suffix,
                "--b-ip6", "fd02::fe/64", "--b-mtu", "1400", "--duration", "0.3");
        assertThat(forward.exit()).as(forward.err()).isZero();
        assertThat(forward.out()).contains("10.1.0.254/24 mtu 1500 <-> zwe" + suffix)
                .contains("fd02::fe/64 mtu 1400").contains("forward: forwarded 0 (0 in the receive buffer");
        assertThat(Path.of("/sys/class/net", "zwc" + suffix)).as("closed at the end").doesNotExist();
    }
}
