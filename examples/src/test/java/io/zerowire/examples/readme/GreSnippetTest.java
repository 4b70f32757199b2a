package io.zerowire.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.examples.userheaders.Gre;
import io.zerowire.parse.ParseException;
import io.zerowire.serialize.Serializer;
import io.zerowire.serialize.SizeLimitExceededException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The README's GRE example does what the README says. */
class GreSnippetTest {

    @Test
    void aKeyedHeaderIsEightBytesWithKSet() throws ParseException, SizeLimitExceededException {
        byte[] bytes = Serializer.of(new byte[0]).encapsulate(GreSnippet.keyed()).serialize().toByteArray();
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo("200008000000002a");
        assertThat(GreSnippet.keyOrMinusOne(PacketBuffer.wrap(bytes))).isEqualTo(42);
        assertThat(GreSnippet.keyOrMinusOne(PacketBuffer.wrap(HexFormat.of().parseHex("00000800")))).isEqualTo(-1);
    }

    @Test
    void aChecksummedHeaderIsScapys() throws ParseException, SizeLimitExceededException {
        // scapy 2.5: bytes(GRE(chksum_present=1, proto=0x0800) / Raw(b"\xde\xad\xbe\xef\x01")).hex()
        byte[] payload = HexFormat.of().parseHex("deadbeef01");
        byte[] bytes = Serializer.of(payload).encapsulate(GreSnippet.checksummed()).serialize().toByteArray();
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo("80000800d9610000deadbeef01");
        assertThat(Gre.parse(PacketBuffer.wrap(bytes)).checksumValid()).isTrue();
    }
}
