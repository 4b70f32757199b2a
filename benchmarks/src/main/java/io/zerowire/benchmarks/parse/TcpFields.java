package io.zerowire.benchmarks.parse;

import java.util.Arrays;

/**
 * What every TCP parser of the benchmark reads from a frame, in plain fields: the same sink for all,
 * so that each pays the same to hand its answers over, and the answers can be compared.
 */
public final class TcpFields {
    public long destinationMac;
    public long sourceMac;
    public int sourceIp;
    public int destinationIp;
    public int sourcePort;
    public int destinationPort;
    public long sequence;
    public long acknowledgment;
    /** CWR ECE URG ACK PSH RST SYN FIN, high bit first. */
    public int flags;
    public int window;

    long[] values() {
        return new long[] {destinationMac, sourceMac, sourceIp, destinationIp, sourcePort, destinationPort,
            sequence, acknowledgment, flags, window};
    }

    /** Field by field equality, for the checks before timing. */
    public boolean sameAs(TcpFields other) {
        return Arrays.equals(values(), other.values());
    }

    @Override
    public String toString() {
        return String.format("mac %012x > %012x, ip %08x > %08x, port %d > %d, seq %d ack %d flags %02x window %d",
                sourceMac, destinationMac, sourceIp, destinationIp, sourcePort, destinationPort, sequence,
                acknowledgment, flags, window);
    }
}
