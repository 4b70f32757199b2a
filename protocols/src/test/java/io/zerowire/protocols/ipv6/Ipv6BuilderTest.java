package io.zerowire.protocols.ipv6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerowire.buffer.Bytes;
import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.options.OptionsBuilder;
import io.zerowire.options.OptionsIterator;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.serialize.BufferProvider;
import io.zerowire.serialize.Serializer;
import io.zerowire.serialize.SizeLimitExceededException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The builders: random valid chains built then parsed give back every field; the chain builder
 * links next headers exactly as a hand-linked stack of layers; no stale bytes leak (the 0x00/0xFF
 * test); option alignment; jumbograms.
 */
class Ipv6BuilderTest {
    private static final Ipv6Address A = Ipv6Address.parse("2001:db8::1");
    private static final Ipv6Address B = Ipv6Address.parse("2001:db8::2");

    @Property(tries = 1000)
    void randomChainsBuiltThenParsedGiveTheirFields(@ForAll long seed) throws Exception {
        ChainSpec spec = ChainSpec.random(new Random(seed));
        PacketBuffer built = spec.layered().serialize();
        byte[] bytes = built.toByteArray();
        PacketBuffer buffer = PacketBuffer.wrap(bytes);
        Ipv6Packet ip = Ipv6Packet.parse(buffer);
        spec.verify(ip, buffer);
        if (spec.fitsComposite()) {
            // Ipv6PacketBuilder links the next header fields itself: the same bytes as the hand-linked layers.
            assertThat(spec.composite().serialize().toByteArray()).as(spec.toString()).isEqualTo(bytes);
        }
    }

    @Property(tries = 500)
    void zerosAndOnesGiveTheSameBytes(@ForAll long seed, @ForAll @IntRange(max = 64) int slack) throws Exception {
        ChainSpec spec = ChainSpec.random(new Random(seed));
        byte[] fresh = spec.layered().serialize().toByteArray();
        assertThat(serializeInto(spec.layered(), fresh.length + slack, (byte) 0)).isEqualTo(fresh);
        assertThat(serializeInto(spec.layered(), fresh.length + slack, (byte) 0xFF)).isEqualTo(fresh);
        if (spec.fitsComposite()) {
            assertThat(serializeInto(spec.composite(), fresh.length + slack, (byte) 0)).isEqualTo(fresh);
            assertThat(serializeInto(spec.composite(), fresh.length + slack, (byte) 0xFF)).isEqualTo(fresh);
        }
    }

    @Test
    void jumbogramsOverZerosAndOnes() throws Exception {
        byte[] payload = new byte[70_000];
        new Random(1).nextBytes(payload);
        byte[] fresh = Serializer.of(payload).encapsulate(jumbogram()).serialize().toByteArray();
        assertThat(serializeInto(Serializer.of(payload).encapsulate(jumbogram()), fresh.length + 3, (byte) 0)).isEqualTo(fresh);
        assertThat(serializeInto(Serializer.of(payload).encapsulate(jumbogram()), fresh.length + 3, (byte) 0xFF))
                .isEqualTo(fresh);
    }

    private static byte[] serializeInto(Serializer serializer, int capacity, byte fill) throws SizeLimitExceededException {
        byte[] scratch = new byte[capacity];
        Arrays.fill(scratch, fill);
        return serializer.serialize(BufferProvider.into(PacketBuffer.wrap(scratch))).toByteArray();
    }

    private static Ipv6PacketBuilder jumbogram() {
        OptionsBuilder hbh = Ipv6Options.addJumboPayload(new OptionsBuilder(Ipv6Options.FORMAT), 0);
        return new Ipv6PacketBuilder(new Ipv6HeaderBuilder().hopLimit(64).source(A).destination(B))
                .hopByHop(new HopByHopOptionsBuilder().options(hbh))
                .destinationOptions(new DestinationOptionsBuilder())
                .upperLayer(IpProtocol.UDP)
                .jumbogram(true);
    }

    @Test
    void aJumbogramCarriesItsLengthInTheJumboPayloadOption() throws Exception {
        byte[] payload = new byte[70_000];
        new Random(2).nextBytes(payload);
        PacketBuffer built = Serializer.of(payload).encapsulate(jumbogram()).serialize();
        byte[] bytes = built.toByteArray();
        assertThat(bytes).hasSize(40 + 8 + 8 + 70_000);
        assertThat(Bytes.u16(bytes, Ipv6Header.PAYLOAD_LENGTH_OFFSET)).isZero();
        // 00 00 | C2 04 <length> : the option at offset 2 of the Hop-by-Hop header, its 4n+2 alignment.
        assertThat(HexFormat.of().formatHex(bytes, 40, 48)).isEqualTo("3c00c204" + String.format("%08x", 8 + 8 + 70_000));

        PacketBuffer buffer = PacketBuffer.wrap(bytes);
        Ipv6Packet ip = Ipv6Packet.parse(buffer);
        assertThat(ip.isJumbogram()).isTrue();
        assertThat(ip.jumboPayloadLength()).isEqualTo(70_016);
        assertThat(ip.payloadLength()).isEqualTo(70_000);
        assertThat(ip.headerLength()).isEqualTo(56);
        assertThat(ip.transportProtocol()).isEqualTo(IpProtocol.UDP);
        assertThat(Arrays.copyOfRange(bytes, ip.payloadOffset(), bytes.length)).isEqualTo(payload);
    }

    @Test
    void aShortJumbogramIsPaddedBeyond65535Bytes() throws Exception {
        byte[] bytes = Serializer.of(new byte[] {1, 2, 3}).encapsulate(jumbogram()).serialize().toByteArray();
        Ipv6Packet ip = Ipv6Packet.parse(PacketBuffer.wrap(bytes));
        assertThat(ip.jumboPayloadLength()).isEqualTo(65_536);
        assertThat(ip.payloadLength()).isEqualTo(65_536 - 16);
        assertThat(Arrays.copyOfRange(bytes, 56, 60)).containsExactly(1, 2, 3, 0);
    }

    @Test
    void jumbogramsNeedTheirOptionAndNoFragmentHeader() {
        Ipv6PacketBuilder noOption = new Ipv6PacketBuilder(new Ipv6HeaderBuilder())
                .hopByHop(new HopByHopOptionsBuilder()).jumbogram(true);
        assertThatThrownBy(noOption::constraints).isInstanceOf(IllegalStateException.class).hasMessageContaining("Jumbo");
        Ipv6PacketBuilder noHopByHop = new Ipv6PacketBuilder(new Ipv6HeaderBuilder()).jumbogram(true);
        assertThatThrownBy(noHopByHop::constraints).isInstanceOf(IllegalStateException.class);
        Ipv6PacketBuilder fragment = jumbogram().fragment(new FragmentHeaderBuilder());
        assertThatThrownBy(fragment::constraints).isInstanceOf(IllegalStateException.class).hasMessageContaining("Fragment");
    }

    @Test
    void anOrdinaryPacketStopsAt65535Bytes() {
        Ipv6PacketBuilder ip = new Ipv6PacketBuilder(new Ipv6HeaderBuilder()).fragment(new FragmentHeaderBuilder());
        assertThatThrownBy(() -> Serializer.of(new byte[65_535 - 8 + 1]).encapsulate(ip).serialize())
                .isInstanceOf(SizeLimitExceededException.class);
        assertThatThrownBy(() -> Serializer.of(new byte[65_536]).encapsulate(new Ipv6HeaderBuilder()).serialize())
                .isInstanceOf(SizeLimitExceededException.class);
    }

    @Test
    void theChainBuilderLinksEveryNextHeader() throws Exception {
        byte[] bytes = Serializer.of(new byte[8]).encapsulate(new Ipv6PacketBuilder(new Ipv6HeaderBuilder())
                        .hopByHop(new HopByHopOptionsBuilder())
                        .destinationOptions(new DestinationOptionsBuilder())
                        .routing(new SegmentRoutingBuilder().segments(A))
                        .fragment(new FragmentHeaderBuilder())
                        .finalDestinationOptions(new DestinationOptionsBuilder())
                        .upperLayer(IpProtocol.TCP))
                .serialize().toByteArray();
        // Fixed 40 | HBH 8 | DestOpts 8 | SRH 24 | Fragment 8 | DestOpts 8 | payload 8
        assertThat(bytes).hasSize(104);
        assertThat(Bytes.u16(bytes, 4)).isEqualTo(64);
        assertThat(new int[] {bytes[6], bytes[40], bytes[48], bytes[56], bytes[80], bytes[88]})
                .containsExactly(0, 60, 43, 44, 60, 6);
        Ipv6Packet ip = Ipv6Packet.parse(PacketBuffer.wrap(bytes));
        assertThat(ip.extensionHeaderCount()).isEqualTo(5);
        assertThat(ip.transportProtocol()).isEqualTo(IpProtocol.TCP);
        assertThat(ip.isFragment()).isFalse(); // an atomic fragment
    }

    @Test
    void routerAlertAndJumboPayloadAreAligned() throws Exception {
        OptionsBuilder options = new OptionsBuilder(Ipv6Options.FORMAT);
        Ipv6Options.addRouterAlert(options, Ipv6Options.ROUTER_ALERT_MLD);      // at 2: 2n, no padding
        Ipv6Options.addJumboPayload(options, 0x12345678L);                      // at 6: 4n+2, no padding
        options.addU8(0x1E, 7);                                                   // at 12, 3 bytes
        Ipv6Options.addRouterAlert(options, 1);                                  // at 15: Pad1 first
        Ipv6Options.addJumboPayload(options, 0x10000);                           // at 20: PadN of 2 first
        byte[] bytes = Serializer.of(new byte[0]).encapsulate(new HopByHopOptionsBuilder().options(options))
                .serialize().toByteArray();
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo("0003" + "05020000" + "c20412345678" + "1e0107" + "00"
                + "05020001" + "0100" + "c20400010000" + "01020000");
        OptionsIterator it = HopByHopOptions.parse(PacketBuffer.wrap(bytes)).options();
        int alerts = 0;
        while (it.next()) {
            int offset = it.offset();
            if (it.kind() == Ipv6Options.ROUTER_ALERT) {
                assertThat(offset % 2).isZero();
                alerts++;
            } else if (it.kind() == Ipv6Options.JUMBO_PAYLOAD) {
                assertThat(offset % 4).isEqualTo(2);
            }
        }
        assertThat(alerts).isEqualTo(2);
        assertThatThrownBy(() -> Ipv6Options.addRouterAlert(new OptionsBuilder(RoutingHeaders.SRH_TLV_FORMAT), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ipv6Options.addJumboPayload(new OptionsBuilder(Ipv6Options.FORMAT), 1L << 32))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void optionPaddingUsesPad1AndPadN() throws Exception {
        // 2 + 3 (option) = 5: three bytes of padding, a PadN; 2 + 8 = 10: six bytes, one PadN of 4.
        byte[] three = Serializer.of(new byte[0]).encapsulate(new DestinationOptionsBuilder()
                .options(new OptionsBuilder(Ipv6Options.FORMAT).addU8(0x1E, 9))).serialize().toByteArray();
        assertThat(HexFormat.of().formatHex(three)).isEqualTo("0000" + "1e0109" + "010100");
        byte[] one = Serializer.of(new byte[0]).encapsulate(new DestinationOptionsBuilder()
                .options(new OptionsBuilder(Ipv6Options.FORMAT).add(0x1E, new byte[3]))).serialize().toByteArray();
        assertThat(HexFormat.of().formatHex(one)).isEqualTo("0000" + "1e03000000" + "00");
    }

    @Test
    void segmentRoutingTlvsArePaddedWithPadNOfType4() throws Exception {
        OptionsBuilder tlvs = new OptionsBuilder(RoutingHeaders.SRH_TLV_FORMAT).add(0x80, new byte[] {1});
        byte[] bytes = Serializer.of(new byte[0]).encapsulate(new SegmentRoutingBuilder().segments(A).tlvs(tlvs))
                .serialize().toByteArray();
        assertThat(bytes).hasSize(8 + 16 + 8);
        assertThat(HexFormat.of().formatHex(bytes, 0, 8)).isEqualTo("0003040000000000");
        assertThat(HexFormat.of().formatHex(bytes, 24, 32)).isEqualTo("800101" + "0403000000");
    }
}
