package io.zerowire.checksum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every method of the package runs without allocating. This is a guard against regressions (a
 * wrapped ByteBuffer, a boxed value, a lambda), not a measurement: the JMH benchmarks measure.
 */
class AllocationFreeTest {

    private int sink;

    @Test
    void noMethodAllocates() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "needs per-thread allocation counters");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled());

        byte[] packet = new byte[1500];
        new Random(42).nextBytes(packet);
        InternetChecksum c = new InternetChecksum();
        long threadId = Thread.currentThread().getId();

        round(c, packet); // the first round initializes classes and links the VarHandle call sites
        long fewest = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 5 && fewest > 0; attempt++) {
            long before = mx.getThreadAllocatedBytes(threadId);
            round(c, packet);
            fewest = Math.min(fewest, mx.getThreadAllocatedBytes(threadId) - before);
        }
        assertThat(fewest).as("bytes allocated by 10000 rounds of every method").isZero();
    }

    private void round(InternetChecksum c, byte[] packet) {
        int s = 0;
        for (int i = 0; i < 10_000; i++) {
            c.reset();
            PseudoHeader.addIpv4(c, packet, 12, 16, 17, 1000);
            PseudoHeader.addIpv4(c, i, ~i, 6, 1000);
            PseudoHeader.addIpv6(c, packet, 8, 24, 58, 1000L);
            PseudoHeader.addIpv6(c, i, 2L, 3L, ~i, 17, 70_000L);
            c.add(packet, i % 8, 1001).addU8(i).addU16(i).addU32(i).addU64(i);
            s += c.sum() + c.checksum() + (c.verify() ? 1 : 0);
            s += InternetChecksum.compute(packet, 1, 999) + InternetChecksum.sum(packet, 0, 20)
                    + (InternetChecksum.verify(packet, 0, 20) ? 1 : 0);
            s += IncrementalChecksum.update16(i, 1, 2) + IncrementalChecksum.update32(i, 3, 4)
                    + IncrementalChecksum.update128(i, 5L, 6L, 7L, 8L);
        }
        sink += s;
    }
}
