/**
 * An IPv4 and IPv6 router between TAP devices that forwards in the receive buffer, and the forward
 * command.
 */
package io.zerowire.tap.forward;
