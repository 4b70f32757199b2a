package io.zerowire.protocols.icmpv6.ndp;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.link.MacAddress;
import io.zerowire.options.OptionsBuilder;
import io.zerowire.serialize.InnerPacketBuilder;
import io.zerowire.serialize.PacketBuilder;
import io.zerowire.serialize.SerializeTarget;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The options of an NDP message, written as the body of the message's builder. Each option is
 * padded with zeros to a multiple of 8 bytes, as its length field (in units of 8) requires. Typed
 * options take the builder generated from their value layout (for the fields) and the variable
 * part; anything else goes in raw with {@link #add(int, byte[])}.
 *
 * <pre>{@code
 * NdpOptionsBuilder options = new NdpOptionsBuilder()
 *         .sourceLinkLayerAddress(mac)
 *         .mtu(1500)
 *         .prefixInformation(new PrefixInformationBuilder().prefixLength(64).onLink(true).autonomous(true)
 *                 .validLifetime(2_592_000).preferredLifetime(604_800).prefix(Ipv6Address.parse("2001:db8::")))
 *         .recursiveDnsServers(new RecursiveDnsServerBuilder().lifetime(1800), List.of(dns));
 * Serializer ra = Serializer.of(options)
 *         .encapsulate(new RouterAdvertisementBuilder().currentHopLimit(64).routerLifetime(1800))
 *         .encapsulate(new Icmpv6HeaderBuilder().type(Icmpv6Type.ROUTER_ADVERTISEMENT)
 *                 .addresses(routerLinkLocal, Ipv6.ALL_NODES_LINK_LOCAL_MULTICAST));
 * }</pre>
 *
 * A builder can be cleared and reused without allocating for options of the sizes it has seen; it
 * is not thread-safe.
 */
public final class NdpOptionsBuilder implements InnerPacketBuilder {
    private final OptionsBuilder options = new OptionsBuilder(NdpOptionFormat.FORMAT);
    private final LinkLayerAddressOptionBuilder linkLayerAddress = new LinkLayerAddressOptionBuilder();
    private final SerializeTarget target = new SerializeTarget();
    private final PacketBuffer body = PacketBuffer.wrap(new byte[0]);
    private byte[] scratch = new byte[64];

    /** No options yet. */
    public NdpOptionsBuilder() {}

    /** Adds a Source Link-Layer Address option carrying an Ethernet address (8 bytes). */
    public NdpOptionsBuilder sourceLinkLayerAddress(MacAddress address) {
        return linkLayerAddress(NdpOptions.SOURCE_LINK_LAYER_ADDRESS, address);
    }

    /** Adds a Target Link-Layer Address option carrying an Ethernet address (8 bytes). */
    public NdpOptionsBuilder targetLinkLayerAddress(MacAddress address) {
        return linkLayerAddress(NdpOptions.TARGET_LINK_LAYER_ADDRESS, address);
    }

    private NdpOptionsBuilder linkLayerAddress(int type, MacAddress address) {
        linkLayerAddress.address(Objects.requireNonNull(address, "address"));
        return typed(type, linkLayerAddress, null, 0, 0);
    }

    /** Adds a Prefix Information option (32 bytes) with the fields of {@code value}. */
    public NdpOptionsBuilder prefixInformation(PrefixInformationBuilder value) {
        return typed(NdpOptions.PREFIX_INFORMATION, value, null, 0, 0);
    }

    /**
     * Adds a Redirected Header option: six reserved bytes, then {@code packet[offset, offset + length)},
     * zero-padded to a multiple of 8. The caller cuts the packet so that the redirect stays within
     * the minimum IPv6 MTU (RFC 4861 section 4.6.3).
     */
    public NdpOptionsBuilder redirectedHeader(byte[] packet, int offset, int length) {
        return redirectedHeader(new RedirectedHeaderBuilder(), packet, offset, length);
    }

    /** As {@link #redirectedHeader(byte[], int, int)}, with the reserved bytes of {@code value} (zero unless overridden). */
    public NdpOptionsBuilder redirectedHeader(RedirectedHeaderBuilder value, byte[] packet, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, packet.length);
        return typed(NdpOptions.REDIRECTED_HEADER, value, packet, offset, length);
    }

    /** Adds an MTU option (8 bytes). */
    public NdpOptionsBuilder mtu(long mtu) {
        return mtu(new MtuOptionBuilder().mtu(mtu));
    }

    /** Adds an MTU option (8 bytes) with the fields of {@code value}. */
    public NdpOptionsBuilder mtu(MtuOptionBuilder value) {
        return typed(NdpOptions.MTU, value, null, 0, 0);
    }

    /**
     * Adds a Nonce option (RFC 3971 section 5.3.2) whose value is {@code nonce}.
     *
     * @throws IllegalArgumentException if the nonce is shorter than 6 bytes or does not make the
     *     option a multiple of 8 bytes (6, 14, 22, ... bytes), since padding would change it
     */
    public NdpOptionsBuilder nonce(byte[] nonce) {
        if (nonce.length < NdpOptions.MIN_NONCE_LENGTH || (nonce.length + 2) % 8 != 0) {
            throw new IllegalArgumentException("a nonce is 6, 14, 22, ... bytes so that its option needs no padding, not "
                    + nonce.length);
        }
        options.add(NdpOptions.NONCE, nonce);
        return this;
    }

    /**
     * Adds a Route Information option (RFC 4191) carrying as few prefix bytes as the prefix length
     * allows: none for length 0, 8 up to length 64, else 16 (option length 1, 2 or 3).
     *
     * @throws IllegalArgumentException if {@code prefixLength} is not 0 to 128 or the lifetime does not fit 32 bits
     */
    public NdpOptionsBuilder routeInformation(int prefixLength, RoutePreference preference, long routeLifetime,
            Ipv6Address prefix) {
        if (prefixLength < 0 || prefixLength > 128) {
            throw new IllegalArgumentException("prefix length out of range: " + prefixLength);
        }
        int prefixBytes = prefixLength == 0 ? 0 : prefixLength <= 64 ? 8 : 16;
        return routeInformation(new RouteInformationBuilder().prefixLength(prefixLength).routePreference(preference)
                .routeLifetime(routeLifetime), prefix, prefixBytes);
    }

    /**
     * Adds a Route Information option with the fields of {@code value} and exactly
     * {@code prefixBytes} bytes of {@code prefix} (0, 8 or 16): the form that can also say what RFC
     * 4191 allows but does not require, such as a /48 in 16 bytes.
     *
     * @throws IllegalArgumentException if {@code prefixBytes} is not 0, 8 or 16
     */
    public NdpOptionsBuilder routeInformation(RouteInformationBuilder value, Ipv6Address prefix, int prefixBytes) {
        if (prefixBytes != 0 && prefixBytes != 8 && prefixBytes != 16) {
            throw new IllegalArgumentException("a route prefix takes 0, 8 or 16 bytes, not " + prefixBytes);
        }
        return typed(NdpOptions.ROUTE_INFORMATION, value, prefix.toByteArray(), 0, prefixBytes);
    }

    /**
     * Adds a Recursive DNS Server option (RFC 8106) with the lifetime of {@code value} and the servers.
     *
     * @throws IllegalArgumentException if {@code servers} is empty or has more than 127 addresses
     */
    public NdpOptionsBuilder recursiveDnsServers(RecursiveDnsServerBuilder value, List<Ipv6Address> servers) {
        if (servers.isEmpty() || servers.size() > 127) {
            throw new IllegalArgumentException("an RDNSS option lists 1 to 127 servers, not " + servers.size());
        }
        byte[] bytes = new byte[servers.size() * 16];
        for (int i = 0; i < servers.size(); i++) {
            servers.get(i).write(bytes, 16 * i);
        }
        return typed(NdpOptions.RECURSIVE_DNS_SERVER, value, bytes, 0, bytes.length);
    }

    /**
     * Adds an option of any type with a raw value (everything after the type and length bytes),
     * zero-padded to a multiple of 8.
     *
     * @throws IllegalArgumentException if the type is not 0 to 255 or the value is longer than 2038 bytes
     * @throws IllegalStateException beyond 64 options
     */
    public NdpOptionsBuilder add(int type, byte[] value) {
        options.add(type, value);
        return this;
    }

    /** As {@link #add(int, byte[])} with the value {@code value[offset, offset + length)}. */
    public NdpOptionsBuilder add(int type, byte[] value, int offset, int length) {
        options.add(type, value, offset, length);
        return this;
    }

    /** Removes every option, keeping the internal arrays. */
    public NdpOptionsBuilder clear() {
        options.clear();
        return this;
    }

    /** The number of options added. */
    public int count() {
        return options.count();
    }

    @Override
    public int bytesLength() {
        return options.regionLength(0);
    }

    @Override
    public void writeBytes(byte[] array, int offset) {
        options.write(array, offset, bytesLength());
    }

    /**
     * Writes an option value: the fixed fields through the generated {@code fixed} builder, then
     * {@code rest[restOffset, restOffset + restLength)}, and adds it with {@code type}.
     */
    private NdpOptionsBuilder typed(int type, PacketBuilder fixed, byte[] rest, int restOffset, int restLength) {
        int header = fixed.constraints().headerLength();
        int total = header + restLength;
        if (scratch.length < total) {
            scratch = Arrays.copyOf(scratch, Math.max(total, 2 * scratch.length));
        }
        if (restLength > 0) {
            System.arraycopy(rest, restOffset, scratch, header, restLength);
        }
        fixed.serialize(target.set(scratch, 0, header, total, 0), body.rewrap(scratch, header, restLength));
        options.add(type, scratch, 0, total);
        return this;
    }
}
