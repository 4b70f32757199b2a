package io.zerowire.protocols.stack;

/** Reads every accessor of a dissected layer: what a consumer may do after a successful parse. */
public final class Views {
    private Views() {}

    public static String describe(Dissector d, Layer layer) {
        switch (layer) {
            case LOOPBACK:
                return d.loopback().toString();
            case LINUX_SLL:
                return d.linuxSll().toString();
            case LINUX_SLL2:
                return d.linuxSll2().toString();
            case ETHERNET:
                return d.ethernet().toString();
            case VLAN: {
                StringBuilder s = new StringBuilder();
                for (int i = 0; i < d.vlanCount(); i++) {
                    s.append(d.vlan(i));
                }
                return s.toString();
            }
            case ARP:
                return d.arp().toString();
            case IPV4:
                return d.ipv4().toString() + d.ipv4().header().checksumValid() + d.ipv4().header().options().count()
                        + d.ipv4().pseudoHeaderDestination();
            case IPV6: {
                StringBuilder s = new StringBuilder(d.ipv6().toString()).append(d.ipv6().pseudoHeaderDestination());
                for (int i = 0; i < d.ipv6().extensionHeaderCount(); i++) {
                    s.append(d.ipv6().extensionHeaderType(i)).append(d.ipv6().extensionHeaderLength(i));
                }
                return s.toString();
            }
            case TCP:
                return d.tcp().toString() + d.tcp().checksumValid() + d.tcp().options().count();
            case UDP:
                return d.udp().toString() + d.udp().checksumValid();
            case ICMP:
                return d.icmp().toString() + d.icmp().kind() + d.icmp().checksumValid();
            case ICMPV6:
                return d.icmpv6().toString() + d.icmpv6().message() + d.icmpv6().checksumValid();
            case IGMP:
                return d.igmp().toString() + d.igmp().kind() + d.igmp().checksumValid();
            default:
                throw new AssertionError("no description for " + layer);
        }
    }
}
