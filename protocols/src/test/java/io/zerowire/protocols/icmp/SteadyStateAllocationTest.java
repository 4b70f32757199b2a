package io.zerowire.protocols.icmp;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.protocols.igmp.IgmpGroupRecords;
import io.zerowire.protocols.igmp.IgmpPacket;
import io.zerowire.protocols.igmp.IgmpRecordType;
import io.zerowire.protocols.igmp.IgmpV3ReportMessageBuilder;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ipv4.Ipv4;
import io.zerowire.protocols.ipv4.Ipv4Builder;
import io.zerowire.serialize.Serializer;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The reusable views parse in a loop without allocating: an ICMP error with its quoted datagram,
 * and an IGMPv3 report with its records and sources. Counted with the JVM's per-thread allocation
 * counter after a warm-up (a coarse check; the JMH benchmarks are where figures belong): the
 * budget is far below one byte per packet.
 */
class SteadyStateAllocationTest {
    private static final int PACKETS = 200_000;

    @Test
    void parsingAllocatesNothingPerPacket() throws Exception {
        com.sun.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean() instanceof
                com.sun.management.ThreadMXBean t ? t : null;
        Assumptions.assumeTrue(threads != null && threads.isThreadAllocatedMemorySupported(),
                "per-thread allocation counting is not available");
        threads.setThreadAllocatedMemoryEnabled(true);

        byte[] quote = Serializer.of(new byte[40]).encapsulate(new Ipv4Builder().protocol(IpProtocol.UDP)).serialize()
                .toByteArray();
        byte[] error = Serializer.of(quote).encapsulate(IcmpMessageBuilder.fragmentationNeeded(1400))
                .encapsulate(new Ipv4Builder().protocol(IpProtocol.ICMP)).serialize().toByteArray();
        byte[] report = Serializer.of(new byte[0]).encapsulate(new IgmpV3ReportMessageBuilder()
                .addRecord(IgmpRecordType.ALLOW_NEW_SOURCES, Ipv4Address.parse("239.1.1.1"),
                        List.of(Ipv4Address.parse("192.0.2.1"), Ipv4Address.parse("192.0.2.2")))
                .addRecord(IgmpRecordType.CHANGE_TO_EXCLUDE_MODE, Ipv4Address.parse("239.1.1.2")))
                .serialize().toByteArray();

        PacketBuffer buffer = PacketBuffer.wrap(error);
        Ipv4 ip = new Ipv4();
        Ipv4 quoted = new Ipv4();
        IcmpPacket icmp = new IcmpPacket();
        IgmpPacket igmp = new IgmpPacket();
        long sink = 0;
        long before = 0;
        for (int round = 0; round < 2; round++) {
            if (round == 1) {
                before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            }
            for (int i = 0; i < PACKETS; i++) {
                buffer.rewrap(error, 0, error.length);
                ip.wrap(buffer);
                icmp.wrap(buffer);
                sink += icmp.destinationUnreachable().nextHopMtu() + icmp.quotedDatagram(quoted).sourceBits();
                buffer.rewrap(report, 0, report.length);
                igmp.wrap(buffer);
                IgmpGroupRecords records = igmp.records();
                while (records.next()) {
                    sink += records.record().multicastAddressBits();
                    for (int s = 0; s < records.record().numberOfSources(); s++) {
                        sink += records.sourceBits(s);
                    }
                }
            }
        }
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        System.out.printf("steady state: %d bytes allocated over %d ICMP errors and %d IGMPv3 reports (sink %d)%n",
                allocated, PACKETS, PACKETS, sink);
        assertThat(allocated).isLessThan(PACKETS / 10);
    }
}
