package io.zerowire.protocols;

import io.zerowire.protocols.testing.Corpus;
import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.checksum.InternetChecksum;
import io.zerowire.protocols.arp.Arp;
import io.zerowire.protocols.arp.ArpBuilder;
import io.zerowire.protocols.ethernet.Ethernet;
import io.zerowire.protocols.ethernet.EthernetBuilder;
import io.zerowire.protocols.ethernet.VlanTag;
import io.zerowire.protocols.ethernet.VlanTagBuilder;
import io.zerowire.protocols.ipv4.Ipv4;
import io.zerowire.protocols.ipv4.Ipv4Builder;
import io.zerowire.protocols.ipv4.Ipv4Rebuild;
import io.zerowire.serialize.PacketBuilder;
import io.zerowire.serialize.Serializer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every Ethernet, VLAN tag, ARP and IPv4 header parsed from the captures, rebuilt with the generated
 * builders around its original body, gives the same header bytes, options included (IPv4 options
 * through the typed methods of {@code Ipv4OptionsBuilder}). Where the
 * capture's IPv4 header checksum is wrong (transmit offload), only the checksum may differ, and the
 * rebuilt one must verify.
 */
class HeaderRoundTripTest {
    private final List<String> mismatches = new ArrayList<>();
    private int ethernet;
    private int tags;
    private int arp;
    private int ipv4;
    private int ipv4WithOptions;
    private int badChecksums;
    private final Map<String, Integer> optionMethods = new TreeMap<>();

    @Test
    void rebuiltHeadersAreByteIdentical() throws Exception {
        for (Corpus.Frame frame : Corpus.ethernetFrames()) {
            Dissection d = Dissection.of(frame.bytes());
            byte[] b = frame.bytes();
            if (d.ethernet != null) {
                Ethernet e = d.ethernet;
                ethernet++;
                compare(frame, "ethernet", b, e.offset(), Ethernet.FIXED_LENGTH, new EthernetBuilder()
                        .destination(e.destination()).source(e.source()).etherType(e.etherType()), -1);
            }
            for (VlanTag tag : d.tags) {
                tags++;
                compare(frame, "vlan", b, tag.offset(), VlanTag.FIXED_LENGTH, new VlanTagBuilder()
                        .priority(tag.priority()).dropEligible(tag.dropEligible()).vlanId(tag.vlanId())
                        .etherType(tag.etherType()), -1);
            }
            if (d.arp != null) {
                Arp a = d.arp;
                arp++;
                compare(frame, "arp", b, a.offset(), Arp.FIXED_LENGTH, new ArpBuilder().operation(a.operation())
                        .senderHardwareAddress(a.senderHardwareAddress()).senderProtocolAddress(a.senderProtocolAddress())
                        .targetHardwareAddress(a.targetHardwareAddress()).targetProtocolAddress(a.targetProtocolAddress()),
                        -1);
            }
            if (d.ip != null) {
                Ipv4 ip = d.ip;
                ipv4++;
                if (ip.headerLength() > Ipv4.FIXED_LENGTH) {
                    ipv4WithOptions++;
                }
                boolean checksumValid = ip.checksumValid();
                if (!checksumValid) {
                    badChecksums++;
                }
                // Options through the typed methods of Ipv4OptionsBuilder (see Ipv4Rebuild).
                Ipv4Builder builder = Ipv4Rebuild.of(ip, optionMethods);
                compare(frame, "ipv4", b, ip.offset(), ip.headerLength(), builder,
                        checksumValid ? -1 : Ipv4.HEADER_CHECKSUM_OFFSET, ip.bodyOffset(), ip.bodyLength());
            }
        }
        System.out.printf("round trip: %d ethernet, %d vlan tags, %d arp, %d ipv4 (%d with options, %d with a bad "
                + "checksum in the capture), option methods %s%n", ethernet, tags, arp, ipv4, ipv4WithOptions,
                badChecksums, optionMethods);
        assertThat(mismatches).isEmpty();
        assertThat(ethernet).isGreaterThan(4000);
        assertThat(tags).isPositive();
        assertThat(arp).isGreaterThan(1000);
        assertThat(ipv4).isGreaterThan(1000);
        assertThat(ipv4WithOptions).isPositive();
        assertThat(badChecksums).isPositive();
    }

    private void compare(Corpus.Frame frame, String layer, byte[] bytes, int offset, int length, PacketBuilder builder,
            int checksumOffset) throws Exception {
        int bodyOffset = offset + length;
        compare(frame, layer, bytes, offset, length, builder, checksumOffset, bodyOffset, bytes.length - bodyOffset);
    }

    private void compare(Corpus.Frame frame, String layer, byte[] bytes, int offset, int length, PacketBuilder builder,
            int checksumOffset, int bodyOffset, int bodyLength) throws Exception {
        byte[] body = Arrays.copyOfRange(bytes, bodyOffset, bodyOffset + bodyLength);
        byte[] built = Serializer.of(body).encapsulate(builder).serialize().toByteArray();
        byte[] expected = Arrays.copyOfRange(bytes, offset, offset + length);
        byte[] actual = Arrays.copyOf(built, length);
        if (checksumOffset >= 0) {
            if (!InternetChecksum.verify(built, 0, length)) {
                mismatches.add(frame.name() + " " + layer + ": the rebuilt checksum does not verify");
            }
            actual[checksumOffset] = expected[checksumOffset];
            actual[checksumOffset + 1] = expected[checksumOffset + 1];
        }
        if (!Arrays.equals(expected, actual)) {
            mismatches.add(frame.name() + " " + layer + ": captured " + hex(expected) + ", rebuilt " + hex(actual));
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte x : bytes) {
            text.append(String.format("%02x", x & 0xFF));
        }
        return text.toString();
    }
}
