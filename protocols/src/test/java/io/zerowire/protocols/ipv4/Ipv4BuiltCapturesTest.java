package io.zerowire.protocols.ipv4;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.Bytes;
import io.zerowire.buffer.PacketBuffer;
import io.zerowire.checksum.InternetChecksum;
import io.zerowire.checksum.PseudoHeader;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.parse.ParseException;
import io.zerowire.pcap.LinkType;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.testing.Corpus;
import io.zerowire.pcap.testing.TestEnvironment;
import io.zerowire.protocols.testing.Tshark;
import io.zerowire.serialize.Serializer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Packets this module builds, written as captures of every link type it reads (raw IPv4, raw IP,
 * Ethernet with 0, 1 and 2 VLAN tags, Linux cooked v1 and v2, null) and dissected by tshark: every
 * typed option method in its variants, options of odd shapes, random headers with random option
 * lists, UDP behind source routes (tshark verifies its checksum over our pseudo-header
 * destination), a total length of 0 and a broken option list. And every captured IPv4 packet,
 * forwarded in place (TTL, addresses and DSCP edited through the setters), whose checksum tshark
 * must find good.
 */
class Ipv4BuiltCapturesTest {
    private static final int RANDOM_PACKETS = 300;

    private record Sample(String label, byte[] packet, boolean udpChecksummed) {}

    @Test
    void builtPacketsOfEveryLinkTypeAgreeWithTshark() throws Exception {
        TestEnvironment.requireTshark();
        List<Sample> samples = samples();
        Ipv4Comparison comparison = new Ipv4Comparison();
        Map<String, Integer> udpGood = new HashMap<>();
        for (LinkType link : BuiltCaptures.LINK_TYPES) {
            List<byte[]> frames = new ArrayList<>();
            for (int i = 0; i < samples.size(); i++) {
                frames.add(BuiltCaptures.frame(link, samples.get(i).packet(), i));
            }
            Path file = BuiltCaptures.write("ipv4-built", link, frames);
            Map<Integer, Tshark.Packet> dissection = Tshark.dissect(file);
            Ipv4Packet ip = new Ipv4Packet();
            for (int i = 0; i < samples.size(); i++) {
                byte[] frame = frames.get(i);
                String name = link.name() + "#" + (i + 1) + " " + samples.get(i).label();
                Tshark.Packet t = dissection.get(i + 1);
                int at = LinkFrames.ipv4Offset(link, frame);
                assertThat(at).as(name).isNotNegative();
                PacketBuffer buffer = PacketBuffer.wrap(frame.clone());
                buffer.shrinkFront(at);
                try {
                    ip.wrap(buffer);
                } catch (ParseException e) {
                    comparison.rejected(name, e, frame, at, t);
                    continue;
                }
                if (link.equals(LinkType.ETHERNET)) {
                    comparison.check(name, "eth.padding+trailer",
                            buffer.suffixLength() == Ipv4TsharkTest.linkTrailerLength(t),
                            "we trim " + buffer.suffixLength() + ", tshark " + t.all("eth.padding"));
                }
                comparison.parsed(name, ip, t, buffer.suffixLength());
                if (samples.get(i).udpChecksummed()) {
                    comparison.equal(name, "udp.checksum.status", t.first("udp.checksum.status"), "1");
                    udpGood.merge(link.name(), 1, Integer::sum);
                }
            }
        }
        comparison.print("built IPv4 vs tshark, " + samples.size() + " packets x " + BuiltCaptures.LINK_TYPES.size()
                + " link types");
        assertThat(comparison.disagreements).as("disagreements with tshark").isEmpty();
        int links = BuiltCaptures.LINK_TYPES.size();
        assertThat(comparison.oddOptionHeaders).isEqualTo(Ipv4Samples.oddShapes().size() * links);
        assertThat(comparison.rejected).as("total length 0 and a broken option list").isEqualTo(2 * links);
        assertThat(comparison.compared).containsKeys(Ipv4Comparison.OPTION_FIELDS.toArray(String[]::new));
        assertThat(comparison.compared).containsKeys("ip.cur_rt", "ip (segmentation offload)", "ip (parameter problem)");
        assertThat(udpGood.values()).allMatch(n -> n == 4).hasSize(links);
    }

    private static List<Sample> samples() throws Exception {
        List<Sample> samples = new ArrayList<>();
        Random r = new Random(791);
        int n = 0;
        for (Consumer<Ipv4OptionsBuilder> c : Ipv4Samples.catalogue()) {
            samples.add(sample("catalogue " + n++, r, c, true));
        }
        n = 0;
        for (Consumer<Ipv4OptionsBuilder> c : Ipv4Samples.oddShapes()) {
            samples.add(sample("odd shape " + n++, r, c, true));
        }
        for (int i = 0; i < RANDOM_PACKETS; i++) {
            byte[] payload = new byte[r.nextInt(40)];
            r.nextBytes(payload);
            samples.add(new Sample("random " + i, Serializer.of(payload)
                    .encapsulate(Ipv4Samples.randomHeader(r, Ipv4Samples.randomOptions(r), false)).serialize()
                    .toByteArray(), false));
        }
        Ipv4Address a = Ipv4Samples.address("10.0.0.1");
        Ipv4Address last = Ipv4Samples.address("203.0.113.9");
        Ipv4Address header = Ipv4Samples.address("198.51.100.2");
        // UDP checksummed over the final destination of a source route with hops left, else over the header's.
        samples.add(udp("udp loose route", new Ipv4OptionsBuilder().looseSourceRoute(a, last), header, last));
        samples.add(udp("udp strict route", new Ipv4OptionsBuilder().nop().strictSourceRoute(last), header, last));
        samples.add(udp("udp exhausted route", new Ipv4OptionsBuilder()
                .route(Ipv4Options.LOOSE_SOURCE_ROUTE, 12, a, last), header, header));
        samples.add(udp("udp record route", new Ipv4OptionsBuilder().recordRoute(2), header, header));
        // Total length 0, as segmentation offload leaves it.
        samples.add(new Sample("total length 0", Serializer.of(new byte[100]).encapsulate(new Ipv4Builder().ttl(64)
                .protocol(IpProtocol.TCP).totalLength(0).source(a).destination(header)).serialize().toByteArray(), false));
        // An option whose length runs past the header, the checksum made right for it.
        byte[] broken = Serializer.of(new byte[8]).encapsulate(new Ipv4Builder().ttl(64).protocol(IpProtocol.of(253))
                .source(a).destination(header).options(new Ipv4OptionsBuilder().nop().routerAlert(0).optionsBuilder()))
                .serialize().toByteArray();
        broken[Ipv4.FIXED_LENGTH + 2] = 9;
        Bytes.putU16(broken, Ipv4.HEADER_CHECKSUM_OFFSET, 0);
        Bytes.putU16(broken, Ipv4.HEADER_CHECKSUM_OFFSET, InternetChecksum.compute(broken, 0, 28));
        samples.add(new Sample("option past the header", broken, false));
        return samples;
    }

    private static Sample sample(String label, Random r, Consumer<Ipv4OptionsBuilder> options, boolean whole)
            throws Exception {
        Ipv4OptionsBuilder o = new Ipv4OptionsBuilder();
        options.accept(o);
        byte[] payload = new byte[r.nextInt(30)];
        r.nextBytes(payload);
        return new Sample(label, Serializer.of(payload).encapsulate(Ipv4Samples.randomHeader(r, o, whole)).serialize()
                .toByteArray(), false);
    }

    private static Sample udp(String label, Ipv4OptionsBuilder options, Ipv4Address destination,
            Ipv4Address pseudoHeaderDestination) throws Exception {
        Ipv4Address source = Ipv4Samples.address("192.0.2.1");
        byte[] udp = {0x13, (byte) 0x88, 0x00, 0x07, 0, 13, 0, 0, 'h', 'e', 'l', 'l', 'o'};
        InternetChecksum sum = PseudoHeader.addIpv4(new InternetChecksum(), source.bits(),
                pseudoHeaderDestination.bits(), IpProtocol.UDP.value(), udp.length);
        int checksum = sum.add(udp, 0, udp.length).checksum();
        Bytes.putU16(udp, 6, checksum == 0 ? 0xFFFF : checksum);
        byte[] packet = Serializer.of(udp).encapsulate(new Ipv4Builder().ttl(64).protocol(IpProtocol.UDP)
                .source(source).destination(destination).options(options.optionsBuilder())).serialize().toByteArray();
        return new Sample(label, packet, true);
    }

    @Test
    void forwardedCapturedPacketsKeepAChecksumTsharkFindsGood() throws Exception {
        Map<LinkType, List<byte[]>> forwarded = new HashMap<>();
        int edits = 0;
        Ipv4Packet ip = new Ipv4Packet();
        Random r = new Random(1624);
        for (Corpus.Frame frame : Corpus.allFrames()) {
            int at = LinkFrames.ipv4Offset(frame);
            if (at < 0) {
                continue;
            }
            byte[] bytes = frame.bytes().clone();
            PacketBuffer buffer = PacketBuffer.wrap(bytes);
            buffer.shrinkFront(at);
            try {
                ip.wrap(buffer);   // checksum verified: only packets whose checksum is good
            } catch (ParseException e) {
                continue;
            }
            Ipv4 h = ip.header();
            h.setTtl(h.ttl() == 0 ? 255 : h.ttl() - 1);
            if (r.nextBoolean()) {
                h.setSource(Ipv4Address.of(r.nextInt())).setDestination(Ipv4Address.of(r.nextInt()));
            } else if (r.nextBoolean()) {
                h.setSourceBits(r.nextInt()).setDestinationBits(r.nextInt());
            }
            if (r.nextInt(4) == 0) {
                h.setDscp(r.nextInt(64)).setEcn(r.nextInt(4)).setIdentification(r.nextInt(0x10000));
            }
            edits++;
            assertThat(h.checksumValid()).as(frame.name()).isTrue();
            int incremental = h.headerChecksum();
            h.setHeaderChecksum(0);
            assertThat(InternetChecksum.compute(h.array(), h.offset(), h.headerLength()))
                    .as(frame.name() + ": incremental update equals a full recompute").isEqualTo(incremental);
            h.setHeaderChecksum(incremental);
            forwarded.computeIfAbsent(frame.linkType(), k -> new ArrayList<>()).add(bytes);
        }
        int good = 0;
        for (Map.Entry<LinkType, List<byte[]>> entry : forwarded.entrySet()) {
            Map<Integer, Tshark.Packet> dissection = Tshark.dissect(
                    BuiltCaptures.write("ipv4-forwarded", entry.getKey(), entry.getValue()));
            for (int i = 0; i < entry.getValue().size(); i++) {
                assertThat(dissection.get(i + 1).first("ip.checksum.status"))
                        .as("%s #%d", entry.getKey(), i + 1).isEqualTo("1");
                good++;
            }
        }
        System.out.printf("forwarded: %d captured IPv4 packets edited in place, %d checksums good for tshark%n", edits,
                good);
        assertThat(good).isEqualTo(edits).isGreaterThan(1000);
    }
}
