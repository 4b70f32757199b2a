package io.zerowire.protocols.ipv6;

import io.zerowire.ip.Ipv6Address;
import java.util.Arrays;
import java.util.Objects;

/**
 * A growable list of IPv6 addresses kept as their bytes, for the routing header builders: reused
 * across packets, it allocates only when it grows.
 */
final class AddressList {
    /** The most addresses a Routing header can hold: 2040 bytes of data. */
    static final int MAX_ADDRESSES = (RoutingHeaders.MAX_LENGTH - RoutingHeaders.FIXED_LENGTH) / RoutingHeaders.ADDRESS_LENGTH;

    private byte[] bytes = new byte[4 * RoutingHeaders.ADDRESS_LENGTH];
    private int count;

    void clear() {
        count = 0;
    }

    void add(Ipv6Address address) {
        Objects.requireNonNull(address, "address");
        if (count == MAX_ADDRESSES) {
            throw new IllegalStateException("a Routing header holds at most " + MAX_ADDRESSES + " addresses");
        }
        int at = count * RoutingHeaders.ADDRESS_LENGTH;
        if (at + RoutingHeaders.ADDRESS_LENGTH > bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        address.write(bytes, at);
        count++;
    }

    int count() {
        return count;
    }

    int byteLength() {
        return count * RoutingHeaders.ADDRESS_LENGTH;
    }

    Ipv6Address get(int i) {
        Objects.checkIndex(i, count);
        return Ipv6Address.read(bytes, i * RoutingHeaders.ADDRESS_LENGTH);
    }

    void write(byte[] array, int offset) {
        System.arraycopy(bytes, 0, array, offset, byteLength());
    }
}
