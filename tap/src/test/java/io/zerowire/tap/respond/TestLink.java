package io.zerowire.tap.respond;

import io.zerowire.tap.link.FrameSink;
import io.zerowire.tap.link.InterfaceAddress;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.link.MacAddress;

/** The link of the responder's unit tests: the responder (10.0.0.2/24, fd00::2/64) and its peer (.1, ::1). */
final class TestLink {
    static final MacAddress US = MacAddress.parse("02:00:5e:10:00:02");
    static final MacAddress PEER = MacAddress.parse("02:00:5e:10:00:01");
    static final Ipv4Address US_V4 = Ipv4Address.parse("10.0.0.2");
    static final Ipv4Address PEER_V4 = Ipv4Address.parse("10.0.0.1");
    static final Ipv6Address US_V6 = Ipv6Address.parse("fd00::2");
    static final Ipv6Address PEER_V6 = Ipv6Address.parse("fd00::1");
    /** The UDP and TCP echo port. */
    static final int ECHO_PORT = 7;

    private TestLink() {}

    /** A responder on this link with {@code mtu}, sending to {@code sink}. */
    static Responder responder(FrameSink sink, int mtu) {
        return new Responder(new Responder.Config(US, InterfaceAddress.parseIpv4("10.0.0.2/24"),
                InterfaceAddress.parseIpv6("fd00::2/64"), mtu, ECHO_PORT, ECHO_PORT), sink);
    }
}
