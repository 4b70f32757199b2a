package io.zerowire.protocols;

import io.zerowire.annotations.ValueSet;

/** The values of the hand-written {@link io.zerowire.protocols.ip.IpProtocol}, declared as a value set. */
@ValueSet(bits = 8, unknownPrefix = "PROTOCOL_")
interface IpProtocolTwins {
    int IPV6_HOP_BY_HOP = 0;
    int ICMP = 1;
    int IGMP = 2;
    int IPV4 = 4;
    int TCP = 6;
    int UDP = 17;
    int IPV6 = 41;
    int IPV6_ROUTING = 43;
    int IPV6_FRAGMENT = 44;
    int GRE = 47;
    int ESP = 50;
    int AH = 51;
    int IPV6_ICMP = 58;
    int IPV6_NO_NEXT_HEADER = 59;
    int IPV6_DESTINATION_OPTIONS = 60;
    int SCTP = 132;
}
