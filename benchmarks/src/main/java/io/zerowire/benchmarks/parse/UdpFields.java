package io.zerowire.benchmarks.parse;

import java.util.Arrays;

/** What every IPv6 / UDP parser of the benchmark reads from a frame (see {@link TcpFields}). */
public final class UdpFields {
    public long destinationMac;
    public long sourceMac;
    public long sourceHigh;
    public long sourceLow;
    public long destinationHigh;
    public long destinationLow;
    public int hopLimit;
    public long fragmentId;
    public int sourcePort;
    public int destinationPort;
    public int length;

    long[] values() {
        return new long[] {destinationMac, sourceMac, sourceHigh, sourceLow, destinationHigh, destinationLow,
            hopLimit, fragmentId, sourcePort, destinationPort, length};
    }

    /** Field by field equality, for the checks before timing. */
    public boolean sameAs(UdpFields other) {
        return Arrays.equals(values(), other.values());
    }

    @Override
    public String toString() {
        return String.format("mac %012x > %012x, ip %016x%016x > %016x%016x, hop %d, id %08x, port %d > %d, length %d",
                sourceMac, destinationMac, sourceHigh, sourceLow, destinationHigh, destinationLow, hopLimit,
                fragmentId, sourcePort, destinationPort, length);
    }
}
