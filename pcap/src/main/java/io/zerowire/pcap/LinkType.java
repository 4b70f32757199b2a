package io.zerowire.pcap;

/**
 * The link-layer header type of a capture's packets (the tcpdump.org {@code LINKTYPE_} registry):
 * an open enum that names the types Zerowire dissects and keeps every other number as it is.
 *
 * <p>{@link #of(int)} returns the named constant for a known number and otherwise a value that
 * only carries the number; {@link #isKnown()} tells them apart. Nothing is guessed: a capture of an
 * unnamed type is reported with its number, never mapped to a "close" known type. The numbers are
 * the file's, 0 to 65535 (pcap's link type field keeps FCS information in its upper bits; those
 * are not part of the link type, see {@link CaptureReader#pcapFcsLength()}).
 *
 * <p>Equal numbers give equal values. The generated views of the pcap header and of the pcapng
 * interface description block use this type as an open-enum field.
 */
public final class LinkType {
    /** BSD loopback ({@code LINKTYPE_NULL}, 0): a 4-byte address family in the capturing host's byte order. */
    public static final LinkType NULL = new LinkType(0, "NULL");
    /** Ethernet II and 802.3 ({@code LINKTYPE_ETHERNET}, 1). */
    public static final LinkType ETHERNET = new LinkType(1, "ETHERNET");
    /** Raw IPv4 or IPv6, told apart by the version nibble ({@code LINKTYPE_RAW}, 101). */
    public static final LinkType RAW = new LinkType(101, "RAW");
    /** Linux cooked capture v1 ({@code LINKTYPE_LINUX_SLL}, 113): a 16-byte pseudo header. */
    public static final LinkType LINUX_SLL = new LinkType(113, "LINUX_SLL");
    /** Raw IPv4 ({@code LINKTYPE_IPV4}, 228). */
    public static final LinkType IPV4 = new LinkType(228, "IPV4");
    /** Raw IPv6 ({@code LINKTYPE_IPV6}, 229). */
    public static final LinkType IPV6 = new LinkType(229, "IPV6");
    /** Linux cooked capture v2 ({@code LINKTYPE_LINUX_SLL2}, 276): a 20-byte pseudo header. */
    public static final LinkType LINUX_SLL2 = new LinkType(276, "LINUX_SLL2");

    private static final LinkType[] KNOWN = {NULL, ETHERNET, RAW, LINUX_SLL, IPV4, IPV6, LINUX_SLL2};

    private final int value;
    private final String name;

    private LinkType(int value, String name) {
        this.value = value;
        this.name = name;
    }

    /**
     * The link type with this number: a named constant when Zerowire knows it, else a value that
     * keeps the number. Known numbers never allocate.
     */
    public static LinkType of(int value) {
        for (LinkType known : KNOWN) {
            if (known.value == value) {
                return known;
            }
        }
        return new LinkType(value, null);
    }

    /** The registry number. */
    public int value() {
        return value;
    }

    /** Whether this is one of the named constants. */
    public boolean isKnown() {
        return name != null;
    }

    /** The constant's name, such as {@code "ETHERNET"}, or {@code "LINKTYPE_<n>"} for an unnamed number. */
    public String name() {
        return name != null ? name : "LINKTYPE_" + value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LinkType && ((LinkType) other).value == value;
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
