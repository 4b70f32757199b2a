package io.zerowire.protocols.ethernet;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.arp.Arp;
import io.zerowire.protocols.arp.ArpBuilder;
import io.zerowire.protocols.arp.ArpPackets;
import io.zerowire.protocols.ipv4.Ipv4;
import io.zerowire.protocols.ipv4.Ipv4Packet;
import io.zerowire.protocols.ipv4.Ipv4Rebuild;
import io.zerowire.protocols.testing.Corpus;
import io.zerowire.serialize.Serializer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every Ethernet frame of every capture, rebuilt whole with the builders from its parsed views:
 * Ethernet, each VLAN tag, then ARP (the 28 bytes; what follows is padding, in the suffix) or IPv4
 * (header and options, around its payload), any other payload kept as it is. The Ethernet builder
 * pads the frame to 60 bytes with zeros.
 *
 * <p>Compared with the captured frame, each frame falls in exactly one class below; every class
 * but {@link #IDENTICAL} is a named exception with its reason, and each must occur (the list is
 * asserted both ways). Separately, an IPv4 header whose captured checksum is wrong is rebuilt with
 * one that verifies, every other byte equal.
 */
class FrameRoundTripTest {
    static final String IDENTICAL = "identical";
    static final String SHORT = "shorter than 60 bytes";
    static final String NONZERO_PADDING = "non-zero padding";
    static final String TRAILER = "bytes after the 60-byte minimum";

    /** The classes of frames and why the rebuilt one differs. */
    static final Map<String, String> CLASSES = Map.of(
            IDENTICAL, "the rebuilt frame is the captured frame, padding included",
            SHORT, "captured on the sending host before its NIC padded it: the builder pads to the 60-byte "
                    + "minimum of IEEE 802.3, so the rebuilt frame is the captured one followed by zeros",
            NONZERO_PADDING, "the sender padded with other bytes than zeros (tshark calls them eth.trailer): the "
                    + "builder writes zeros, every byte before the padding is equal",
            TRAILER, "the capture holds more than the minimum frame after the payload (a frame check sequence "
                    + "or a trailer): not part of any layer, so not rebuilt; every byte before is equal");

    @Test
    void everyCapturedEthernetFrameRebuildsWhole() throws Exception {
        Map<String, Integer> classes = new LinkedHashMap<>();
        Map<String, List<String>> examples = new HashMap<>();
        List<String> mismatches = new ArrayList<>();
        Map<String, Integer> payloads = new LinkedHashMap<>();
        Map<String, Integer> methods = new HashMap<>();
        for (Corpus.Frame frame : Corpus.ethernetFrames()) {
            byte[] c = frame.bytes();
            PacketBuffer buffer = PacketBuffer.wrap(c.clone());
            Ethernet eth;
            List<VlanTag> tags = new ArrayList<>();
            try {
                eth = EthernetFrames.parse(buffer);
                EtherType type = eth.etherType();
                while (type.isTag()) {
                    VlanTag tag = EthernetFrames.wrapTag(new VlanTag(), buffer);
                    tags.add(tag);
                    type = tag.etherType();
                }
            } catch (ParseException e) {
                continue; // no Ethernet II header to rebuild (too short, or an 802.3 length)
            }
            int payloadStart = buffer.bodyStart();
            int end = c.length;
            Serializer inner = null;
            int checksumAt = -1;
            EtherType type = tags.isEmpty() ? eth.etherType() : tags.get(tags.size() - 1).etherType();
            if (type.equals(EtherType.ARP)) {
                try {
                    Arp arp = ArpPackets.parse(buffer);
                    inner = Serializer.of(new byte[0]).encapsulate(new ArpBuilder().operation(arp.operation())
                            .senderHardwareAddress(arp.senderHardwareAddress())
                            .senderProtocolAddress(arp.senderProtocolAddress())
                            .targetHardwareAddress(arp.targetHardwareAddress())
                            .targetProtocolAddress(arp.targetProtocolAddress()));
                    end = payloadStart + Arp.FIXED_LENGTH;
                    payloads.merge("arp", 1, Integer::sum);
                } catch (ParseException e) {
                    // kept as an opaque payload below
                }
            } else if (type.equals(EtherType.IPV4)) {
                try {
                    Ipv4Packet ip = Ipv4Packet.parseUnverified(buffer);
                    byte[] payload = Arrays.copyOfRange(c, ip.payloadOffset(), ip.payloadOffset() + ip.payloadLength());
                    inner = Serializer.of(payload).encapsulate(Ipv4Rebuild.of(ip.header(), methods));
                    end = payloadStart + ip.header().totalLength();
                    if (!ip.header().checksumValid()) {
                        checksumAt = payloadStart + Ipv4.HEADER_CHECKSUM_OFFSET;
                    }
                    payloads.merge("ipv4", 1, Integer::sum);
                } catch (ParseException e) {
                    // kept as an opaque payload below
                }
            }
            if (inner == null) {
                inner = Serializer.of(Arrays.copyOfRange(c, payloadStart, c.length));
                payloads.merge("other", 1, Integer::sum);
            }
            for (int i = tags.size() - 1; i >= 0; i--) {
                VlanTag tag = tags.get(i);
                inner = inner.encapsulate(new VlanTagBuilder().priority(tag.priority())
                        .dropEligible(tag.dropEligible()).vlanId(tag.vlanId()).etherType(tag.etherType()));
            }
            byte[] r = inner.encapsulate(new EthernetBuilder().destination(eth.destination()).source(eth.source())
                    .etherType(eth.etherType())).serialize().toByteArray();
            if (checksumAt >= 0) {
                r[checksumAt] = c[checksumAt];
                r[checksumAt + 1] = c[checksumAt + 1];
            }
            if (!Arrays.equals(c, 0, end, r, 0, end)) {
                mismatches.add(frame.name() + ": the layers differ");
                continue;
            }
            String kind = classify(c, r, end);
            if (kind == null) {
                mismatches.add(frame.name() + ": rebuilt " + r.length + " bytes for " + c.length);
                continue;
            }
            classes.merge(kind, 1, Integer::sum);
            List<String> some = examples.computeIfAbsent(kind, k -> new ArrayList<>());
            if (some.size() < 3) {
                some.add(frame.name());
            }
        }
        System.out.printf("frame round trip: %s by payload %s; classes %s; examples %s%n",
                classes.values().stream().mapToInt(Integer::intValue).sum(), payloads, classes, examples);
        assertThat(mismatches).isEmpty();
        assertThat(classes.keySet()).as("every class occurs, no other").containsExactlyInAnyOrderElementsOf(CLASSES.keySet());
        assertThat(classes.get(IDENTICAL)).isGreaterThan(3000);
        assertThat(payloads.get("arp")).isGreaterThan(2000);
        assertThat(payloads.get("ipv4")).isGreaterThan(1300);
    }

    /** The class of a captured frame {@code c} whose layers equal the rebuilt {@code r} up to {@code end}. */
    private static String classify(byte[] c, byte[] r, int end) {
        int minimum = Math.max(EthernetFrames.MIN_FRAME_LENGTH, end);
        if (r.length != minimum || !zeros(r, end, r.length)) {
            return null; // the builder wrote something else than zeros up to the minimum
        }
        if (Arrays.equals(c, r)) {
            return IDENTICAL;
        }
        if (c.length < minimum) {
            return zeros(c, end, c.length) ? SHORT : null;
        }
        if (c.length == minimum) {
            return NONZERO_PADDING;
        }
        return TRAILER;
    }

    private static boolean zeros(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
