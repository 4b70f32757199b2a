package com.example.vxlan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.ethernet.Ethernet;
import io.zerowire.protocols.ethernet.EthernetFrames;
import io.zerowire.protocols.ipv4.Ipv4Packet;
import io.zerowire.protocols.udp.UdpParser;
import io.zerowire.serialize.Serializer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** A user's layout read through the published protocols artifact, on a frame made by scapy. */
class VxlanTest {
    /**
     * scapy: Ether()/IP(src="192.0.2.1", dst="192.0.2.2")/UDP(sport=49152, dport=4789)/VXLAN(vni=42)
     * /Ether()/IP(src="10.0.0.1", dst="10.0.0.2")/ICMP(id=7, seq=1)/b"ping".
     */
    private static final byte[] FRAME = HexFormat.of().parseHex(
            "020000000002020000000001080045000052000100004011f696c0000201c0000202c00012b5003e64b20c00000300002a00"
                    + "02000000010202000000010108004500002000020000400166d90a0000010a000002080019270007000170696e67");

    @Test
    void readsTheVniThroughTheProtocolsStack() throws ParseException {
        PacketBuffer buffer = PacketBuffer.wrap(FRAME.clone());
        EthernetFrames.parse(buffer);
        Ipv4Packet ip = new Ipv4Packet();
        ip.wrap(buffer);
        assertEquals(Ipv4Address.parse("192.0.2.2"), ip.destination());
        UdpParser udp = new UdpParser();
        assertEquals(4789, udp.wrap(buffer, ip).destinationPort());

        Vxlan vxlan = Vxlan.parse(buffer);
        assertEquals(42, vxlan.vni());
        Ethernet inner = EthernetFrames.parse(buffer);
        assertEquals("02:00:00:00:01:02", inner.destination().toString());
    }

    @Test
    void buildsTheSameHeaderAsScapy() throws Exception {
        PacketBuffer header = Serializer.of(new byte[0]).encapsulate(new VxlanBuilder().vni(42)).serialize();
        assertArrayEquals(HexFormat.of().parseHex("0800000000002a00"), header.toByteArray());
    }

    @Test
    void aClearedIFlagIsATypedError() {
        byte[] bad = HexFormat.of().parseHex("0000000000002a00");
        assertThrows(ParseException.class, () -> Vxlan.parse(PacketBuffer.wrap(bad)));
    }
}
