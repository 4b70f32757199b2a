package io.zerowire.protocols.ipv6;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.parse.ParseException;
import io.zerowire.serialize.PacketBuilder;
import io.zerowire.serialize.Serializer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every IPv6 packet of the captures that parses, rebuilt from its parsed views around its original
 * payload, gives the same bytes: once layer by layer (the generated builders with {@code copyFrom},
 * the routing builders, each next header copied) and once with {@link Ipv6PacketBuilder}, which
 * links the next header fields itself and builds jumbograms.
 */
class Ipv6RoundTripTest {
    private final List<String> mismatches = new ArrayList<>();

    @Test
    void rebuiltPacketsAreByteIdentical() throws Exception {
        int packets = 0;
        int layered = 0;
        int composite = 0;
        int withExtensions = 0;
        int jumbograms = 0;
        int[] routing = new int[3]; // type 0, SRH, opaque
        Ipv6Packet ip = new Ipv6Packet();
        for (Ipv6Frames.Located l : Ipv6Frames.all()) {
            try {
                ip.wrap(l.buffer());
            } catch (ParseException e) {
                continue;
            }
            packets++;
            byte[] array = ip.array();
            byte[] expected = Arrays.copyOfRange(array, ip.offset(), ip.payloadOffset() + ip.payloadLength());
            byte[] payload = Arrays.copyOfRange(array, ip.payloadOffset(), ip.payloadOffset() + ip.payloadLength());
            if (ip.extensionHeaderCount() > 0) {
                withExtensions++;
            }
            if (ip.isJumbogram()) {
                jumbograms++;
            } else {
                // The generated fixed-header builder cannot describe more than 65,535 bytes: only the composite builds jumbograms.
                Serializer layers = Serializer.of(payload);
                for (int i = ip.extensionHeaderCount() - 1; i >= 0; i--) {
                    layers = layers.encapsulate(Ipv6Rebuild.builderFor(ip, i, routing));
                }
                layers = layers.encapsulate(new Ipv6HeaderBuilder().copyFrom(ip.header()));
                compare(l, "layers", expected, layers.serialize().toByteArray());
                layered++;
            }
            Ipv6PacketBuilder chain = Ipv6Rebuild.compositeFor(ip, routing);
            if (chain != null) {
                compare(l, "Ipv6PacketBuilder", expected, Serializer.of(payload).encapsulate(chain).serialize().toByteArray());
                composite++;
            }
        }
        System.out.printf("ipv6 round trip: %d packets (%d with extension headers, %d jumbograms), %d rebuilt layer by"
                + " layer, %d with Ipv6PacketBuilder; routing headers: %d type 0, %d SRH, %d opaque%n", packets,
                withExtensions, jumbograms, layered, composite, routing[0], routing[1], routing[2]);
        assertThat(mismatches).isEmpty();
        assertThat(packets).isGreaterThan(240);
        assertThat(withExtensions).isGreaterThan(30);
        assertThat(jumbograms).isEqualTo(2);
        assertThat(composite).isEqualTo(packets);
        assertThat(routing[0]).isPositive();
        assertThat(routing[1]).isPositive();
        assertThat(routing[2]).isPositive();
    }

    private void compare(Ipv6Frames.Located l, String how, byte[] expected, byte[] actual) {
        if (!Arrays.equals(expected, actual)) {
            int at = Arrays.mismatch(expected, actual);
            mismatches.add(l.frame().name() + " " + how + ": first difference at byte " + at + ", captured "
                    + hex(expected, at) + ", rebuilt " + hex(actual, at));
        }
    }

    private static String hex(byte[] bytes, int at) {
        int from = Math.max(0, at - 4);
        int to = Math.min(bytes.length, at + 12);
        return from >= to ? "(end)" : HexFormat.of().formatHex(bytes, from, to);
    }

    /** The builder of extension header {@code i}, from a view of it. */
}
