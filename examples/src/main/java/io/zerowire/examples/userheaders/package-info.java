/**
 * A user's own headers, declared from their RFCs with no hand-written parsing: this package's main
 * code is layout declarations only, and the processor writes every view and builder. Its tests read
 * frames that scapy made and compare every field with tshark's reading of the same file, and build
 * frames through the nested serializer chain for tshark to check.
 */
package io.zerowire.examples.userheaders;
