/**
 * One Ethernet link as the program sees it: a port on a TAP device, its addresses, its neighbours,
 * and why frames were dropped.
 */
package io.zerowire.tap.link;
