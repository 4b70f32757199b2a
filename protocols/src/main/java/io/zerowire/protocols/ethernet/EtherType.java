package io.zerowire.protocols.ethernet;

/**
 * The type field of an Ethernet II header or of an 802.1Q / 802.1ad tag (the IEEE EtherType
 * registry): an open enum that names the types Zerowire knows and keeps every other number as it is.
 *
 * <p>{@link #of(int)} returns the named constant for a known number (without allocating) and
 * otherwise a value that only carries the number; {@link #isKnown()} tells them apart. Values up to
 * {@link #MAX_LENGTH} are not types but an 802.3 length: see {@link #isLength()}.
 */
public final class EtherType {
    /** The largest value that is an 802.3 length rather than a type (1500). */
    public static final int MAX_LENGTH = 1500;

    /** IPv4 (0x0800). */
    public static final EtherType IPV4 = new EtherType(0x0800, "IPV4");
    /** ARP (0x0806). */
    public static final EtherType ARP = new EtherType(0x0806, "ARP");
    /** An 802.1Q customer VLAN tag follows (0x8100). */
    public static final EtherType VLAN = new EtherType(0x8100, "VLAN");
    /** An 802.1ad service VLAN tag follows, Q-in-Q (0x88A8). */
    public static final EtherType QINQ = new EtherType(0x88A8, "QINQ");
    /** IPv6 (0x86DD). */
    public static final EtherType IPV6 = new EtherType(0x86DD, "IPV6");

    private static final EtherType[] KNOWN = {IPV4, ARP, VLAN, QINQ, IPV6};

    private final int value;
    private final String name;

    private EtherType(int value, String name) {
        this.value = value;
        this.name = name;
    }

    /**
     * The EtherType with this number: a named constant when known, else a value that keeps the number.
     *
     * @throws IllegalArgumentException if {@code value} does not fit in 16 unsigned bits
     */
    public static EtherType of(int value) {
        if ((value & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("an EtherType is 16 unsigned bits, was " + value);
        }
        for (EtherType known : KNOWN) {
            if (known.value == value) {
                return known;
            }
        }
        return new EtherType(value, null);
    }

    /** The 16-bit number. */
    public int value() {
        return value;
    }

    /** Whether this is one of the named constants. */
    public boolean isKnown() {
        return name != null;
    }

    /** Whether the number is an 802.3 length (at most 1500) rather than a type. */
    public boolean isLength() {
        return value <= MAX_LENGTH;
    }

    /** Whether a VLAN tag follows: {@link #VLAN} or {@link #QINQ}. */
    public boolean isTag() {
        return value == VLAN.value || value == QINQ.value;
    }

    /** The constant's name, such as {@code "IPV4"}, or {@code "0x88cc"} for an unnamed number. */
    public String name() {
        return name != null ? name : String.format("0x%04x", value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EtherType && ((EtherType) other).value == value;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(value);
    }

    @Override
    public String toString() {
        return name != null ? name + String.format("(0x%04x)", value) : name();
    }
}
