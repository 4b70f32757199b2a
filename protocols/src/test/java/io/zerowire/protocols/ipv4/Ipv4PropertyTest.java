package io.zerowire.protocols.ipv4;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.checksum.InternetChecksum;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.serialize.Serializer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Random valid IPv4 headers with random option lists (every typed option, in their RFC shapes,
 * NOP and EOL included): built, padded as a link would, parsed back with {@link Ipv4Packet}, every
 * field and option is what was asked for, and rebuilding the parsed view gives the same bytes.
 * And the setters keep the checksum equal to a full recompute through any sequence of edits.
 */
class Ipv4PropertyTest {
    @Property(tries = 1000)
    void randomHeadersParseBackToWhatWasBuilt(@ForAll long seed, @ForAll @IntRange(max = 40) int padding)
            throws Exception {
        Random r = new Random(seed);
        Ipv4OptionsBuilder options = Ipv4Samples.randomOptions(r);
        int dscp = r.nextInt(64);
        int ecn = r.nextInt(4);
        int id = r.nextInt(0x10000);
        boolean df = r.nextBoolean();
        boolean mf = r.nextInt(4) == 0;
        int offset = r.nextInt(4) == 0 ? r.nextInt(0x2000) : 0;
        int ttl = r.nextInt(256);
        IpProtocol protocol = IpProtocol.of(r.nextInt(256));
        Ipv4Address source = Ipv4Address.of(r.nextInt());
        Ipv4Address destination = Ipv4Address.of(r.nextInt());
        byte[] payload = new byte[r.nextInt(100)];
        r.nextBytes(payload);
        byte[] packet = Serializer.of(payload).encapsulate(new Ipv4Builder().dscp(dscp).ecn(ecn).identification(id)
                .dontFragment(df).moreFragments(mf).fragmentOffset(offset).ttl(ttl).protocol(protocol).source(source)
                .destination(destination).options(options.optionsBuilder())).serialize().toByteArray();
        byte[] frame = Arrays.copyOf(packet, packet.length + padding);
        Arrays.fill(frame, packet.length, frame.length, (byte) 0xA5);

        PacketBuffer buffer = PacketBuffer.wrap(frame);
        Ipv4Packet ip = Ipv4Packet.parse(buffer);
        Ipv4 h = ip.header();
        assertThat(h.version()).isEqualTo(4);
        assertThat(h.dscp()).isEqualTo(dscp);
        assertThat(h.ecn()).isEqualTo(ecn);
        assertThat(h.identification()).isEqualTo(id);
        assertThat(h.reservedFlag()).isFalse();
        assertThat(h.dontFragment()).isEqualTo(df);
        assertThat(h.moreFragments()).isEqualTo(mf);
        assertThat(h.fragmentOffset()).isEqualTo(offset);
        assertThat(ip.isFragment()).isEqualTo(mf || offset != 0);
        assertThat(ip.hopLimit()).isEqualTo(ttl);
        assertThat(ip.transportProtocol()).isEqualTo(protocol);
        assertThat(ip.source()).isEqualTo(source);
        assertThat(ip.destination()).isEqualTo(destination);
        assertThat(ip.headerLength()).isEqualTo(options.headerLength()).isEqualTo(20 + (options.encodedLength() + 3) / 4 * 4);
        assertThat(h.totalLength()).isEqualTo(packet.length);
        assertThat(ip.payloadLength()).isEqualTo(payload.length).isEqualTo(buffer.bodyLength());
        assertThat(Arrays.copyOfRange(frame, ip.payloadOffset(), ip.payloadOffset() + ip.payloadLength())).isEqualTo(payload);
        assertThat(buffer.suffixLength()).isEqualTo(padding);
        assertThat(h.options().count()).isEqualTo(options.optionsBuilder().count());
        assertThat(h.options().hasEndOfList()).as("an EOL added, or one starting the padding")
                .isEqualTo(options.optionsBuilder().isEnded() || options.encodedLength() % 4 != 0);

        byte[] rebuilt = Serializer.of(payload).encapsulate(Ipv4Rebuild.of(h, new HashMap<>())).serialize().toByteArray();
        assertThat(rebuilt).isEqualTo(packet);
    }

    @Property(tries = 1000)
    void settersKeepTheChecksumEqualToAFullRecompute(@ForAll long seed) throws Exception {
        Random r = new Random(seed);
        byte[] packet = Serializer.of(new byte[r.nextInt(20)])
                .encapsulate(Ipv4Samples.randomHeader(r, Ipv4Samples.randomOptions(r), false)).serialize().toByteArray();
        Ipv4 h = Ipv4Packet.parse(PacketBuffer.wrap(packet)).header();
        for (int edit = 0; edit < 8; edit++) {
            switch (r.nextInt(12)) {
                case 0 -> h.setTtl(r.nextInt(256));
                case 1 -> h.setSource(Ipv4Address.of(r.nextInt()));
                case 2 -> h.setDestination(Ipv4Address.of(r.nextInt()));
                case 3 -> h.setDscp(r.nextInt(64));
                case 4 -> h.setEcn(r.nextInt(4));
                case 5 -> h.setIdentification(r.nextInt(0x10000));
                case 6 -> h.setDontFragment(r.nextBoolean()).setMoreFragments(r.nextBoolean());
                case 7 -> h.setFragmentOffset(r.nextInt(0x2000));
                case 8 -> h.setProtocol(IpProtocol.of(r.nextInt(256)));
                case 9 -> {
                    int bits = r.nextInt();
                    assertThat(h.setSourceBits(bits).source()).isEqualTo(Ipv4Address.of(bits));
                }
                case 10 -> {
                    int bits = r.nextInt();
                    assertThat(h.setDestinationBits(bits).destination()).isEqualTo(Ipv4Address.of(bits));
                }
                default -> h.setTtl(h.ttl() == 0 ? 0 : h.ttl() - 1);
            }
            assertThat(h.checksumValid()).isTrue();
            int incremental = h.headerChecksum();
            byte[] copy = Arrays.copyOfRange(h.array(), h.offset(), h.offset() + h.headerLength());
            copy[Ipv4.HEADER_CHECKSUM_OFFSET] = 0;
            copy[Ipv4.HEADER_CHECKSUM_OFFSET + 1] = 0;
            assertThat(incremental).isEqualTo(InternetChecksum.compute(copy, 0, copy.length))
                    .isEqualTo(Ipv4RfcTest.rfc1071Checksum(copy, copy.length));
        }
    }
}
