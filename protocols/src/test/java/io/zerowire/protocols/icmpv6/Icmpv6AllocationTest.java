package io.zerowire.protocols.icmpv6;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.protocols.icmpv6.mld.Mldv2Records;
import io.zerowire.protocols.icmpv6.ndp.NdpOptions;
import io.zerowire.protocols.icmpv6.ndp.PrefixInformation;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The steady-state parse loop allocates nothing: one reused {@link Icmpv6Packet} and one reused
 * buffer wrap messages of every kind, read their fields, walk NDP options through the typed readers
 * and MLDv2 records with their sources, many times over. Measured with the JVM's per-thread
 * allocation counter (not a timing: JMH in the benchmarks module owns speed claims).
 */
class Icmpv6AllocationTest {
    @Test
    void parsingAndReadingAllocateNothing() throws Exception {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean,
                "this JVM does not count allocated bytes per thread");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        List<RandomMessages.Message> messages = new ArrayList<>();
        List<byte[]> bytes = new ArrayList<>();
        Random r = new Random(1);
        for (int i = 0; i < 200; i++) {
            RandomMessages.Message m = RandomMessages.random(r);
            messages.add(m);
            bytes.add(m.serializer().serialize().toByteArray());
        }
        Icmpv6Packet packet = new Icmpv6Packet();
        PacketBuffer buffer = PacketBuffer.wrap(new byte[0]);
        long sink = 0;
        for (int round = 0; round < 200; round++) { // warm-up, so that the JIT has compiled the loop
            sink += loop(packet, buffer, messages, bytes);
        }
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        for (int round = 0; round < 50; round++) {
            sink += loop(packet, buffer, messages, bytes);
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        System.out.printf("icmpv6 allocation: %d bytes over %d parses%n", allocated, 50 * bytes.size());
        assertThat(sink).isNotZero();
        // 10,000 parses: a few hundred bytes of slack for the counter's own bookkeeping, far below one object per parse.
        assertThat(allocated).as("bytes allocated by 10,000 parses").isLessThan(1024);
    }

    private static long loop(Icmpv6Packet packet, PacketBuffer buffer, List<RandomMessages.Message> messages,
            List<byte[]> bytes) throws Exception {
        long sink = 0;
        for (int i = 0; i < bytes.size(); i++) {
            byte[] b = bytes.get(i);
            RandomMessages.Message m = messages.get(i);
            Ipv6Address source = m.source();
            packet.wrap(buffer.rewrap(b, 0, b.length), source, m.destination());
            sink += packet.typeValue() + packet.code() + packet.bodyLength();
            switch (packet.message()) {
                case ECHO_REQUEST, ECHO_REPLY -> sink += packet.echo().identifier();
                case PACKET_TOO_BIG -> sink += packet.packetTooBig().mtu();
                case ROUTER_ADVERTISEMENT -> sink += packet.routerAdvertisement().routerLifetime()
                        + packet.routerAdvertisement().routerPreferenceValue();
                case NEIGHBOR_SOLICITATION -> sink += packet.neighborSolicitation().targetOffset();
                case MLDV2_QUERY -> {
                    for (int s = 0; s < packet.querySources().count(); s++) {
                        sink += packet.querySources().low(s);
                    }
                }
                case MLDV2_REPORT -> {
                    Mldv2Records records = packet.records();
                    while (records.next()) {
                        sink += records.record().recordType() + records.record().multicastAddressOffset();
                        for (int s = 0; s < records.sources().count(); s++) {
                            sink += records.sources().high(s);
                        }
                    }
                }
                default -> { }
            }
            if (packet.message().isNdp()) {
                NdpOptions options = packet.ndpOptions();
                while (options.next()) {
                    sink += options.type();
                    PrefixInformation prefix = options.prefixInformation();
                    if (prefix != null) {
                        sink += prefix.validLifetime() + prefix.prefixOffset();
                    }
                    if (options.linkLayerAddress() != null) {
                        sink += options.linkLayerAddress().addressBits();
                    }
                    if (options.mtu() != null) {
                        sink += options.mtu().mtu();
                    }
                    if (options.routeInformation() != null) {
                        sink += options.routePrefixHigh() + options.routeInformation().routeLifetime();
                    }
                    for (int s = 0; s < options.dnsServerCount(); s++) {
                        sink += options.dnsServerLow(s);
                    }
                    sink += options.nonceLength();
                }
            }
            packet.undoParse(buffer);
        }
        return sink;
    }
}
