/**
 * What IPv4 and IPv6 share for the layers above them: {@link io.zerowire.protocols.ip.IpPacket}
 * (a parsed packet of either version), the {@link io.zerowire.protocols.ip.IpProtocol} open enum of
 * protocol numbers, and {@link io.zerowire.protocols.ip.ParameterProblemException}.
 */
package io.zerowire.protocols.ip;
