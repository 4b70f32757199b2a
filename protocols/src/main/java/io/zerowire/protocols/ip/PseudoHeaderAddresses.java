package io.zerowire.protocols.ip;

import io.zerowire.buffer.Bytes;
import io.zerowire.ip.IpAddress;
import io.zerowire.ip.Ipv4;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;

/**
 * The two addresses a transport checksum's pseudo-header takes from an {@link IpPacket} (its source
 * and {@link IpPacket#pseudoHeaderDestination() final destination}), as raw bits: an IPv4 address's
 * 32 bits, an IPv6 address's two 64-bit halves, the form the generated transport views'
 * allocation-free {@code wrap} overloads and {@code PseudoHeader} take.
 *
 * <p>Reading them from an {@code Ipv4Packet} or {@code Ipv6Packet} allocates nothing: the bits come
 * straight from the header's bytes. Another {@code IpPacket} implementation gives them through its
 * address objects unless it overrides {@link IpPacket#pseudoHeaderAddresses}. A reusable holder:
 * {@link #read} again for every packet.
 *
 * <pre>{@code
 * PseudoHeaderAddresses addresses = new PseudoHeaderAddresses();
 * addresses.read(ip);
 * if (addresses.isIpv4()) {
 *     udpV4.wrap(buffer, addresses.ipv4Source(), addresses.ipv4Destination());
 * } else {
 *     udpV6.wrap(buffer, addresses.sourceHigh(), addresses.sourceLow(), addresses.destinationHigh(),
 *             addresses.destinationLow());
 * }
 * }</pre>
 */
public final class PseudoHeaderAddresses {
    private boolean ipv4;
    private long sourceHigh;
    private long sourceLow;
    private long destinationHigh;
    private long destinationLow;

    /** An empty holder: {@link #read} before asking. */
    public PseudoHeaderAddresses() {}

    /**
     * Takes the source and the pseudo-header destination of {@code ip}
     * ({@link IpPacket#pseudoHeaderAddresses}).
     *
     * @return this holder
     */
    public PseudoHeaderAddresses read(IpPacket<?> ip) {
        ip.pseudoHeaderAddresses(this);
        return this;
    }

    /** Sets two IPv4 addresses, as their 32 bits. */
    public PseudoHeaderAddresses setIpv4(int source, int destination) {
        ipv4 = true;
        sourceHigh = 0;
        sourceLow = source;
        destinationHigh = 0;
        destinationLow = destination;
        return this;
    }

    /** Sets two IPv6 addresses, as their 64-bit halves. */
    public PseudoHeaderAddresses setIpv6(long sourceHigh, long sourceLow, long destinationHigh, long destinationLow) {
        this.ipv4 = false;
        this.sourceHigh = sourceHigh;
        this.sourceLow = sourceLow;
        this.destinationHigh = destinationHigh;
        this.destinationLow = destinationLow;
        return this;
    }

    /** Sets two IPv6 addresses read from {@code array} at the two offsets (16 bytes each). */
    public PseudoHeaderAddresses setIpv6(byte[] array, int sourceOffset, int destinationOffset) {
        return setIpv6(Bytes.i64(array, sourceOffset), Bytes.i64(array, sourceOffset + 8),
                Bytes.i64(array, destinationOffset), Bytes.i64(array, destinationOffset + 8));
    }

    /**
     * Sets two addresses of the same version from their objects.
     *
     * @throws IllegalArgumentException if their versions differ
     */
    public PseudoHeaderAddresses set(IpAddress<?> source, IpAddress<?> destination) {
        if (source.version() != destination.version()) {
            throw new IllegalArgumentException("addresses of two IP versions: " + source + ", " + destination);
        }
        if (source.version() == Ipv4.INSTANCE) {
            return setIpv4(((Ipv4Address) source).bits(), ((Ipv4Address) destination).bits());
        }
        Ipv6Address s = (Ipv6Address) source;
        Ipv6Address d = (Ipv6Address) destination;
        return setIpv6(s.high(), s.low(), d.high(), d.low());
    }

    /** Whether the addresses are IPv4 ones ({@link #ipv4Source()}, {@link #ipv4Destination()}). */
    public boolean isIpv4() {
        return ipv4;
    }

    /** The IPv4 source's 32 bits. */
    public int ipv4Source() {
        return (int) sourceLow;
    }

    /** The IPv4 pseudo-header destination's 32 bits. */
    public int ipv4Destination() {
        return (int) destinationLow;
    }

    /** The first 64 bits of the IPv6 source. */
    public long sourceHigh() {
        return sourceHigh;
    }

    /** The last 64 bits of the IPv6 source. */
    public long sourceLow() {
        return sourceLow;
    }

    /** The first 64 bits of the IPv6 pseudo-header destination. */
    public long destinationHigh() {
        return destinationHigh;
    }

    /** The last 64 bits of the IPv6 pseudo-header destination. */
    public long destinationLow() {
        return destinationLow;
    }
}
