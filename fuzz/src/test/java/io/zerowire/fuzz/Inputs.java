package io.zerowire.fuzz;

import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ipv4.Ipv4Builder;
import io.zerowire.protocols.ipv6.Ipv6HeaderBuilder;
import io.zerowire.serialize.Serializer;
import java.util.Arrays;

/**
 * How the targets that fuzz one message read their input, and how they put the message under an IP
 * header built by the builders, so that the whole stack sees it. The layouts (documented per target
 * and produced by {@link SeedCorpus}): a fixed prefix of addresses and the like, then the message;
 * an input shorter than the prefix is read as if padded with zeros.
 */
final class Inputs {
    private Inputs() {}

    /** {@code n} bytes of {@code input} from {@code from}, zero-padded past its end. */
    static byte[] take(byte[] input, int from, int n) {
        byte[] out = new byte[n];
        if (from < input.length) {
            System.arraycopy(input, from, out, 0, Math.min(n, input.length - from));
        }
        return out;
    }

    /** The bytes of {@code input} from {@code from} on (empty past its end). */
    static byte[] rest(byte[] input, int from) {
        return from >= input.length ? new byte[0] : Arrays.copyOfRange(input, from, input.length);
    }

    static Ipv4Address ipv4(byte[] input, int from) {
        return Ipv4Address.read(take(input, from, 4), 0);
    }

    static Ipv6Address ipv6(byte[] input, int from) {
        return Ipv6Address.read(take(input, from, 16), 0);
    }

    /** The most payload bytes an IP header without a jumbogram option can describe: what a message is cut to. */
    static final int MAX_IPV4_PAYLOAD = 65535 - 20;
    static final int MAX_IPV6_PAYLOAD = 65535;

    /** {@code message} (cut to {@link #MAX_IPV4_PAYLOAD}) as the payload of an IPv4 packet from {@code source} to {@code destination}. */
    static byte[] underIpv4(Ipv4Address source, Ipv4Address destination, IpProtocol protocol, byte[] message)
            throws Exception {
        return Serializer.of(Arrays.copyOf(message, Math.min(message.length, MAX_IPV4_PAYLOAD)))
                .encapsulate(new Ipv4Builder().ttl(64).protocol(protocol).source(source).destination(destination))
                .serialize().toByteArray();
    }

    /** {@code message} (cut to {@link #MAX_IPV6_PAYLOAD}) as the payload of an IPv6 packet from {@code source} to {@code destination}. */
    static byte[] underIpv6(Ipv6Address source, Ipv6Address destination, int hopLimit, IpProtocol protocol,
            byte[] message) throws Exception {
        return Serializer.of(Arrays.copyOf(message, Math.min(message.length, MAX_IPV6_PAYLOAD)))
                .encapsulate(new Ipv6HeaderBuilder().hopLimit(hopLimit).nextHeader(protocol).source(source)
                        .destination(destination))
                .serialize().toByteArray();
    }
}
