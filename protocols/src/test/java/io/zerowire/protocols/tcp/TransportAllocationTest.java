package io.zerowire.protocols.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.options.OptionsIterator;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.udp.TestIpPacket;
import io.zerowire.protocols.udp.UdpBuilder;
import io.zerowire.protocols.udp.UdpParser;
import io.zerowire.serialize.BufferProvider;
import io.zerowire.serialize.Serializer;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The reusable parsers, the option readers and the builders allocate nothing per packet once warm,
 * over both IP versions: a coarse check with the JVM's per-thread allocation counter (the JMH
 * benchmarks measure it properly).
 */
class TransportAllocationTest {
    private static final int ROUNDS = 20_000;

    @Test
    void steadyStateParseAndBuildAllocateNothing() throws Exception {
        Ipv4Address a4 = Ipv4Address.parse("192.0.2.1");
        Ipv4Address b4 = Ipv4Address.parse("192.0.2.2");
        Ipv6Address a6 = Ipv6Address.parse("2001:db8::1");
        Ipv6Address b6 = Ipv6Address.parse("2001:db8::2");
        TestIpPacket<?> v4 = TestIpPacket.of(a4, b4, IpProtocol.TCP, 0);
        TestIpPacket<?> v6 = TestIpPacket.of(a6, b6, IpProtocol.TCP, 0);
        TcpOptionsBuilder options = new TcpOptionsBuilder();
        TcpBuilder tcp = new TcpBuilder().syn(true).window(64240).options(options);
        UdpBuilder udp = new UdpBuilder().sourcePort(53).destinationPort(5353);
        byte[] payload = new byte[100];
        // One serializer per version: a nested serializer caches the combined constraints of its last
        // call, and the IPv4 and IPv6 builders' constraints differ (maximum body), so one serializer
        // alternating versions would combine them again (one small allocation) on every switch.
        Serializer[] tcpSegment = {Serializer.of(payload).encapsulate(tcp), Serializer.of(payload).encapsulate(tcp)};
        Serializer[] udpDatagram = {Serializer.of(payload).encapsulate(udp), Serializer.of(payload).encapsulate(udp)};
        PacketBuffer scratch = PacketBuffer.wrap(new byte[256]);
        BufferProvider into = BufferProvider.into(scratch);
        TcpParser tcpParser = new TcpParser();
        UdpParser udpParser = new UdpParser();
        TestIpPacket<?> v4Udp = v4.withProtocol(IpProtocol.UDP);
        TestIpPacket<?> v6Udp = v6.withProtocol(IpProtocol.UDP);
        long[] sink = new long[1];

        Round round = i -> {
            boolean six = (i & 1) != 0;
            options.clear().mss(1460).sackPermitted().timestamps(i, 0).nop().windowScale(7);
            tcp.sequenceNumber(i);
            if (six) {
                tcp.addresses(a6, b6);
                udp.addresses(a6, b6);
            } else {
                tcp.addresses(a4, b4);
                udp.addresses(a4, b4);
            }
            PacketBuffer segment = tcpSegment[i & 1].serialize(into);
            TestIpPacket<?> ip = six ? v6 : v4; // an IpPacket<?>, as a stack holds it
            TcpLayout<?> parsed = tcpParser.wrap(segment, ip);
            OptionsIterator it = parsed.options();
            while (it.next()) {
                sink[0] += TcpOptions.mss(it) + TcpOptions.windowScale(it) + TcpOptions.timestampValue(it);
            }
            PacketBuffer datagram = udpDatagram[i & 1].serialize(into);
            TestIpPacket<?> ipUdp = six ? v6Udp : v4Udp;
            sink[0] += udpParser.wrap(datagram, ipUdp).sourcePort();
        };
        for (int i = 0; i < ROUNDS; i++) {
            round.run(i); // warm up
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < ROUNDS; i++) {
            round.run(i);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        System.out.printf("transport allocation: %d bytes over %d rounds of build and parse (sink %d)%n", allocated,
                ROUNDS, sink[0]);
        assertThat(allocated).as("bytes allocated by %d rounds", ROUNDS).isLessThan(ROUNDS);
    }

    interface Round {
        void run(int i) throws Exception;
    }
}
