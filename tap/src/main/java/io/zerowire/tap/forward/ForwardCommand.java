package io.zerowire.tap.forward;

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
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code zerowire forward}: runs a {@link Forwarder} between two TAP devices until Ctrl-C (or
 * {@code --duration}), then prints what it forwarded and answered.
 */
@Command(name = "forward", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Routes IPv4 and IPv6 between two TAP devices, in the buffer each frame was received in: TTL or hop "
                    + "limit decremented (IPv4 header checksum updated incrementally), MAC addresses rewritten. "
                    + "Answers ARP, neighbor solicitations and echo for its own addresses; sends ICMP time "
                    + "exceeded, fragmentation needed / packet too big and net unreachable; fragments IPv4 "
                    + "datagrams without DF in place.",
            "",
            "The TAP devices are created if they do not exist. Give each kernel end an address on its "
                    + "port's subnet and a route through the forwarder, for example:",
            "  ip netns add a; ip link set tapA netns a; ip -n a addr add 10.1.0.1/24 dev tapA",
            "  ip -n a link set tapA up; ip -n a route add default via 10.1.0.254",
            "  (the same for b, on 10.2.0.0/24), then: ip netns exec a ping 10.2.0.1"})
public final class ForwardCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--a", required = true, paramLabel = "TAP", converter = Converters.TapName.class,
            description = "The first TAP device.")
    String deviceA;

    @Option(names = "--a-ip", paramLabel = "ADDR/LEN", converter = Converters.Ipv4Interface.class,
            description = "The forwarder's IPv4 address on the first link, e.g. 10.1.0.254/24.")
    InterfaceAddress<Ipv4Address> ipv4A;

    @Option(names = "--a-ip6", paramLabel = "ADDR/LEN", converter = Converters.Ipv6Interface.class,
            description = "The forwarder's IPv6 address on the first link, e.g. fd01::fe/64.")
    InterfaceAddress<Ipv6Address> ipv6A;

    @Option(names = "--a-mac", paramLabel = "MAC", converter = Converters.Mac.class,
            description = "The forwarder's MAC address on the first link (default: random, locally administered).")
    MacAddress macA;

    @Option(names = "--a-mtu", paramLabel = "BYTES", defaultValue = "1500",
            description = "The first link's MTU (default: ${DEFAULT-VALUE}).")
    int mtuA;

    @Option(names = "--b", required = true, paramLabel = "TAP", converter = Converters.TapName.class,
            description = "The second TAP device.")
    String deviceB;

    @Option(names = "--b-ip", paramLabel = "ADDR/LEN", converter = Converters.Ipv4Interface.class,
            description = "The forwarder's IPv4 address on the second link, e.g. 10.2.0.254/24.")
    InterfaceAddress<Ipv4Address> ipv4B;

    @Option(names = "--b-ip6", paramLabel = "ADDR/LEN", converter = Converters.Ipv6Interface.class,
            description = "The forwarder's IPv6 address on the second link, e.g. fd02::fe/64.")
    InterfaceAddress<Ipv6Address> ipv6B;

    @Option(names = "--b-mac", paramLabel = "MAC", converter = Converters.Mac.class,
            description = "The forwarder's MAC address on the second link (default: random, locally administered).")
    MacAddress macB;

    @Option(names = "--b-mtu", paramLabel = "BYTES", defaultValue = "1500",
            description = "The second link's MTU (default: ${DEFAULT-VALUE}).")
    int mtuB;

    @Option(names = "--pcap", paramLabel = "FILE",
            description = "Record every frame received and sent, one pcapng interface per device (classic pcap, "
                    + "both links in one, if FILE ends in .pcap).")
    Path pcap;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "0", converter = Converters.Seconds.class,
            description = "Stop after this many seconds, 0 or more (default: 0, run until interrupted).")
    double duration;

    /** The two ports the options describe. */
    List<Forwarder.PortConfig> ports() {
        return List.of(port("--a", ipv4A, ipv6A, macA, mtuA), port("--b", ipv4B, ipv6B, macB, mtuB));
    }

    private Forwarder.PortConfig port(String name, InterfaceAddress<Ipv4Address> ipv4,
            InterfaceAddress<Ipv6Address> ipv6, MacAddress mac, int mtu) {
        try {
            return new Forwarder.PortConfig(mac != null ? mac : EthernetPort.randomMac(), ipv4, ipv6, mtu);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), name + ": " + e.getMessage()
                    + (ipv4 == null && ipv6 == null ? " (" + name + "-ip, " + name + "-ip6)" : ""), e);
        }
    }

    @Override
    public Integer call() throws Exception {
        List<Forwarder.PortConfig> configs = ports();
        PrintWriter out = spec.commandLine().getOut();
        RunUntilStopped run = new RunUntilStopped();
        try (FrameRecorder recorder = pcap != null ? FrameRecorder.open(pcap) : FrameRecorder.none();
                EthernetPort a = EthernetPort.open(deviceA, configs.get(0).mac(), recorder);
                EthernetPort b = EthernetPort.open(deviceB, configs.get(1).mac(), recorder)) {
            Forwarder forwarder = new Forwarder(configs, List.of(a, b));
            ReceiveLoop loopA = a.start(forwarder.receiver(0));
            ReceiveLoop loopB = b.start(forwarder.receiver(1));
            out.println("forward: " + describe(a, configs.get(0)) + " <-> " + describe(b, configs.get(1))
                    + (duration > 0 ? "; for " + duration + " s" : "; Ctrl-C to stop"));
            out.flush();
            run.await(duration);
            loopA.close();
            loopB.close();
            out.println("forward: " + forwarder.summary());
            int status = 0;
            for (ReceiveLoop loop : List.of(loopA, loopB)) {
                if (loop.handlerErrors() > 0) {
                    out.println("forward: " + loop.handlerErrors() + " frames failed, the last with: "
                            + loop.lastHandlerError());
                }
                if (loop.failure() != null) {
                    out.println("forward: a device failed: " + loop.failure().getMessage());
                    status = 1;
                }
            }
            return status;
        } finally {
            out.flush();
            run.finished();
        }
    }

    private static String describe(EthernetPort port, Forwarder.PortConfig config) {
        return port.name() + " " + config.mac() + (config.ipv4() != null ? " " + config.ipv4() : "")
                + (config.ipv6() != null ? " " + config.ipv6() : "") + " mtu " + config.mtu();
    }
}
