package io.zerowire.processor.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The reference bit writer itself, on layouts whose bytes are known from the RFCs and pcap. */
class ReferenceBitsTest {
    @Test
    void bigEndianFieldsStartAtTheMostSignificantBit() {
        byte[] ipv4 = new byte[4];
        ReferenceBits.put(ipv4, false, 0, 4, 4);         // version
        ReferenceBits.put(ipv4, false, 4, 4, 5);         // IHL
        ReferenceBits.put(ipv4, false, 8, 6, 0x2E);      // DSCP EF
        ReferenceBits.put(ipv4, false, 14, 2, 1);        // ECN
        ReferenceBits.put(ipv4, false, 16, 16, 0x1234);  // total length
        assertThat(ipv4).containsExactly(0x45, 0xB9, 0x12, 0x34);
        assertThat(ReferenceBits.get(ipv4, false, 8, 6)).isEqualTo(0x2E);
        assertThat(ReferenceBits.get(ipv4, false, 4, 12)).isEqualTo(0x5B9);
    }

    @Test
    void littleEndianFieldsStartAtTheLeastSignificantBit() {
        byte[] pcap = new byte[6];
        ReferenceBits.put(pcap, true, 0, 32, 0xA1B2C3D4L); // pcap magic as written on a little-endian host
        ReferenceBits.put(pcap, true, 32, 3, 5);           // C bit field a:3 = 5, then b:5 = 0x1F
        ReferenceBits.put(pcap, true, 35, 5, 0x1F);
        ReferenceBits.put(pcap, true, 40, 8, 0x80);
        assertThat(pcap).containsExactly(0xD4, 0xC3, 0xB2, 0xA1, 0xFD, 0x80);
        assertThat(ReferenceBits.get(pcap, true, 0, 32)).isEqualTo(0xA1B2C3D4L);
        assertThat(ReferenceBits.get(pcap, true, 35, 5)).isEqualTo(0x1F);
    }

    @Test
    void sixtyFourBitFieldsAndSignExtension() {
        byte[] bytes = new byte[9];
        ReferenceBits.put(bytes, false, 4, 64, 0x0123_4567_89AB_CDEFL);
        assertThat(bytes).containsExactly(0x00, 0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC, 0xDE, 0xF0);
        assertThat(ReferenceBits.get(bytes, false, 4, 64)).isEqualTo(0x0123_4567_89AB_CDEFL);
        assertThat(ReferenceBits.signExtend(0x1F, 5)).isEqualTo(-1);
        assertThat(ReferenceBits.signExtend(0x0F, 5)).isEqualTo(15);
        assertThat(ReferenceBits.mask(64)).isEqualTo(-1L);
    }
}
