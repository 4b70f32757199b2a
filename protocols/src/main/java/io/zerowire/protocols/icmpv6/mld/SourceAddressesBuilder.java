package io.zerowire.protocols.icmpv6.mld;

import io.zerowire.ip.Ipv6Address;
import io.zerowire.serialize.InnerPacketBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The source list of an MLDv2 query, written as the body of an {@code Mldv2QueryBuilder}. The
 * layout language has no count field, so set the query's {@code numberOfSources} to {@link #count()}:
 *
 * <pre>{@code
 * SourceAddressesBuilder sources = new SourceAddressesBuilder().add(s1).add(s2);
 * Serializer query = Serializer.of(sources)
 *         .encapsulate(new Mldv2QueryBuilder().multicastAddress(group).numberOfSources(sources.count())
 *                 .maximumResponseCode(Mldv2.maximumResponseCode(10_000)).querierRobustnessVariable(2))
 *         .encapsulate(new Icmpv6HeaderBuilder().type(Icmpv6Type.MULTICAST_LISTENER_QUERY)
 *                 .addresses(source, Ipv6.ALL_NODES_LINK_LOCAL_MULTICAST));
 * }</pre>
 *
 * A builder can be cleared and reused; it is not thread-safe.
 */
public final class SourceAddressesBuilder implements InnerPacketBuilder {
    private final List<Ipv6Address> addresses = new ArrayList<>();

    /** An empty list. */
    public SourceAddressesBuilder() {}

    /**
     * Adds a source.
     *
     * @throws IllegalStateException beyond 65535 sources, what a 16-bit count can say
     */
    public SourceAddressesBuilder add(Ipv6Address source) {
        Objects.requireNonNull(source, "source");
        if (addresses.size() == 0xFFFF) {
            throw new IllegalStateException("a 16-bit count says at most 65535 sources");
        }
        addresses.add(source);
        return this;
    }

    /** Adds every source of {@code sources}, in order. */
    public SourceAddressesBuilder addAll(Iterable<Ipv6Address> sources) {
        for (Ipv6Address source : sources) {
            add(source);
        }
        return this;
    }

    /** Removes every source. */
    public SourceAddressesBuilder clear() {
        addresses.clear();
        return this;
    }

    /** How many sources were added: the value for the query's {@code numberOfSources}. */
    public int count() {
        return addresses.size();
    }

    @Override
    public int bytesLength() {
        return addresses.size() * Mldv2.SOURCE_LENGTH;
    }

    @Override
    public void writeBytes(byte[] array, int offset) {
        for (Ipv6Address address : addresses) {
            address.write(array, offset);
            offset += Mldv2.SOURCE_LENGTH;
        }
    }
}
