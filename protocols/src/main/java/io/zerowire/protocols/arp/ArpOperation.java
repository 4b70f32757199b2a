package io.zerowire.protocols.arp;

/**
 * The ARP operation code (RFC 826; IANA "ARP Parameters"): an open enum naming request and reply and
 * keeping every other number (RARP, InARP, ...) as it is.
 */
public final class ArpOperation {
    /** Who has the target protocol address? (1). */
    public static final ArpOperation REQUEST = new ArpOperation(1, "REQUEST");
    /** The sender has it (2). */
    public static final ArpOperation REPLY = new ArpOperation(2, "REPLY");

    private final int value;
    private final String name;

    private ArpOperation(int value, String name) {
        this.value = value;
        this.name = name;
    }

    /**
     * The operation with this number: a named constant when known, else a value keeping the number.
     *
     * @throws IllegalArgumentException if {@code value} does not fit in 16 unsigned bits
     */
    public static ArpOperation of(int value) {
        if (value == 1) {
            return REQUEST;
        }
        if (value == 2) {
            return REPLY;
        }
        if ((value & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("an ARP operation is 16 unsigned bits, was " + value);
        }
        return new ArpOperation(value, null);
    }

    /** The 16-bit number. */
    public int value() {
        return value;
    }

    /** Whether this is {@link #REQUEST} or {@link #REPLY}. */
    public boolean isKnown() {
        return name != null;
    }

    /** {@code "REQUEST"}, {@code "REPLY"}, or {@code "OPERATION_<n>"}. */
    public String name() {
        return name != null ? name : "OPERATION_" + value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ArpOperation && ((ArpOperation) other).value == value;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(value);
    }

    @Override
    public String toString() {
        return name() + "(" + value + ")";
    }
}
