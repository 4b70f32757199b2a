/**
 * A user's own headers, declared from their RFCs with no hand-written parsing: this package's main
 * code is layout declarations only, and the processor writes every view and builder. VXLAN and the
 * DNS header are fixed layouts; GRE has optional words gated by its C, K and S flags
 * ({@code @PresentIf}) and a checksum over header and payload; GENEVE and NSH (MD Type 2) carry
 * option lists in formats declared here ({@code @OptionHeader}); an MPLS label stack is a repeated
 * group that ends at the S bit ({@code @Repeated}); UDP-Lite's checksum covers what its coverage
 * field says ({@code @Checksum(coverage)}), over IPv4 and IPv6 through one generic view type.
 *
 * <p>The tests read frames that scapy made and compare every field with tshark's reading of the
 * same file, and build frames through the nested serializer chain for tshark to check: every
 * checksum good, every field as set, no malformed packet.
 */
package io.zerowire.examples.userheaders;
