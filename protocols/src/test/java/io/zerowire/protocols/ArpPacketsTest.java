package io.zerowire.protocols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.link.MacAddress;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.arp.Arp;
import io.zerowire.protocols.arp.ArpBuilder;
import io.zerowire.protocols.arp.ArpOperation;
import io.zerowire.protocols.arp.ArpPackets;
import io.zerowire.serialize.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArpPacketsTest {
    private static final MacAddress MAC = MacAddress.parse("02:00:00:00:00:01");

    private static byte[] request() throws Exception {
        return Serializer.of(new byte[0]).encapsulate(new ArpBuilder().operation(ArpOperation.REQUEST)
                .senderHardwareAddress(MAC).senderProtocolAddress(Ipv4Address.parse("192.0.2.1"))
                .targetProtocolAddress(Ipv4Address.parse("192.0.2.2"))).serialize().toByteArray();
    }

    @Test
    void buildsTheConstantsAndParsesBack() throws Exception {
        byte[] bytes = request();
        assertThat(bytes).hasSize(28).startsWith(0, 1, 8, 0, 6, 4, 0, 1);
        Arp arp = ArpPackets.parse(PacketBuffer.wrap(bytes));
        assertThat(arp.operation()).isSameAs(ArpOperation.REQUEST);
        assertThat(arp.senderHardwareAddress()).isEqualTo(MAC);
        assertThat(arp.senderProtocolAddress()).isEqualTo(Ipv4Address.parse("192.0.2.1"));
        assertThat(arp.targetHardwareAddress()).isEqualTo(MacAddress.of(0));
        assertThat(arp.targetProtocolAddress()).isEqualTo(Ipv4Address.parse("192.0.2.2"));
    }

    @ParameterizedTest
    @CsvSource({"0, 6, hardwareType", "2, 0x86, protocolType", "4, 8, hardwareLength", "5, 16, protocolLength"})
    void otherTypesAndLengthsAreUnsupported(int index, String value, String field) throws Exception {
        byte[] bytes = request();
        bytes[index] = (byte) (int) Integer.decode(value);
        PacketBuffer buffer = PacketBuffer.wrap(bytes);
        assertThatThrownBy(() -> ArpPackets.parse(buffer)).isInstanceOfSatisfying(ParseException.class, e -> {
            assertThat(e.kind()).isEqualTo(ParseErrorKind.UNSUPPORTED);
            assertThat(e.field()).isEqualTo(field);
        });
        assertThat(buffer.bodyLength()).isEqualTo(28);
    }

    @Test
    void truncatedIsMalformed() throws Exception {
        byte[] bytes = java.util.Arrays.copyOf(request(), 27);
        assertThatThrownBy(() -> ArpPackets.parse(PacketBuffer.wrap(bytes))).isInstanceOfSatisfying(
                ParseException.class, e -> assertThat(e.kind()).isEqualTo(ParseErrorKind.MALFORMED));
    }

    @Test
    void operationIsAnOpenEnum() {
        assertThat(ArpOperation.of(2)).isSameAs(ArpOperation.REPLY);
        assertThat(ArpOperation.of(3).isKnown()).isFalse();
        assertThat(ArpOperation.of(3)).isEqualTo(ArpOperation.of(3)).hasToString("OPERATION_3(3)");
    }
}
