package io.zerowire.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
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
}
