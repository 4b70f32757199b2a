package io.zerowire.tap.link;

import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.link.MacAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The neighbours of one link: IP address to MAC address, learnt from ARP and NDP, with the frames
 * waiting for an address that is being resolved. What the kernel keeps in its neighbour table
 * ({@code ip neigh}), cut to what a forwarder needs.
 *
 * <p>Keys are 128 bits: an IPv6 address as it is, an IPv4 address in its IPv4-mapped form
 * ({@code ::ffff:a.b.c.d}), so one table serves both versions. {@link #lookupIpv4} and
 * {@link #lookupIpv6} take the bits a view reads and allocate nothing: they are on the forwarding
 * path of every frame.
 *
 * <p><b>Unresolved addresses.</b> A frame for an address without an entry is {@linkplain #holdIpv4 held}:
 * copied (the one copy of the forwarding path, as in the kernel's unresolved queue, and only for the
 * first frames to a new neighbour), at most {@link #MAX_HELD_BYTES} per address, while the caller
 * sends a solicitation at most once per {@link #SOLICIT_INTERVAL_NANOS}. {@code learn} returns the held
 * frames, to be sent now. Entries do not expire: a neighbour that changes its MAC address is learnt
 * again from its next ARP or NDP message. Thread-safe: receive loops on several links share tables.
 */
public final class NeighborTable {
    /**
     * A copy of a frame that waits for its next hop, with the port it was received on (where it is
     * processed again from, once the neighbour is learnt).
     */
    public record HeldFrame(byte[] bytes, int receivedOn) {}

    /**
     * Bytes of frames held per unresolved address (as the kernel's {@code unres_qlen_bytes}); a
     * frame that would exceed it is dropped, and counted.
     */
    public static final int MAX_HELD_BYTES = 128 * 1024;
    /** The least time between two solicitations for the same address. */
    public static final long SOLICIT_INTERVAL_NANOS = 1_000_000_000L;

    private static final long IPV4_MAPPED_LOW = 0x0000_FFFF_0000_0000L;

    private final int capacity;
    private final long[] highs;
    private final long[] lows;
    private final MacAddress[] macs;
    private final List<List<HeldFrame>> held;
    private final long[] lastSolicit;
    private final int[] heldBytes;
    private int size;
    private long dropped;

    /** A table of at most {@code capacity} neighbours. */
    public NeighborTable(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.highs = new long[capacity];
        this.lows = new long[capacity];
        this.macs = new MacAddress[capacity];
        this.lastSolicit = new long[capacity];
        this.heldBytes = new int[capacity];
        this.held = new ArrayList<>(capacity);
        for (int i = 0; i < capacity; i++) {
            held.add(null);
        }
    }

    /** The MAC address of the IPv4 neighbour {@code bits}, or null while unresolved or unknown; allocation-free. */
    public MacAddress lookupIpv4(int bits) {
        return lookup(0, ipv4Low(bits));
    }

    /** The MAC address of the IPv6 neighbour {@code (high, low)}, or null while unresolved or unknown; allocation-free. */
    public MacAddress lookupIpv6(long high, long low) {
        return lookup(high, low);
    }

    /** The MAC address of {@code address}, or null. */
    public MacAddress lookup(Ipv4Address address) {
        return lookupIpv4(address.bits());
    }

    /** The MAC address of {@code address}, or null. */
    public MacAddress lookup(Ipv6Address address) {
        return lookup(address.high(), address.low());
    }

    /**
     * Records that {@code address} is at {@code mac}.
     *
     * @return the frames held for it, oldest first, to be sent now (empty if none); the table no
     *     longer holds them
     */
    public List<HeldFrame> learn(Ipv4Address address, MacAddress mac) {
        return learn(0, ipv4Low(address.bits()), mac);
    }

    /** {@link #learn(Ipv4Address, MacAddress)} for an IPv6 address. */
    public List<HeldFrame> learn(Ipv6Address address, MacAddress mac) {
        return learn(address.high(), address.low(), mac);
    }

    /**
     * Holds a copy of {@code array[offset, offset + length)}, a frame received on port
     * {@code receivedOn} for the unresolved IPv4 neighbour {@code bits}, until it is learnt.
     *
     * @return whether the caller should send a solicitation now: the first time, and again when
     *     {@link #SOLICIT_INTERVAL_NANOS} have passed without an answer
     */
    public boolean holdIpv4(int bits, byte[] array, int offset, int length, int receivedOn, long nowNanos) {
        return hold(0, ipv4Low(bits), array, offset, length, receivedOn, nowNanos);
    }

    /** {@link #holdIpv4} for the IPv6 neighbour {@code (high, low)}. */
    public boolean holdIpv6(long high, long low, byte[] array, int offset, int length, int receivedOn,
            long nowNanos) {
        return hold(high, low, array, offset, length, receivedOn, nowNanos);
    }

    private static long ipv4Low(int bits) {
        return IPV4_MAPPED_LOW | (bits & 0xFFFF_FFFFL);
    }

    private synchronized MacAddress lookup(long high, long low) {
        int i = find(high, low);
        return i < 0 ? null : macs[i];
    }

    private synchronized List<HeldFrame> learn(long high, long low, MacAddress mac) {
        int i = find(high, low);
        if (i < 0) {
            i = add(high, low);
            if (i < 0) {
                return List.of();   // full: this neighbour is resolved again on its next message
            }
        }
        macs[i] = mac;
        List<HeldFrame> frames = held.get(i);
        held.set(i, null);
        heldBytes[i] = 0;
        return frames == null ? List.of() : frames;
    }

    private synchronized boolean hold(long high, long low, byte[] array, int offset, int length, int receivedOn,
            long nowNanos) {
        int i = find(high, low);
        if (i < 0) {
            i = add(high, low);
            if (i < 0) {
                dropped++;
                return false;
            }
        } else if (macs[i] != null) {
            throw new IllegalStateException("the neighbour is resolved: look it up instead of holding frames for it");
        }
        List<HeldFrame> frames = held.get(i);
        if (frames == null) {
            frames = new ArrayList<>();
            held.set(i, frames);
        }
        if (heldBytes[i] + length <= MAX_HELD_BYTES) {
            frames.add(new HeldFrame(Arrays.copyOfRange(array, offset, offset + length), receivedOn));
            heldBytes[i] += length;
        } else {
            dropped++;
        }
        boolean first = lastSolicit[i] == 0;
        if (first || nowNanos - lastSolicit[i] >= SOLICIT_INTERVAL_NANOS) {
            lastSolicit[i] = nowNanos == 0 ? 1 : nowNanos;
            return true;
        }
        return false;
    }

    /** Neighbours known or being resolved. */
    public synchronized int size() {
        return size;
    }

    /** Frames dropped because too many bytes were held for one neighbour, or the table was full. */
    public synchronized long dropped() {
        return dropped;
    }

    private int find(long high, long low) {
        for (int i = 0; i < size; i++) {
            if (highs[i] == high && lows[i] == low) {
                return i;
            }
        }
        return -1;
    }

    private int add(long high, long low) {
        if (size == capacity) {
            return -1;
        }
        highs[size] = high;
        lows[size] = low;
        return size++;
    }
}
