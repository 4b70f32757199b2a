package io.zerowire.protocols.stack;

/**
 * A header kind that {@link Dissector} can find in a frame, outermost first in declaration order of
 * a typical stack. {@link #label()} is the short name tshark and tcpdump users know.
 */
public enum Layer {
    LOOPBACK("null"),
    LINUX_SLL("sll"),
    LINUX_SLL2("sll2"),
    ETHERNET("eth"),
    VLAN("vlan"),
    ARP("arp"),
    IPV4("ip"),
    IPV6("ipv6"),
    ICMP("icmp"),
    ICMPV6("icmpv6"),
    IGMP("igmp"),
    UDP("udp"),
    TCP("tcp");

    private final String label;

    Layer(String label) {
        this.label = label;
    }

    /** The short name: {@code eth}, {@code ip}, {@code ipv6}, {@code tcp}... */
    public String label() {
        return label;
    }

    /** The layer whose {@link #label()} is {@code label}, or null. */
    public static Layer ofLabel(String label) {
        for (Layer layer : values()) {
            if (layer.label.equals(label)) {
                return layer;
            }
        }
        return null;
    }
}
