package io.zerowire.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.protocols.testing.Frames;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.link.MacAddress;
import io.zerowire.protocols.arp.Arp;
import io.zerowire.protocols.arp.ArpBuilder;
import io.zerowire.protocols.arp.ArpOperation;
import io.zerowire.protocols.arp.ArpPackets;
import io.zerowire.protocols.ethernet.EtherType;
import io.zerowire.protocols.ethernet.Ethernet;
import io.zerowire.protocols.ethernet.EthernetFrames;
import io.zerowire.protocols.ethernet.EthernetFrames.MinimumLength;
import io.zerowire.protocols.ethernet.VlanTag;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ipv4.Ipv4Builder;
import io.zerowire.protocols.ipv4.Ipv4Packet;
import io.zerowire.serialize.Serializer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The README's Ethernet, ARP and IPv4 snippets, run on frames from the protocols builders. */
class ProtocolSnippetsTest {
    private static final Ipv4Address ME = Ipv4Address.parse("192.0.2.1");
    private static final Ipv4Address PEER = Ipv4Address.parse("192.0.2.10");
    private static final MacAddress MY_MAC = MacAddress.parse("02:00:5e:00:53:01");
    private static final MacAddress PEER_MAC = MacAddress.parse("02:00:5e:00:53:0a");

    @Test
    void everyVlanTagIsParsedAndTheQinqFrameBuiltParsesBackToThePayload() throws Exception {
        byte[] payload = Frames.payload(50);
        PacketBuffer plain = PacketBuffer.wrap(Frames.ethernet(Serializer.of(payload), EtherType.IPV4, PEER_MAC, MY_MAC));
        PacketBuffer qinq = EthernetSnippet.wrapAndBuild(plain, new Ethernet(), new VlanTag(), payload, PEER_MAC, MY_MAC);
        assertThat(plain.bodyLength()).as("an untagged frame's body").isEqualTo(payload.length);

        Ethernet eth = new Ethernet();
        VlanTag tag = new VlanTag();
        EthernetSnippet.wrapAndBuild(qinq, eth, tag, payload, PEER_MAC, MY_MAC);

        assertThat(eth.destination()).isEqualTo(PEER_MAC);
        assertThat(eth.source()).isEqualTo(MY_MAC);
        assertThat(eth.etherType()).isEqualTo(EtherType.QINQ);
        assertThat(tag.vlanId()).as("the innermost, customer tag").isEqualTo(100);
        assertThat(tag.etherType()).isEqualTo(EtherType.IPV4);
        assertThat(Arrays.copyOfRange(qinq.array(), qinq.bodyStart(), qinq.bodyEnd())).isEqualTo(payload);
    }

    @Test
    void anArpRequestIsAnsweredInTheArrayItArrivedIn() throws Exception {
        byte[] request = Frames.ethernet(Serializer.of(new byte[0]).encapsulate(new ArpBuilder()
                .operation(ArpOperation.REQUEST).senderHardwareAddress(PEER_MAC).senderProtocolAddress(PEER)
                .targetProtocolAddress(ME)), EtherType.ARP, PEER_MAC, MacAddress.BROADCAST);
        PacketBuffer buffer = PacketBuffer.wrap(request);
        EthernetFrames.wrap(new Ethernet(), buffer, MinimumLength.IGNORE);

        PacketBuffer reply = ArpSnippet.reply(buffer, new Arp(), MY_MAC, ME);

        assertThat(reply.array()).isSameAs(request);
        Ethernet eth = EthernetFrames.wrap(new Ethernet(), reply, MinimumLength.CHECK);
        assertThat(eth.destination()).isEqualTo(PEER_MAC);
        assertThat(eth.source()).isEqualTo(MY_MAC);
        assertThat(eth.etherType()).isEqualTo(EtherType.ARP);
        Arp arp = ArpPackets.wrap(new Arp(), reply);
        assertThat(arp.operation()).isEqualTo(ArpOperation.REPLY);
        assertThat(arp.senderHardwareAddress()).isEqualTo(MY_MAC);
        assertThat(arp.senderProtocolAddress()).isEqualTo(ME);
        assertThat(arp.targetHardwareAddress()).isEqualTo(PEER_MAC);
        assertThat(arp.targetProtocolAddress()).isEqualTo(PEER);
    }

    @Test
    void theTtlIsDecrementedWithAValidChecksumAndTheReportCarriesARouterAlert() throws Exception {
        byte[] received = Serializer.of(Frames.payload(12)).encapsulate(new Ipv4Builder().ttl(64)
                .protocol(IpProtocol.UDP).source(PEER).destination(ME)).serialize().toByteArray();
        byte[] report = Frames.payload(16);

        PacketBuffer built = Ipv4Snippet.forwardAndBuild(PacketBuffer.wrap(received), report, ME);

        Ipv4Packet forwarded = Ipv4Packet.parse(PacketBuffer.wrap(received));   // verifies the checksum
        assertThat(forwarded.hopLimit()).isEqualTo(63);
        byte[] packet = built.toByteArray();
        Ipv4Packet ip = Ipv4Packet.parse(PacketBuffer.wrap(packet));
        assertThat(ip.hopLimit()).isEqualTo(1);
        assertThat(ip.transportProtocol()).isEqualTo(IpProtocol.IGMP);
        assertThat(ip.destination()).isEqualTo(Ipv4Address.parse("224.0.0.22"));
        assertThat(ip.headerLength()).isEqualTo(24);
        assertThat(Arrays.copyOfRange(packet, 20, 24)).containsExactly(0x94, 0x04, 0, 0);
        assertThat(Arrays.copyOfRange(packet, 24, packet.length)).isEqualTo(report);
    }
}
