/**
 * Recording the frames received and sent, as pcap or pcapng.
 */
package io.zerowire.tap.capture;
