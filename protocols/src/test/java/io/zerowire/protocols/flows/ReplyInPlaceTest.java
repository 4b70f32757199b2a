package io.zerowire.protocols.flows;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.link.MacAddress;
import io.zerowire.pcap.LinkType;
import io.zerowire.pcap.PcapWriter;
import io.zerowire.protocols.ethernet.EtherType;
import io.zerowire.protocols.ethernet.EthernetBuilder;
import io.zerowire.protocols.framing.Framing;
import io.zerowire.protocols.icmp.IcmpMessageBuilder;
import io.zerowire.protocols.icmp.IcmpUnreachableCode;
import io.zerowire.protocols.icmpv6.Icmpv6Errors;
import io.zerowire.protocols.icmpv6.Icmpv6HeaderBuilder;
import io.zerowire.protocols.icmpv6.Icmpv6Type;
import io.zerowire.protocols.icmpv6.PacketTooBigBuilder;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ipv4.Ipv4Builder;
import io.zerowire.protocols.ipv6.Ipv6HeaderBuilder;
import io.zerowire.protocols.stack.Dissector;
import io.zerowire.protocols.stack.Layer;
import io.zerowire.protocols.tcp.TcpLayout;
import io.zerowire.protocols.tcp.TcpV4Builder;
import io.zerowire.protocols.testing.Corpus;
import io.zerowire.protocols.testing.Tshark;
import io.zerowire.protocols.udp.UdpV4Builder;
import io.zerowire.protocols.udp.UdpV6Builder;
import io.zerowire.serialize.BufferProvider;
import io.zerowire.serialize.PacketConstraints;
import io.zerowire.serialize.Serializer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The design's answer flows, on real and built frames, with tshark judging the answers: a TCP ACK
 * serialized into the received array, and ICMP / ICMPv6 errors that quote the offending datagram
 * through {@code undoParse} and a truncating serializer, within 576 and 1280 bytes.
 */
class ReplyInPlaceTest {
    private static final MacAddress US = MacAddress.of(0x02_00_00_00_00_0aL);
    private static final Ipv4Address US_V4 = Ipv4Address.of(192, 0, 2, 10);
    private static final Ipv6Address US_V6 = Ipv6Address.parse("2001:db8::a");

    /**
     * Every captured Ethernet/IPv4 TCP segment with data (and good checksums) is answered with an ACK
     * written into its own array: the headers go where the old ones were, the old payload's bytes
     * become the Ethernet padding, zeroed.
     */
    @Test
    void aTcpAckGoesOutInTheReceivedArray() throws Exception {
        Dissector d = new Dissector();
        List<byte[]> acks = new ArrayList<>();
        List<Long> expectedAcks = new ArrayList<>();
        for (Corpus.Frame frame : Corpus.ethernetFrames()) {
            byte[] received = frame.bytes().clone();
            PacketBuffer buffer = PacketBuffer.wrap(received);
            d.dissect(Framing.ETHERNET, buffer);
            if (!d.has(Layer.TCP) || !d.has(Layer.IPV4) || d.vlanCount() > 0 || d.checksumBad(Layer.TCP)
                    || d.checksumBad(Layer.IPV4) || buffer.bodyLength() < 6 || d.tcp().layout().syn()
                    || d.tcp().layout().fin()) {
                continue;
            }
            TcpLayout<?> tcp = d.tcp().layout();
            long ack = (tcp.sequenceNumber() + buffer.bodyLength()) & 0xFFFF_FFFFL;
            Ipv4Address peer = d.ipv4().source();
            Ipv4Address self = d.ipv4().destination();
            MacAddress peerMac = d.ethernet().source();
            MacAddress selfMac = d.ethernet().destination();
            TcpV4Builder reply = new TcpV4Builder().sourcePort(tcp.destinationPort())
                    .destinationPort(tcp.sourcePort()).sequenceNumber(tcp.acknowledgmentNumber())
                    .acknowledgmentNumber(ack).ack(true).window(tcp.window()).addresses(self, peer);

            buffer.shrinkBackTo(0);   // the answer carries no data: the body is empty, in place
            PacketBuffer out = buffer
                    .encapsulate(reply)
                    .encapsulate(new Ipv4Builder().ttl(64).protocol(IpProtocol.TCP).source(self).destination(peer))
                    .encapsulate(new EthernetBuilder().source(selfMac).destination(peerMac).etherType(EtherType.IPV4))
                    .serialize(BufferProvider.reuse());

            assertThat(out.array()).as("%s: no new array", frame.name()).isSameAs(received);
            byte[] sent = out.toByteArray();
            assertThat(sent).hasSize(60);
            assertThat(Arrays.copyOfRange(sent, 54, 60)).as("padding leaks no old payload byte").containsOnly(0);
            acks.add(sent);
            expectedAcks.add(ack);
        }
        assertThat(acks).hasSizeGreaterThan(20);

        Map<Integer, Tshark.Packet> tshark = Tshark.dissect(write(acks, "acks"));
        for (int i = 0; i < acks.size(); i++) {
            Tshark.Packet p = tshark.get(i + 1);
            assertThat(p.first("ip.checksum.status")).as("ack %d ip checksum", i).isEqualTo("1");
            assertThat(p.first("tcp.checksum.status")).as("ack %d tcp checksum", i).isEqualTo("1");
            assertThat(p.first("tcp.ack_raw")).as("ack %d", i).isEqualTo(String.valueOf(expectedAcks.get(i)));
            assertThat(p.first("tcp.flags")).isEqualTo("0x0010");
        }
    }

    /**
     * A 1500-byte UDP datagram to a closed port is answered with a port unreachable that quotes it:
     * the received frame is un-parsed back to the IPv4 datagram, which a truncating serializer cuts
     * so that the whole ICMP error is 576 bytes, written into the received array.
     */
    @Test
    void aPortUnreachableQuotesTheDatagramWithin576Bytes() throws Exception {
        Ipv4Address sender = Ipv4Address.of(198, 51, 100, 7);
        MacAddress senderMac = MacAddress.of(0x02_00_00_00_00_07L);
        byte[] received = Serializer.of(payload(1472))
                .encapsulate(new UdpV4Builder().sourcePort(40000).destinationPort(9).addresses(sender, US_V4))
                .encapsulate(new Ipv4Builder().ttl(64).identification(0x1234).protocol(IpProtocol.UDP)
                        .source(sender).destination(US_V4))
                .encapsulate(new EthernetBuilder().source(senderMac).destination(US).etherType(EtherType.IPV4))
                .serialize().toByteArray();
        byte[] original = received.clone();

        PacketBuffer buffer = PacketBuffer.wrap(received);
        Dissector d = new Dissector().dissect(Framing.ETHERNET, buffer);
        assertThat(d.has(Layer.UDP)).isTrue();
        d.udp().undoParse(buffer);
        d.ipv4().undoParse(buffer);   // the body is the whole offending IPv4 datagram again
        assertThat(buffer.bodyLength()).isEqualTo(1500);

        PacketBuffer ip = IcmpMessageBuilder.destinationUnreachable(IcmpUnreachableCode.PORT).quoting(buffer)
                .encapsulate(new Ipv4Builder().ttl(64).protocol(IpProtocol.ICMP).source(US_V4).destination(sender))
                .serialize(PacketConstraints.maxBody(IcmpMessageBuilder.ERROR_DATAGRAM_LIMIT), BufferProvider.reuse());
        PacketBuffer frame = ip
                .encapsulate(new EthernetBuilder().source(US).destination(senderMac).etherType(EtherType.IPV4))
                .serialize(BufferProvider.reuse());

        assertThat(frame.array()).isSameAs(received);
        byte[] sent = frame.toByteArray();
        assertThat(sent).hasSize(14 + 576);
        // The quote is the datagram as received, cut at the end.
        assertThat(Arrays.copyOfRange(sent, 14 + 20 + 8, sent.length))
                .isEqualTo(Arrays.copyOfRange(original, 14, 14 + 576 - 28));

        Tshark.Packet p = Tshark.dissect(write(List.of(sent), "unreachable")).get(1);
        assertThat(p.first("icmp.type")).isEqualTo("3");
        assertThat(p.first("icmp.code")).isEqualTo("3");
        assertThat(p.first("icmp.checksum.status")).isEqualTo("1");
        assertThat(p.first("ip.checksum.status")).isEqualTo("1");
        assertThat(p.all("ip.src")).containsExactly(US_V4.toString(), sender.toString());
        assertThat(p.first("udp.dstport")).isEqualTo("9");
        assertThat(p.first("ip.len")).isEqualTo("576");
    }

    /** The IPv6 counterpart: a packet too big for a 1280-byte link, quoting the packet, within 1280 bytes. */
    @Test
    void aPacketTooBigQuotesThePacketWithin1280Bytes() throws Exception {
        Ipv6Address sender = Ipv6Address.parse("2001:db8::7");
        MacAddress senderMac = MacAddress.of(0x02_00_00_00_00_07L);
        byte[] received = Serializer.of(payload(1452))
                .encapsulate(new UdpV6Builder().sourcePort(40000).destinationPort(5001).addresses(sender, US_V6))
                .encapsulate(new Ipv6HeaderBuilder().hopLimit(64).nextHeader(IpProtocol.UDP)
                        .source(sender).destination(US_V6))
                .encapsulate(new EthernetBuilder().source(senderMac).destination(US).etherType(EtherType.IPV6))
                .serialize().toByteArray();
        byte[] original = received.clone();

        PacketBuffer buffer = PacketBuffer.wrap(received);
        Dissector d = new Dissector().dissect(Framing.ETHERNET, buffer);
        assertThat(d.has(Layer.UDP)).isTrue();
        d.udp().undoParse(buffer);
        d.ipv6().undoParse(buffer);
        assertThat(buffer.bodyLength()).isEqualTo(1500);

        PacketBuffer frame = Icmpv6Errors.quoting(buffer, new PacketTooBigBuilder().mtu(1280),
                        new Icmpv6HeaderBuilder().type(Icmpv6Type.PACKET_TOO_BIG).addresses(US_V6, sender))
                .encapsulate(new Ipv6HeaderBuilder().hopLimit(64).nextHeader(IpProtocol.IPV6_ICMP)
                        .source(US_V6).destination(sender))
                .encapsulate(new EthernetBuilder().source(US).destination(senderMac).etherType(EtherType.IPV6))
                .serialize(BufferProvider.reuse());

        assertThat(frame.array()).isSameAs(received);
        byte[] sent = frame.toByteArray();
        assertThat(sent).hasSize(14 + 1280);
        assertThat(Arrays.copyOfRange(sent, 14 + 40 + 8, sent.length))
                .isEqualTo(Arrays.copyOfRange(original, 14, 14 + 1280 - 48));

        Tshark.Packet p = Tshark.dissect(write(List.of(sent), "too-big")).get(1);
        assertThat(p.first("icmpv6.type")).isEqualTo("2");
        assertThat(p.first("icmpv6.mtu")).isEqualTo("1280");
        assertThat(p.first("icmpv6.checksum.status")).isEqualTo("1");
        assertThat(p.first("ipv6.plen")).isEqualTo("1240");
        assertThat(p.all("ipv6.src")).containsExactly(US_V6.toString(), sender.toString());
    }

    private static byte[] payload(int length) {
        byte[] payload = new byte[length];
        for (int i = 0; i < length; i++) {
            payload[i] = (byte) (i * 31 + 7);
        }
        return payload;
    }

    /** The frames as a pcap file under target/, for tshark. */
    private static Path write(List<byte[]> frames, String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "flows"));
        Path file = dir.resolve(name + "-" + System.nanoTime() + ".pcap");
        try (PcapWriter writer = PcapWriter.builder(LinkType.ETHERNET).open(file)) {
            for (byte[] f : frames) {
                writer.write(0, 0, PacketBuffer.wrap(f));
            }
        }
        return file;
    }
}
