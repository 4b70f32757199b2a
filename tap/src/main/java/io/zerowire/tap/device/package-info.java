/**
 * Linux TAP devices through JNA: open, receive with a timeout into one reused buffer, send, and a
 * receive loop per device.
 */
package io.zerowire.tap.device;
