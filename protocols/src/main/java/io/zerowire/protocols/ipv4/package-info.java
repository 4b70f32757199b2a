/**
 * IPv4 (RFC 791): the {@link io.zerowire.protocols.ipv4.Ipv4Layout} layout (generated {@code Ipv4}
 * and {@code Ipv4Builder}) with its options, the {@link io.zerowire.protocols.ipv4.IpProtocol} open
 * enum and {@link io.zerowire.protocols.ipv4.Ipv4Options}, allocation-free typed readers for Router
 * Alert, Record Route (and source routes) and Timestamp options.
 */
package io.zerowire.protocols.ipv4;
