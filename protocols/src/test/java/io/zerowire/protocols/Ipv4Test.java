package io.zerowire.protocols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.options.OptionsBuilder;
import io.zerowire.options.OptionsIterator;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ipv4.Ipv4;
import io.zerowire.protocols.ipv4.Ipv4Builder;
import io.zerowire.protocols.ipv4.Ipv4Layout;
import io.zerowire.protocols.ipv4.Ipv4OptionFormat;
import io.zerowire.protocols.ipv4.Ipv4Options;
import io.zerowire.serialize.Serializer;
import org.junit.jupiter.api.Test;

class Ipv4Test {
    private static Ipv4 build(Ipv4Builder builder) throws Exception {
        PacketBuffer packet = Serializer.of(new byte[] {9, 9, 9}).encapsulate(builder
                .ttl(1).protocol(IpProtocol.IGMP).source(Ipv4Address.parse("10.0.0.1"))
                .destination(Ipv4Address.parse("224.0.0.22"))).serialize();
        return Ipv4.parse(packet);
    }

    @Test
    void typedOptionReaders() throws Exception {
        OptionsBuilder options = new OptionsBuilder(Ipv4OptionFormat.FORMAT)
                .addU16(Ipv4Options.ROUTER_ALERT, 0)
                .add(Ipv4Options.RECORD_ROUTE, new byte[] {8, 10, 0, 0, 1, 0, 0, 0, 0})
                .add(Ipv4Options.TIMESTAMP, new byte[] {13, 0x21, 10, 0, 0, 1, 0, 0, 0, 42, 0, 0, 0, 0, 0, 0, 0, 0})
                .addSingleByte(Ipv4Options.NOP);
        Ipv4 ip = build(new Ipv4Builder().options(options));
        OptionsIterator it = ip.options();

        assertThat(it.next()).isTrue();
        assertThat(Ipv4Options.routerAlert(it)).isZero();
        assertThat(Ipv4Options.routePointer(it)).isEqualTo(-1);
        assertThat(Ipv4Options.timestampFlag(it)).isEqualTo(-1);

        assertThat(it.next()).isTrue();
        assertThat(Ipv4Options.routerAlert(it)).isEqualTo(-1);
        assertThat(Ipv4Options.routePointer(it)).isEqualTo(8);
        assertThat(Ipv4Options.routeSlots(it)).isEqualTo(2);
        assertThat(Ipv4Options.routeRecorded(it)).isEqualTo(1);
        assertThat(Ipv4Address.of(Ipv4Options.routeAddressBits(it, 0))).isEqualTo(Ipv4Address.parse("10.0.0.1"));
        assertThatThrownBy(() -> Ipv4Options.routeAddressBits(it, 2)).isInstanceOf(IndexOutOfBoundsException.class);

        assertThat(it.next()).isTrue();
        assertThat(Ipv4Options.timestampPointer(it)).isEqualTo(13);
        assertThat(Ipv4Options.timestampOverflow(it)).isEqualTo(2);
        assertThat(Ipv4Options.timestampFlag(it)).isEqualTo(Ipv4Options.TIMESTAMP_WITH_ADDRESS);
        assertThat(Ipv4Options.timestampSlots(it)).isEqualTo(2);
        assertThat(Ipv4Options.timestampRecorded(it)).isEqualTo(1);
        assertThat(Ipv4Address.of(Ipv4Options.timestampAddressBits(it, 0))).isEqualTo(Ipv4Address.parse("10.0.0.1"));
        assertThat(Ipv4Options.timestamp(it, 0)).isEqualTo(42);
        assertThat(Ipv4Options.timestamp(it, 1)).isZero();

        assertThat(it.next()).isTrue();
        assertThat(it.kind()).isEqualTo(Ipv4Options.NOP);
        assertThat(Ipv4Options.routeSlots(it)).isZero();
        assertThat(Ipv4Options.timestampSlots(it)).isZero();
        assertThat(it.next()).isFalse();
        assertThat(ip.headerLength()).isEqualTo(20 + 4 + 11 + 20 + 1); // 56: already aligned, no padding
    }

    @Test
    void optionReadersRefuseOddShapesWithoutThrowing() throws Exception {
        OptionsBuilder options = new OptionsBuilder(Ipv4OptionFormat.FORMAT)
                .add(Ipv4Options.ROUTER_ALERT, new byte[] {0})
                .add(Ipv4Options.RECORD_ROUTE, new byte[0])
                .add(Ipv4Options.TIMESTAMP, new byte[] {5, 0x02, 0, 0, 0, 0});
        OptionsIterator it = build(new Ipv4Builder().options(options)).options();
        it.next();
        assertThat(Ipv4Options.routerAlert(it)).isEqualTo(-1);
        it.next();
        assertThat(Ipv4Options.routePointer(it)).isEqualTo(-1);
        assertThat(Ipv4Options.routeSlots(it)).isZero();
        assertThat(Ipv4Options.routeRecorded(it)).isZero();
        it.next();
        assertThat(Ipv4Options.timestampFlag(it)).isEqualTo(2);
        assertThat(Ipv4Options.timestampEntryLength(it)).isEqualTo(-1);
        assertThat(Ipv4Options.timestampSlots(it)).isZero();
        assertThat(Ipv4Options.timestampRecorded(it)).isZero();
    }

    @Test
    void fragments() throws Exception {
        assertThat(Ipv4Layout.isFragment(build(new Ipv4Builder()))).isFalse();
        assertThat(Ipv4Layout.isFragment(build(new Ipv4Builder().dontFragment(true)))).isFalse();
        assertThat(Ipv4Layout.isFragment(build(new Ipv4Builder().moreFragments(true)))).isTrue();
        Ipv4 last = build(new Ipv4Builder().fragmentOffset(185));
        assertThat(Ipv4Layout.isFragment(last)).isTrue();
        assertThat(Ipv4Layout.fragmentOffsetBytes(last)).isEqualTo(1480);
    }

    @Test
    void badChecksumIsTypedAndOptional() throws Exception {
        byte[] bytes = Serializer.of(new byte[0]).encapsulate(new Ipv4Builder().headerChecksum(0x1234)).serialize()
                .toByteArray();
        assertThatThrownBy(() -> Ipv4.parse(PacketBuffer.wrap(bytes))).isInstanceOfSatisfying(ParseException.class,
                e -> assertThat(e.kind()).isEqualTo(ParseErrorKind.CHECKSUM));
        assertThat(Ipv4.parseUnverified(PacketBuffer.wrap(bytes)).checksumValid()).isFalse();
    }

    @Test
    void protocolIsAnOpenEnum() {
        assertThat(IpProtocol.of(1)).isSameAs(IpProtocol.ICMP);
        assertThat(IpProtocol.of(2)).isSameAs(IpProtocol.IGMP);
        assertThat(IpProtocol.of(6)).isSameAs(IpProtocol.TCP);
        assertThat(IpProtocol.of(17)).isSameAs(IpProtocol.UDP);
        assertThat(IpProtocol.of(58)).isSameAs(IpProtocol.IPV6_ICMP);
        assertThat(IpProtocol.of(253).isKnown()).isFalse();
        assertThat(IpProtocol.of(253)).isEqualTo(IpProtocol.of(253)).hasToString("PROTOCOL_253(253)");
        assertThatThrownBy(() -> IpProtocol.of(256)).isInstanceOf(IllegalArgumentException.class);
    }
}
