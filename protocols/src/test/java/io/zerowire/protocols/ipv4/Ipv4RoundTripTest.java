package io.zerowire.protocols.ipv4;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.checksum.InternetChecksum;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.testing.Corpus;
import io.zerowire.protocols.testing.Tshark;
import io.zerowire.serialize.Serializer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every IPv4 packet of every capture, on every link type, that parses: rebuilt from the parsed view
 * with {@link Ipv4Builder} and the typed methods of {@link Ipv4OptionsBuilder} around its payload,
 * it is byte-identical to the captured packet, options and option padding included. The one named
 * exception: a header whose captured checksum is wrong (tshark's {@code ip.checksum.status} 0,
 * transmit offload or a fuzzed file) gets a checksum that verifies, every other byte equal.
 */
class Ipv4RoundTripTest {
    @Test
    void everyCapturedIpv4PacketRebuildsByteForByte() throws Exception {
        List<String> mismatches = new ArrayList<>();
        Map<String, Integer> methods = new TreeMap<>();
        int packets = 0;
        int withOptions = 0;
        int badChecksums = 0;
        Ipv4Packet ip = new Ipv4Packet();
        for (Corpus.Capture capture : Corpus.captures()) {
            for (Corpus.Frame frame : capture.frames()) {
                int at = LinkFrames.ipv4Offset(frame);
                if (at < 0) {
                    continue;
                }
                PacketBuffer buffer = PacketBuffer.wrap(frame.bytes().clone());
                buffer.shrinkFront(at);
                try {
                    ip.wrapUnverified(buffer);
                } catch (ParseException e) {
                    continue;
                }
                packets++;
                Ipv4 h = ip.header();
                if (h.headerLength() > Ipv4.FIXED_LENGTH) {
                    withOptions++;
                }
                byte[] captured = Arrays.copyOfRange(frame.bytes(), at, at + h.totalLength());
                byte[] payload = Arrays.copyOfRange(frame.bytes(), ip.payloadOffset(), ip.payloadOffset() + ip.payloadLength());
                byte[] rebuilt = Serializer.of(payload).encapsulate(Ipv4Rebuild.of(h, methods)).serialize().toByteArray();
                if (!h.checksumValid()) {
                    badChecksums++;
                    assertThat(Tshark.dissect(capture.file()).get(frame.number()).first("ip.checksum.status"))
                            .as(frame.name() + ": tshark finds the captured checksum bad too").isEqualTo("0");
                    if (!InternetChecksum.verify(rebuilt, 0, h.headerLength())) {
                        mismatches.add(frame.name() + ": rebuilt checksum does not verify");
                    }
                    rebuilt[Ipv4.HEADER_CHECKSUM_OFFSET] = captured[Ipv4.HEADER_CHECKSUM_OFFSET];
                    rebuilt[Ipv4.HEADER_CHECKSUM_OFFSET + 1] = captured[Ipv4.HEADER_CHECKSUM_OFFSET + 1];
                }
                if (!Arrays.equals(captured, rebuilt)) {
                    mismatches.add(frame.name() + ": captured " + hex(captured, h.headerLength()) + ", rebuilt "
                            + hex(rebuilt, h.headerLength()));
                }
            }
        }
        System.out.printf("IPv4 round trip: %d packets (%d with options, %d with a bad captured checksum), typed "
                + "option methods used %s%n", packets, withOptions, badChecksums, methods);
        assertThat(mismatches).isEmpty();
        assertThat(packets).isGreaterThan(1400);
        assertThat(withOptions).isGreaterThanOrEqualTo(50);
        assertThat(badChecksums).isPositive();
        assertThat(methods).doesNotContainKey("raw").containsKey("routerAlert");
    }

    /** Round trip of every catalogue sample and of random headers: parse, rebuild, same bytes. */
    @Test
    void builtPacketsRebuildByteForByte() throws Exception {
        Map<String, Integer> methods = new TreeMap<>();
        java.util.Random r = new java.util.Random(2113);
        List<java.util.function.Consumer<Ipv4OptionsBuilder>> all = new ArrayList<>(Ipv4Samples.catalogue());
        all.addAll(Ipv4Samples.oddShapes());
        for (java.util.function.Consumer<Ipv4OptionsBuilder> c : all) {
            Ipv4OptionsBuilder o = new Ipv4OptionsBuilder();
            c.accept(o);
            byte[] packet = Serializer.of(new byte[] {1, 2, 3}).encapsulate(Ipv4Samples.randomHeader(r, o, false))
                    .serialize().toByteArray();
            Ipv4Packet ip = Ipv4Packet.parse(PacketBuffer.wrap(packet.clone()));
            byte[] rebuilt = Serializer.of(new byte[] {1, 2, 3}).encapsulate(Ipv4Rebuild.of(ip.header(), methods))
                    .serialize().toByteArray();
            assertThat(rebuilt).as(ip.toString()).isEqualTo(packet);
        }
        assertThat(methods).containsKeys("nop", "endOfList", "routerAlert", "streamId", "route", "timestamp",
                "security", "basicSecurity", "raw");
    }

    private static String hex(byte[] bytes, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(length, bytes.length); i++) {
            text.append(String.format("%02x", bytes[i] & 0xFF));
        }
        return text.toString();
    }
}
