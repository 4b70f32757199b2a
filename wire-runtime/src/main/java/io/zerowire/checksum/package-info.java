/**
 * The internet checksum: RFC 1071 computation over byte arrays eight bytes at a time
 * ({@link io.zerowire.checksum.InternetChecksum}), RFC 1624 incremental update after a field changes
 * ({@link io.zerowire.checksum.IncrementalChecksum}), and the IPv4 and IPv6 pseudo-headers of the
 * transport checksums ({@link io.zerowire.checksum.PseudoHeader}). Nothing in this package allocates.
 */
package io.zerowire.checksum;
