/**
 * The Internet stack as layouts, with the receive types, builders and the Dissector around them.
 */
module io.zerowire.protocols {
    requires transitive io.zerowire.runtime;
    requires transitive io.zerowire.annotations;

    exports io.zerowire.protocols;
    exports io.zerowire.protocols.arp;
    exports io.zerowire.protocols.ethernet;
    exports io.zerowire.protocols.framing;
    exports io.zerowire.protocols.icmp;
    exports io.zerowire.protocols.icmpv6;
    exports io.zerowire.protocols.icmpv6.mld;
    exports io.zerowire.protocols.icmpv6.ndp;
    exports io.zerowire.protocols.igmp;
    exports io.zerowire.protocols.ip;
    exports io.zerowire.protocols.ipv4;
    exports io.zerowire.protocols.ipv6;
    exports io.zerowire.protocols.stack;
    exports io.zerowire.protocols.tcp;
    exports io.zerowire.protocols.udp;
}
