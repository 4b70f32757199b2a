/**
 * A user-space IP host for the kernel to talk to: the responder, its minimal TCP echo, and the
 * respond command.
 */
package io.zerowire.tap.respond;
