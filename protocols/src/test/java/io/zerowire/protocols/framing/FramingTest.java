package io.zerowire.protocols.framing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import io.zerowire.pcap.LinkType;
import io.zerowire.protocols.ethernet.EtherType;
import io.zerowire.protocols.testing.Corpus;
import io.zerowire.protocols.testing.Tshark;
import io.zerowire.serialize.Serializer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The capture pseudo-headers of every non-Ethernet capture, field by field against tshark. */
class FramingTest {
    @Test
    void cookedAndLoopbackHeadersAgreeWithTshark() throws Exception {
        int sll = 0;
        int loopback = 0;
        List<String> disagreements = new ArrayList<>();
        for (Corpus.Capture capture : Corpus.captures()) {
            for (Corpus.Frame frame : capture.frames()) {
                Framing framing = Framing.ofLinkType(frame.linkType().value());
                if (framing != Framing.LINUX_SLL && framing != Framing.LOOPBACK) {
                    continue;
                }
                Tshark.Packet t = Tshark.dissect(capture.file()).get(frame.number());
                PacketBuffer buffer = PacketBuffer.wrap(frame.bytes().clone());
                if (framing == Framing.LINUX_SLL) {
                    LinuxSll view = LinuxSll.parse(buffer);
                    sll++;
                    String type = t.first("sll.etype") != null ? t.first("sll.etype")
                            : t.first("sll.gretype") != null ? t.first("sll.gretype") : t.first("sll.ltype");
                    check(disagreements, frame, "sll.pkttype", t.first("sll.pkttype"), String.valueOf(view.packetType()));
                    check(disagreements, frame, "sll.hatype", t.first("sll.hatype"), String.valueOf(view.deviceType()));
                    check(disagreements, frame, "sll.halen", t.first("sll.halen"), String.valueOf(view.addressLength()));
                    check(disagreements, frame, "sll.etype", type, String.format("0x%04x", view.protocol().value()));
                } else {
                    Loopback view = Loopback.parse(buffer);
                    loopback++;
                    check(disagreements, frame, "null.family", t.first("null.family"),
                            String.valueOf(view.family() > 0xFFFF ? Integer.reverseBytes((int) view.family()) : view.family()));
                    EtherType next = Framing.loopbackType(view.family(), 0);
                    check(disagreements, frame, "next", t.has("ipv6.version") ? "IPV6" : "IPV4", next.name());
                }
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(sll).isGreaterThan(20);
        assertThat(loopback).isGreaterThan(5);
    }

    private static void check(List<String> into, Corpus.Frame frame, String field, String tshark, String ours) {
        if (!ours.equals(tshark)) {
            into.add(frame.name() + " " + field + ": tshark " + tshark + ", ours " + ours);
        }
    }

    @Test
    void linkTypesMapToFramings() {
        assertThat(Framing.ofLinkType(LinkType.ETHERNET.value())).isEqualTo(Framing.ETHERNET);
        assertThat(Framing.ofLinkType(LinkType.RAW.value())).isEqualTo(Framing.RAW_IP);
        assertThat(Framing.ofLinkType(LinkType.IPV4.value())).isEqualTo(Framing.RAW_IPV4);
        assertThat(Framing.ofLinkType(LinkType.IPV6.value())).isEqualTo(Framing.RAW_IPV6);
        assertThat(Framing.ofLinkType(LinkType.LINUX_SLL.value())).isEqualTo(Framing.LINUX_SLL);
        assertThat(Framing.ofLinkType(LinkType.LINUX_SLL2.value())).isEqualTo(Framing.LINUX_SLL2);
        assertThat(Framing.ofLinkType(LinkType.NULL.value())).isEqualTo(Framing.LOOPBACK);
        assertThat(Framing.ofLinkType(9)).isNull();   // PPP: reported, not guessed
    }

    @Test
    void loopbackFamiliesInEitherByteOrder() throws ParseException {
        assertThat(Framing.loopbackType(2, 0)).isEqualTo(EtherType.IPV4);
        assertThat(Framing.loopbackType(0x0200_0000L, 0)).isEqualTo(EtherType.IPV4);
        assertThat(Framing.loopbackType(30, 0)).isEqualTo(EtherType.IPV6);
        assertThat(Framing.loopbackType(0x1800_0000L, 0)).isEqualTo(EtherType.IPV6);
        ParseException e = catchThrowableOfType(ParseException.class, () -> Framing.loopbackType(7, 3));
        assertThat(e.kind()).isEqualTo(ParseErrorKind.UNSUPPORTED);
        assertThat(e.offset()).isEqualTo(3);
    }

    @Test
    void rawIpVersionNibble() throws ParseException {
        assertThat(Framing.RAW_IP.rawIpType(PacketBuffer.wrap(new byte[] {0x45}))).isEqualTo(EtherType.IPV4);
        assertThat(Framing.RAW_IP.rawIpType(PacketBuffer.wrap(new byte[] {0x60}))).isEqualTo(EtherType.IPV6);
        assertThat(catchThrowableOfType(ParseException.class,
                () -> Framing.RAW_IP.rawIpType(PacketBuffer.wrap(new byte[] {0x50}))).kind())
                .isEqualTo(ParseErrorKind.UNSUPPORTED);
        assertThat(catchThrowableOfType(ParseException.class,
                () -> Framing.RAW_IP.rawIpType(PacketBuffer.wrap(new byte[0]))).kind())
                .isEqualTo(ParseErrorKind.MALFORMED);
    }

    /** Link types 228 and 229 fix the version: tcpdump's LINKTYPE_IPV4_invalid/IPV6_invalid captures hold the other one. */
    @Test
    void rawIpv4AndIpv6LinkTypesFixTheVersion() throws ParseException {
        assertThat(Framing.RAW_IPV4.rawIpType(PacketBuffer.wrap(new byte[] {0x45}))).isEqualTo(EtherType.IPV4);
        assertThat(Framing.RAW_IPV6.rawIpType(PacketBuffer.wrap(new byte[] {0x60}))).isEqualTo(EtherType.IPV6);
        ParseException v6InV4 = catchThrowableOfType(ParseException.class,
                () -> Framing.RAW_IPV4.rawIpType(PacketBuffer.wrap(new byte[] {0x60})));
        assertThat(v6InV4.kind()).isEqualTo(ParseErrorKind.MALFORMED);
        assertThat(v6InV4.layer()).isEqualTo("ipv4");
        ParseException v4InV6 = catchThrowableOfType(ParseException.class,
                () -> Framing.RAW_IPV6.rawIpType(PacketBuffer.wrap(new byte[] {0x45})));
        assertThat(v4InV6.layer()).isEqualTo("ipv6");
        assertThat(v4InV6.field()).isEqualTo("version");
    }

    @Test
    void sll2BuildsAndParses() throws Exception {
        byte[] payload = {0x60, 0, 0, 0};
        byte[] built = Serializer.of(payload).encapsulate(new LinuxSll2Builder().protocol(EtherType.IPV6)
                        .interfaceIndex(7).deviceType(1).packetType(4).addressLength(6)
                        .address(new byte[] {2, 0, 0, 0, 0, 1, 0, 0}))
                .serialize().toByteArray();
        assertThat(built).hasSize(24);
        assertThat(built).startsWith(0x86, 0xdd, 0, 0, 0, 0, 0, 7, 0, 1, 4, 6, 2, 0, 0, 0, 0, 1, 0, 0, 0x60);
        PacketBuffer buffer = PacketBuffer.wrap(built);
        LinuxSll2 view = LinuxSll2.parse(buffer);
        assertThat(view.protocol()).isEqualTo(EtherType.IPV6);
        assertThat(view.interfaceIndex()).isEqualTo(7);
        assertThat(view.deviceType()).isEqualTo(1);
        assertThat(view.packetType()).isEqualTo(4);
        assertThat(view.addressLength()).isEqualTo(6);
        assertThat(buffer.bodyLength()).isEqualTo(4);
    }
}
