package io.zerowire.benchmarks.scan;

/**
 * What a scanner found in a capture, the same for every scanner: counts per kind, and sums of the
 * fields each one read (ports, the low 32 bits of the addresses), so that two scanners that read
 * different fields cannot agree by accident.
 */
public final class ScanResult {
    public long packets;
    public long bytes;
    public long tcp;
    public long udp;
    public long ipv4;
    public long ipv6;
    public long ports;
    public long addresses;

    void ipv4(int source, int destination) {
        ipv4++;
        addresses += (source & 0xFFFF_FFFFL) + (destination & 0xFFFF_FFFFL);
    }

    void ipv6(long sourceLow, long destinationLow) {
        ipv6++;
        addresses += (sourceLow & 0xFFFF_FFFFL) + (destinationLow & 0xFFFF_FFFFL);
    }

    void tcp(int source, int destination) {
        tcp++;
        ports += source + destination;
    }

    void udp(int source, int destination) {
        udp++;
        ports += source + destination;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScanResult && toString().equals(o.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return String.format("%d packets, %d bytes, ipv4 %d, ipv6 %d, tcp %d, udp %d, ports %d, addresses %d",
                packets, bytes, ipv4, ipv6, tcp, udp, ports, addresses);
    }
}
