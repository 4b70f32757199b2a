package io.zerowire.protocols.icmp;

import io.zerowire.annotations.Header;
import io.zerowire.ip.Ipv4Address;

/**
 * The rest of a redirect header (type 5, RFC 792): the gateway to send traffic for the quoted
 * datagram's destination to. The body is the quoted original datagram.
 */
@Header(layer = "icmp-redirect")
public interface IcmpRedirectLayout {
    Ipv4Address gateway();
}
