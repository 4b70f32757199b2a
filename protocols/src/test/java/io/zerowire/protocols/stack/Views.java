package io.zerowire.protocols.stack;

/** Reads every accessor of a dissected layer: what a consumer may do after a successful parse. */
final class Views {
    private Views() {}

    static String describe(Dissector d, Layer layer) {
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
                return d.ipv4().toString() + d.ipv4().checksumValid() + d.ipv4().options().count();
            default:
                throw new AssertionError("no description for " + layer);
        }
    }
}
