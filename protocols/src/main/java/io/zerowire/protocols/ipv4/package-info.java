/**
 * IPv4 (RFC 791): the {@link io.zerowire.protocols.ipv4.Ipv4Layout} layout (generated {@code Ipv4}
 * and {@code Ipv4Builder}) with its options and
 * {@link io.zerowire.protocols.ipv4.Ipv4Options}, allocation-free typed readers for Router
 * Alert, Record Route (and source routes) and Timestamp options.
 */
package io.zerowire.protocols.ipv4;
