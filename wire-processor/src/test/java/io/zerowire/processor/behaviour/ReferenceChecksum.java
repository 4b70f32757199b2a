package io.zerowire.processor.behaviour;

import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import java.io.ByteArrayOutputStream;

/**
 * The RFC 1071 internet checksum and the RFC 768 / RFC 8200 pseudo-headers, computed here from the
 * RFC text with plain loops, independently of {@code io.zerowire.checksum}.
 */
final class ReferenceChecksum {
    private ReferenceChecksum() {}

    /** The one's complement sum of the concatenated parts as 16-bit big-endian words, the last odd byte padded with zero. */
    static int sum(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        byte[] data = all.toByteArray();
        long sum = 0;
        for (int i = 0; i < data.length; i += 2) {
            int high = data[i] & 0xFF;
            int low = i + 1 < data.length ? data[i + 1] & 0xFF : 0;
            sum += (high << 8) | low;
            while ((sum >>> 16) != 0) {
                sum = (sum & 0xFFFF) + (sum >>> 16);
            }
        }
        return (int) sum;
    }

    /** The checksum to store: the complement of the sum of the data with the checksum field zero. */
    static int checksum(byte[]... parts) {
        return ~sum(parts) & 0xFFFF;
    }

    /** RFC 768: source, destination, zero, protocol, UDP length. */
    static byte[] ipv4PseudoHeader(Ipv4Address source, Ipv4Address destination, int protocol, int length) {
        byte[] pseudo = new byte[12];
        System.arraycopy(source.toByteArray(), 0, pseudo, 0, 4);
        System.arraycopy(destination.toByteArray(), 0, pseudo, 4, 4);
        pseudo[8] = 0;
        pseudo[9] = (byte) protocol;
        pseudo[10] = (byte) (length >>> 8);
        pseudo[11] = (byte) length;
        return pseudo;
    }

    /** RFC 8200 section 8.1: source, destination, 32-bit length, three zero bytes, next header. */
    static byte[] ipv6PseudoHeader(Ipv6Address source, Ipv6Address destination, int nextHeader, long length) {
        byte[] pseudo = new byte[40];
        System.arraycopy(source.toByteArray(), 0, pseudo, 0, 16);
        System.arraycopy(destination.toByteArray(), 0, pseudo, 16, 16);
        pseudo[32] = (byte) (length >>> 24);
        pseudo[33] = (byte) (length >>> 16);
        pseudo[34] = (byte) (length >>> 8);
        pseudo[35] = (byte) length;
        pseudo[39] = (byte) nextHeader;
        return pseudo;
    }

    /** A copy of {@code bytes[from, to)} with the 16-bit word at {@code checksumAt} (relative to {@code from}) zeroed. */
    static byte[] withZeroChecksum(byte[] bytes, int from, int to, int checksumAt) {
        byte[] copy = java.util.Arrays.copyOfRange(bytes, from, to);
        copy[checksumAt] = 0;
        copy[checksumAt + 1] = 0;
        return copy;
    }
}
