package io.zerowire.tap.respond;

import io.zerowire.tap.capture.FrameRecorder;
import io.zerowire.tap.command.Converters;
import io.zerowire.tap.command.RunUntilStopped;
import io.zerowire.tap.link.EthernetPort;
import io.zerowire.tap.link.InterfaceAddress;
import io.zerowire.tap.device.ReceiveLoop;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.link.MacAddress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code zerowire respond}: runs a {@link Responder} on a TAP device until Ctrl-C (or
 * {@code --duration}), then prints what it answered.
 */
@Command(name = "respond", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Answers the kernel on a TAP device as a user-space IP host: ARP and neighbor solicitations, "
                    + "ICMP and ICMPv6 echo, UDP echo (port unreachable on other ports), TCP echo "
                    + "(reset on other ports). Every answer is serialized into the buffer its request was "
                    + "received in.",
            "",
            "The TAP device is created if it does not exist. Give the kernel's end an address on the same "
                    + "subnet, for example in a namespace:",
            "  ip netns add zw; ip link set zw0 netns zw",
            "  ip -n zw addr add 10.0.0.1/24 dev zw0; ip -n zw link set zw0 up",
            "  ip netns exec zw ping 10.0.0.2"})
public final class RespondCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dev", required = true, paramLabel = "TAP", converter = Converters.TapName.class,
            description = "The TAP device (created if missing).")
    String device;

    @Option(names = "--ip", paramLabel = "ADDR/LEN", converter = Converters.Ipv4Interface.class,
            description = "The responder's IPv4 address and prefix length, e.g. 10.0.0.2/24.")
    InterfaceAddress<Ipv4Address> ipv4;

    @Option(names = "--ip6", paramLabel = "ADDR/LEN", converter = Converters.Ipv6Interface.class,
            description = "The responder's IPv6 address and prefix length, e.g. fd00::2/64.")
    InterfaceAddress<Ipv6Address> ipv6;

    @Option(names = "--mac", paramLabel = "MAC", converter = Converters.Mac.class,
            description = "The responder's MAC address (default: a random locally administered one).")
    MacAddress mac;

    @Option(names = "--mtu", paramLabel = "BYTES", defaultValue = "1500",
            description = "The link's MTU, which bounds the TCP MSS and every reply: one that would exceed it "
                    + "is not sent (nor fragmented) but counted (default: ${DEFAULT-VALUE}).")
    int mtu;

    @Option(names = "--udp-echo-port", paramLabel = "PORT", defaultValue = "7",
            description = "The UDP port that echoes (default: ${DEFAULT-VALUE}).")
    int udpEchoPort;

    @Option(names = "--tcp-echo-port", paramLabel = "PORT", defaultValue = "7",
            description = "The TCP port that echoes (default: ${DEFAULT-VALUE}).")
    int tcpEchoPort;

    @Option(names = "--pcap", paramLabel = "FILE",
            description = "Record every frame received and sent (pcapng; classic pcap if FILE ends in .pcap).")
    Path pcap;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "0", converter = Converters.Seconds.class,
            description = "Stop after this many seconds, 0 or more (default: 0, run until interrupted).")
    double duration;

    /** The configuration the options describe. */
    Responder.Config config() {
        if (ipv4 == null && ipv6 == null) {
            throw new ParameterException(spec.commandLine(), "Missing address: give --ip, --ip6 or both");
        }
        try {
            return new Responder.Config(mac != null ? mac : EthernetPort.randomMac(), ipv4, ipv6, mtu, udpEchoPort,
                    tcpEchoPort);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    @Override
    public Integer call() throws Exception {
        Responder.Config config = config();
        PrintWriter out = spec.commandLine().getOut();
        RunUntilStopped run = new RunUntilStopped();
        try (FrameRecorder recorder = pcap != null ? FrameRecorder.open(pcap) : FrameRecorder.none();
                EthernetPort port = EthernetPort.open(device, config.mac(), recorder)) {
            Responder responder = new Responder(config, port);
            ReceiveLoop loop = port.start(responder);
            out.println("respond: " + port.name() + " " + config.mac() + describe(config) + "; udp echo "
                    + config.udpEchoPort() + ", tcp echo " + config.tcpEchoPort()
                    + (duration > 0 ? "; for " + duration + " s" : "; Ctrl-C to stop"));
            out.flush();
            run.await(duration);
            loop.close();
            out.println("respond: " + responder.summary());
            if (loop.handlerErrors() > 0) {
                out.println("respond: " + loop.handlerErrors() + " frames failed, the last with: " + loop.lastHandlerError());
            }
            if (loop.failure() != null) {
                out.println("respond: the device failed: " + loop.failure().getMessage());
                return 1;
            }
            return 0;
        } finally {
            out.flush();
            run.finished();
        }
    }

    private static String describe(Responder.Config config) {
        return (config.ipv4() != null ? " " + config.ipv4() : "") + (config.ipv6() != null ? " " + config.ipv6() : "");
    }
}
