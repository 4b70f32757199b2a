/**
 * The buffer: {@link io.zerowire.buffer.PacketBuffer}, one array split into prefix, body and
 * suffix, which every layer of a stack parses from and serializes into.
 */
package io.zerowire.buffer;
