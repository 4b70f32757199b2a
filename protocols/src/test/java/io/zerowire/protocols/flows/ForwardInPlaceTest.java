package io.zerowire.protocols.flows;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.link.MacAddress;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.ethernet.EtherType;
import io.zerowire.protocols.ethernet.Ethernet;
import io.zerowire.protocols.ethernet.EthernetBuilder;
import io.zerowire.protocols.ethernet.EthernetFrames;
import io.zerowire.protocols.ipv4.Ipv4;
import io.zerowire.protocols.ipv4.Ipv4Builder;
import io.zerowire.protocols.ipv6.Ipv6HeaderBuilder;
import io.zerowire.protocols.ipv6.Ipv6Packet;
import io.zerowire.protocols.testing.Corpus;
import io.zerowire.serialize.Serializer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The design's forwarding flow: parse a received frame, decrement the TTL (with an incremental
 * checksum update) or the hop limit, undo the parse, rewrite the Ethernet addresses, and send the
 * same array. Checked on every untagged Ethernet/IPv4 frame of the captures whose header checksum
 * is right and every Ethernet/IPv6 frame that parses: the same array comes back, it validates, and
 * it equals the frame built from scratch by the builders.
 */
class ForwardInPlaceTest {
    private static final MacAddress ROUTER = MacAddress.of(0x02_00_5e_00_00_01L);
    private static final MacAddress NEXT_HOP = MacAddress.of(0x02_00_5e_00_00_02L);

    /** Forwards {@code frame} in place; returns the array to send, or null if the TTL ran out. */
    static byte[] forward(byte[] frame, Ethernet eth, Ipv4 ip) throws ParseException {
        PacketBuffer buffer = PacketBuffer.wrap(frame);
        EthernetFrames.wrap(eth, buffer, EthernetFrames.MinimumLength.IGNORE);
        ip.wrap(buffer);                          // verifies the header checksum
        if (ip.ttl() <= 1) {
            return null;                          // time exceeded: an ICMP error instead
        }
        ip.setTtl(ip.ttl() - 1);                  // RFC 1624 update, no full recompute
        ip.undoParse(buffer);
        eth.undoParse(buffer);
        eth.setSource(ROUTER).setDestination(NEXT_HOP);
        return buffer.array();
    }

    @Test
    void everyCapturedIpv4FrameIsForwardedInItsOwnArray() throws Exception {
        Ethernet eth = new Ethernet();
        Ipv4 ip = new Ipv4();
        int forwarded = 0;
        for (Corpus.Frame frame : Corpus.ethernetFrames()) {
            byte[] original = frame.bytes();
            PacketBuffer probe = PacketBuffer.wrap(original.clone());
            Ipv4 parsed;
            try {
                if (!EthernetFrames.parse(probe).etherType().equals(EtherType.IPV4)) {
                    continue;
                }
                parsed = Ipv4.parse(probe);
            } catch (ParseException e) {
                continue;
            }
            if (parsed.ttl() <= 1) {
                continue;
            }
            int end = parsed.bodyOffset() + parsed.bodyLength();
            byte[] expected = Serializer.of(Arrays.copyOfRange(original, parsed.bodyOffset(), end))
                    .encapsulate(new Ipv4Builder().copyFrom(parsed).ttl(parsed.ttl() - 1))
                    .encapsulate(new EthernetBuilder().source(ROUTER).destination(NEXT_HOP).etherType(EtherType.IPV4))
                    .serialize().toByteArray();

            byte[] received = original.clone();
            byte[] sent = forward(received, eth, ip);
            assertThat(sent).as(frame.name()).isSameAs(received);
            assertThat(Arrays.copyOf(sent, end)).as(frame.name()).isEqualTo(Arrays.copyOf(expected, end));
            assertThat(Arrays.copyOfRange(sent, end, sent.length)).as("%s: bytes after the datagram untouched", frame.name())
                    .isEqualTo(Arrays.copyOfRange(original, end, original.length));
            PacketBuffer check = PacketBuffer.wrap(sent);
            EthernetFrames.parse(check);
            assertThat(Ipv4.parse(check).ttl()).isEqualTo(parsed.ttl() - 1);
            forwarded++;
        }
        assertThat(forwarded).isGreaterThan(500);
    }

    /** Forwards an IPv6 frame in place; returns the array to send, or null if the hop limit ran out. */
    static byte[] forward(byte[] frame, Ethernet eth, Ipv6Packet ip) throws ParseException {
        PacketBuffer buffer = PacketBuffer.wrap(frame);
        EthernetFrames.wrap(eth, buffer, EthernetFrames.MinimumLength.IGNORE);
        ip.wrap(buffer);                          // the whole extension chain, validated
        if (ip.hopLimit() <= 1) {
            return null;
        }
        ip.header().setHopLimit(ip.hopLimit() - 1);
        ip.undoParse(buffer);
        eth.undoParse(buffer);
        eth.setSourceBits(ROUTER.bits()).setDestinationBits(NEXT_HOP.bits());   // the allocation-free form
        return buffer.array();
    }

    @Test
    void everyCapturedIpv6FrameIsForwardedInItsOwnArray() throws Exception {
        Ethernet eth = new Ethernet();
        Ipv6Packet ip = new Ipv6Packet();
        int forwarded = 0;
        for (Corpus.Frame frame : Corpus.ethernetFrames()) {
            byte[] original = frame.bytes();
            PacketBuffer probe = PacketBuffer.wrap(original.clone());
            Ipv6Packet parsed;
            try {
                if (!EthernetFrames.parse(probe).etherType().equals(EtherType.IPV6)) {
                    continue;
                }
                parsed = Ipv6Packet.parse(probe);
            } catch (ParseException e) {
                continue;
            }
            if (parsed.hopLimit() <= 1 || parsed.isJumbogram()) {
                continue;
            }
            // Independently: the fixed header again with one hop less, over the chain and payload as received.
            int start = parsed.header().offset();
            int end = parsed.payloadOffset() + parsed.payloadLength();
            byte[] expected = Serializer.of(Arrays.copyOfRange(original, start + 40, end))
                    .encapsulate(new Ipv6HeaderBuilder().copyFrom(parsed.header()).hopLimit(parsed.hopLimit() - 1))
                    .encapsulate(new EthernetBuilder().source(ROUTER).destination(NEXT_HOP).etherType(EtherType.IPV6))
                    .serialize().toByteArray();

            byte[] received = original.clone();
            byte[] sent = forward(received, eth, ip);
            assertThat(sent).as(frame.name()).isSameAs(received);
            assertThat(Arrays.copyOf(sent, end)).as(frame.name()).isEqualTo(Arrays.copyOf(expected, end));
            PacketBuffer check = PacketBuffer.wrap(sent);
            EthernetFrames.parse(check);
            assertThat(Ipv6Packet.parse(check).hopLimit()).isEqualTo(parsed.hopLimit() - 1);
            forwarded++;
        }
        assertThat(forwarded).isGreaterThan(100);
    }
}
