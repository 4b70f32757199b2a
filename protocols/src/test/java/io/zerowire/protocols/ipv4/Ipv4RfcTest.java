package io.zerowire.protocols.ipv4;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.options.OptionsIterator;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.serialize.Serializer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The examples and formats of RFC 791 (Appendix A and section 3.1), RFC 1108, RFC 1624 and RFC
 * 2113, byte for byte. RFC 791's examples give no addresses and no checksum: the addresses are
 * picked here, and the checksum is checked with RFC 1071's definition written out in
 * {@link #rfc1071Checksum}, independently of the runtime's.
 */
class Ipv4RfcTest {
    private static final Ipv4Address SOURCE = Ipv4Address.parse("10.1.2.3");
    private static final Ipv4Address DESTINATION = Ipv4Address.parse("10.4.5.6");

    static byte[] hex(String text) {
        String digits = text.replace(" ", "");
        byte[] b = new byte[digits.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    /** RFC 1071 section 1: the one's complement of the one's complement sum of the 16-bit words. */
    static int rfc1071Checksum(byte[] header, int length) {
        long sum = 0;
        for (int i = 0; i < length; i += 2) {
            sum += ((header[i] & 0xFF) << 8) | (header[i + 1] & 0xFF);
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }
        return (int) (~sum & 0xFFFF);
    }

    /** The header bytes with the checksum field zeroed, for comparing with a figure that has none. */
    private static byte[] withoutChecksum(byte[] packet, int headerLength) {
        byte[] header = Arrays.copyOf(packet, headerLength);
        header[Ipv4.HEADER_CHECKSUM_OFFSET] = 0;
        header[Ipv4.HEADER_CHECKSUM_OFFSET + 1] = 0;
        return header;
    }

    private static void assertChecksum(byte[] packet, int headerLength) {
        int checksum = ((packet[10] & 0xFF) << 8) | (packet[11] & 0xFF);
        assertThat(checksum).isEqualTo(rfc1071Checksum(withoutChecksum(packet, headerLength), headerLength));
    }

    @Test
    void rfc791Example1MinimalDatagram() throws Exception {
        // Ver 4, IHL 5, ToS 0, Total Length 21, Identification 111, Flg 0, Offset 0, Time 123, Protocol 1, one data octet.
        byte[] packet = Serializer.of(new byte[] {42}).encapsulate(new Ipv4Builder().identification(111).ttl(123)
                .protocol(IpProtocol.ICMP).source(SOURCE).destination(DESTINATION)).serialize().toByteArray();
        assertThat(withoutChecksum(packet, 20)).isEqualTo(hex("4500 0015 006f 0000 7b01 0000 0a010203 0a040506"));
        assertThat(packet).hasSize(21).endsWith(42);
        assertChecksum(packet, 20);
        Ipv4Packet ip = Ipv4Packet.parse(PacketBuffer.wrap(packet));
        assertThat(ip.payloadLength()).isEqualTo(1);
        assertThat(ip.transportProtocol()).isSameAs(IpProtocol.ICMP);
    }

    @Test
    void rfc791Example2Fragments() throws Exception {
        // 452 data octets cut for a 280-octet MTU: 256 with MF, then 196 at offset 32 (256 / 8).
        byte[] first = Serializer.of(new byte[256]).encapsulate(new Ipv4Builder().identification(111).moreFragments(true)
                .ttl(119).protocol(IpProtocol.TCP).source(SOURCE).destination(DESTINATION)).serialize().toByteArray();
        byte[] second = Serializer.of(new byte[196]).encapsulate(new Ipv4Builder().identification(111)
                .fragmentOffset(32).ttl(119).protocol(IpProtocol.TCP).source(SOURCE).destination(DESTINATION))
                .serialize().toByteArray();
        assertThat(withoutChecksum(first, 20)).isEqualTo(hex("4500 0114 006f 2000 7706 0000 0a010203 0a040506"));
        assertThat(withoutChecksum(second, 20)).isEqualTo(hex("4500 00d8 006f 0020 7706 0000 0a010203 0a040506"));
        assertChecksum(first, 20);
        assertChecksum(second, 20);
        Ipv4Packet a = Ipv4Packet.parse(PacketBuffer.wrap(first));
        Ipv4Packet b = Ipv4Packet.parse(PacketBuffer.wrap(second));
        assertThat(a.isFragment()).isTrue();
        assertThat(b.isFragment()).isTrue();
        assertThat(b.fragmentOffsetBytes()).isEqualTo(a.payloadLength());
        assertThat(a.payloadLength() + b.payloadLength()).isEqualTo(452);
    }

    @Test
    void rfc791Example3OptionsWithNopAndEol() throws Exception {
        // IHL 8, Total Length 576, options: x len 3, x len 4, NOP, y len 3, EOL (x and y unspecified: 0x1e, 0x5e).
        Ipv4OptionsBuilder options = new Ipv4OptionsBuilder().raw(0x1e, hex("aa")).raw(0x1e, hex("bbcc")).nop()
                .raw(0x5e, hex("dd")).endOfList();
        byte[] packet = Serializer.of(new byte[544]).encapsulate(new Ipv4Builder().identification(111).ttl(123)
                .protocol(IpProtocol.TCP).source(SOURCE).destination(DESTINATION).options(options.optionsBuilder()))
                .serialize().toByteArray();
        assertThat(withoutChecksum(packet, 32)).isEqualTo(hex(
                "4800 0240 006f 0000 7b06 0000 0a010203 0a040506 1e03aa 1e04bbcc 01 5e03dd 00"));
        assertChecksum(packet, 32);
        OptionsIterator it = Ipv4Packet.parse(PacketBuffer.wrap(packet)).header().options();
        int[] kinds = new int[4];
        for (int i = 0; it.next(); i++) {
            kinds[i] = it.kind();
        }
        assertThat(kinds).containsExactly(0x1e, 0x1e, Ipv4Options.NOP, 0x5e);
        assertThat(it.hasEndOfList()).isTrue();
    }

    @Test
    void rfc1624IncrementalUpdateGivesZeroNotMinusZero() throws Exception {
        // RFC 1624 section 5: the other header words sum to 0xCD7A and a field m = 0x5555 gives HC = 0xDD2F;
        // m' = 0x3285 must give HC' = 0x0000 (RFC 1141's equation gave 0xFFFF). Here m is the identification and
        // 0x4500 + 0x0014 + 0x4011 + 0x4855 + 0x0000 + 0x0000 + 0x0000 = 0xCD7A.
        byte[] packet = Serializer.of(new byte[0]).encapsulate(new Ipv4Builder().identification(0x5555).ttl(0x40)
                .protocol(IpProtocol.UDP).source(Ipv4Address.parse("72.85.0.0")).destination(Ipv4Address.of(0)))
                .serialize().toByteArray();
        Ipv4 header = Ipv4Packet.parse(PacketBuffer.wrap(packet)).header();
        assertThat(header.headerChecksum()).isEqualTo(0xDD2F);
        header.setIdentification(0x3285);
        assertThat(header.headerChecksum()).isEqualTo(0x0000);
        assertThat(header.checksumValid()).isTrue();
        assertThat(rfc1071Checksum(withoutChecksum(packet, 20), 20)).as("a full recompute").isZero();
    }

    @Test
    void optionFormatsOfRfc791Rfc1108AndRfc2113() {
        assertThat(encode(o -> o.routerAlert(0))).isEqualTo(hex("94040000"));
        assertThat(encode(o -> o.streamId(0x1234))).isEqualTo(hex("88041234"));
        assertThat(encode(o -> o.recordRoute(2))).isEqualTo(hex("070b04 00000000 00000000 00"));
        assertThat(encode(o -> o.looseSourceRoute(SOURCE, DESTINATION))).isEqualTo(hex("830b04 0a010203 0a040506 00"));
        assertThat(encode(o -> o.strictSourceRoute(SOURCE))).isEqualTo(hex("890704 0a010203 00"));
        assertThat(encode(o -> o.route(Ipv4Options.RECORD_ROUTE, 8, SOURCE, Ipv4Address.of(0))))
                .isEqualTo(hex("070b08 0a010203 00000000 00"));
        assertThat(encode(o -> o.timestamps(2))).isEqualTo(hex("440c0500 00000000 00000000"));
        assertThat(encode(o -> o.timestampsWithAddresses(1))).isEqualTo(hex("440c0501 00000000 00000000"));
        assertThat(encode(o -> o.timestampsPrespecified(SOURCE))).isEqualTo(hex("440c0503 0a010203 00000000"));
        assertThat(encode(o -> o.timestamp(9, 3, Ipv4Options.TIMESTAMP_ONLY, 0x01020304L, 0)))
                .isEqualTo(hex("440c0930 01020304 00000000"));
        assertThat(encode(o -> o.security(Ipv4Options.SECURITY_SECRET, 0x0102, Ipv4Samples.ascii("AB"),
                Ipv4Samples.ascii("XYZ")))).isEqualTo(hex("820b d788 0102 4142 58595a 00"));
        assertThat(encode(o -> o.basicSecurity(0x5A, (byte) 0x81, (byte) 0x20))).isEqualTo(hex("82055a8120 000000"));
        assertThat(encode(o -> o.nop().nop().nop().nop())).isEqualTo(hex("01010101"));
        assertThat(encode(o -> o.nop().endOfList())).isEqualTo(hex("01000000"));
        assertThat(encode(o -> o.raw(25, hex("0102030405")))).as("padding: EOL then zeros").isEqualTo(hex("1907010203040500"));
    }

    static byte[] encode(java.util.function.Consumer<Ipv4OptionsBuilder> options) {
        Ipv4OptionsBuilder o = new Ipv4OptionsBuilder();
        options.accept(o);
        int region = o.headerLength() - Ipv4.FIXED_LENGTH;
        byte[] bytes = new byte[region];
        Arrays.fill(bytes, (byte) 0x77);
        o.optionsBuilder().write(bytes, 0, region);
        return bytes;
    }
}
