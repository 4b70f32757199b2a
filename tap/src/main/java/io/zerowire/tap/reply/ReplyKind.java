package io.zerowire.tap.reply;

/**
 * What kind of frame the program wrote itself (as opposed to one it forwarded): an answer, an ICMP
 * error, or a neighbour solicitation of its own.
 */
public enum ReplyKind {
    ARP_REPLY("arp reply"),
    ARP_REQUEST("arp request"),
    NEIGHBOR_ADVERTISEMENT("neighbor advertisement"),
    NEIGHBOR_SOLICITATION("neighbor solicitation"),
    ICMP_ECHO_REPLY("icmp echo reply"),
    ICMPV6_ECHO_REPLY("icmpv6 echo reply"),
    UDP_ECHO("udp echo"),
    ICMP_PORT_UNREACHABLE("icmp port unreachable"),
    ICMPV6_PORT_UNREACHABLE("icmpv6 port unreachable"),
    TCP_SEGMENT("tcp segment"),
    TCP_RESET("tcp reset"),
    ICMP_TIME_EXCEEDED("icmp time exceeded"),
    ICMPV6_TIME_EXCEEDED("icmpv6 time exceeded"),
    ICMP_FRAGMENTATION_NEEDED("icmp fragmentation needed"),
    ICMPV6_PACKET_TOO_BIG("icmpv6 packet too big"),
    ICMP_NET_UNREACHABLE("icmp net unreachable"),
    ICMPV6_NO_ROUTE("icmpv6 no route"),
    ICMPV6_PARAMETER_PROBLEM("icmpv6 parameter problem");

    private final String label;

    ReplyKind(String label) {
        this.label = label;
    }

    /** A short human name, as the summaries print it. */
    public String label() {
        return label;
    }
}
