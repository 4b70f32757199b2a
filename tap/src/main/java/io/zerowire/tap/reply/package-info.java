/**
 * Frames the program writes itself, serialized into the buffer their trigger was received in: node
 * answers (ARP, NDP, echo), ICMP and ICMPv6 errors, and their counters.
 */
package io.zerowire.tap.reply;
