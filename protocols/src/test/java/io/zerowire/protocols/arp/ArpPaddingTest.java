package io.zerowire.protocols.arp;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.link.MacAddress;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.ethernet.EtherType;
import io.zerowire.protocols.ethernet.Ethernet;
import io.zerowire.protocols.ethernet.EthernetBuilder;
import io.zerowire.protocols.ethernet.EthernetFrames;
import io.zerowire.protocols.ethernet.VlanTag;
import io.zerowire.protocols.testing.Corpus;
import io.zerowire.serialize.BufferProvider;
import io.zerowire.serialize.Serializer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * ARP has no length field: {@link ArpPackets#wrap} moves what follows its 28 bytes (Ethernet
 * padding) into the suffix, so an ARP frame padded to 60 bytes parses to an empty body, rebuilds to
 * the same 60 bytes, and a reply built in the received buffer is padded with zeros again.
 */
class ArpPaddingTest {
    private static final MacAddress ASKER = MacAddress.parse("02:00:00:00:00:01");
    private static final MacAddress ME = MacAddress.parse("02:00:00:00:00:02");
    private static final Ipv4Address ASKER_IP = Ipv4Address.parse("192.0.2.1");
    private static final Ipv4Address MY_IP = Ipv4Address.parse("192.0.2.2");

    private static byte[] request(byte padding) throws Exception {
        byte[] frame = Serializer.of(new byte[0])
                .encapsulate(new ArpBuilder().operation(ArpOperation.REQUEST).senderHardwareAddress(ASKER)
                        .senderProtocolAddress(ASKER_IP).targetProtocolAddress(MY_IP))
                .encapsulate(new EthernetBuilder().destination(MacAddress.parse("ff:ff:ff:ff:ff:ff")).source(ASKER)
                        .etherType(EtherType.ARP))
                .serialize().toByteArray();
        Arrays.fill(frame, 14 + 28, frame.length, padding);
        return frame;
    }

    @Test
    void paddingMovesToTheSuffixAndUndoGivesItBack() throws Exception {
        byte[] frame = request((byte) 0xA5);
        assertThat(frame).hasSize(60);
        PacketBuffer buffer = PacketBuffer.wrap(frame);
        Ethernet eth = EthernetFrames.parse(buffer);
        Arp arp = ArpPackets.wrap(new Arp(), buffer);
        assertThat(buffer.prefixLength()).isEqualTo(14 + 28);
        assertThat(buffer.bodyLength()).isZero();
        assertThat(buffer.suffixLength()).isEqualTo(18);
        assertThat(arp.targetProtocolAddress()).isEqualTo(MY_IP);
        arp.undoParse(buffer);
        eth.undoParse(buffer);
        assertThat(buffer.bodyStart()).isZero();
        assertThat(buffer.bodyLength()).isEqualTo(60);
    }

    @Test
    void aReplyBuiltInTheReceivedBufferIsPaddedWithZeros() throws Exception {
        byte[] frame = request((byte) 0xFF);
        PacketBuffer buffer = PacketBuffer.wrap(frame);
        EthernetFrames.parse(buffer);
        Arp request = ArpPackets.parse(buffer);
        PacketBuffer reply = buffer
                .encapsulate(new ArpBuilder().operation(ArpOperation.REPLY).senderHardwareAddress(ME)
                        .senderProtocolAddress(MY_IP).targetHardwareAddress(request.senderHardwareAddress())
                        .targetProtocolAddress(request.senderProtocolAddress()))
                .encapsulate(new EthernetBuilder().destination(request.senderHardwareAddress()).source(ME)
                        .etherType(EtherType.ARP))
                .serialize(BufferProvider.reuse());
        assertThat(reply.array()).as("built in the received array").isSameAs(frame);
        assertThat(reply.bodyLength()).isEqualTo(60);
        byte[] bytes = reply.toByteArray();
        assertThat(Arrays.copyOfRange(bytes, 42, 60)).as("padding").containsOnly(0);
        PacketBuffer parsed = PacketBuffer.wrap(bytes);
        EthernetFrames.parse(parsed);
        Arp back = ArpPackets.parse(parsed);
        assertThat(back.operation()).isSameAs(ArpOperation.REPLY);
        assertThat(back.targetHardwareAddress()).isEqualTo(ASKER);
        assertThat(back.senderProtocolAddress()).isEqualTo(MY_IP);
    }

    @Test
    void everyCapturedArpFrameParsesToAnEmptyBodyAndRebuildsItsPadding() throws Exception {
        int frames = 0;
        int paddedTo60 = 0;
        int identical = 0;
        int nonZeroPadding = 0;
        for (Corpus.Frame frame : Corpus.ethernetFrames()) {
            PacketBuffer buffer = PacketBuffer.wrap(frame.bytes().clone());
            Ethernet eth;
            Arp arp;
            try {
                eth = EthernetFrames.parse(buffer);
                EtherType type = eth.etherType();
                while (type.isTag()) {
                    type = EthernetFrames.wrapTag(new VlanTag(), buffer).etherType();
                }
                if (!type.equals(EtherType.ARP)) {
                    continue;
                }
                arp = ArpPackets.parse(buffer);
            } catch (ParseException e) {
                continue;
            }
            frames++;
            int arpEnd = arp.offset() + Arp.FIXED_LENGTH;
            assertThat(buffer.bodyLength()).as(frame.name()).isZero();
            assertThat(buffer.suffixLength()).as(frame.name()).isEqualTo(frame.bytes().length - arpEnd);
            if (frame.bytes().length != 60 || arp.offset() != Ethernet.FIXED_LENGTH) {
                continue; // tagged frames: FrameRoundTripTest
            }
            paddedTo60++;
            byte[] rebuilt = buffer
                    .encapsulate(new ArpBuilder().operation(arp.operation())
                            .senderHardwareAddress(arp.senderHardwareAddress())
                            .senderProtocolAddress(arp.senderProtocolAddress())
                            .targetHardwareAddress(arp.targetHardwareAddress())
                            .targetProtocolAddress(arp.targetProtocolAddress()))
                    .encapsulate(new EthernetBuilder().destination(eth.destination()).source(eth.source())
                            .etherType(EtherType.ARP))
                    .serialize(BufferProvider.neverReuse()).toByteArray();
            assertThat(Arrays.copyOf(rebuilt, arpEnd)).as(frame.name()).isEqualTo(Arrays.copyOf(frame.bytes(), arpEnd));
            if (Arrays.equals(rebuilt, frame.bytes())) {
                identical++;
            } else {
                nonZeroPadding++;   // the builder pads with zeros, the sender did not
                assertThat(rebuilt).hasSize(60);
            }
        }
        System.out.printf("ARP padding: %d frames, %d padded to 60 bytes, %d rebuilt identical, %d with non-zero "
                + "padding rebuilt with zeros%n", frames, paddedTo60, identical, nonZeroPadding);
        assertThat(frames).isGreaterThan(2000);
        assertThat(identical).isGreaterThan(1300);
        assertThat(identical + nonZeroPadding).isEqualTo(paddedTo60);
    }
}
