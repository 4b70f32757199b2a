package io.zerowire.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.serialize.Serializer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The README's ICMP variants, against scapy's bytes. */
class IcmpVariantsSnippetTest {
    /** scapy 2.5: {@code bytes(ICMP(type=0, id=0x1234, seq=1) / b"payload").hex()}. */
    private static final String REPLY = "0000309b123400017061796c6f6164";
    /** scapy 2.5: {@code bytes(ICMP(type=8, id=0x1234, seq=1) / b"payload").hex()} and the same with {@code seq=2}. */
    private static final String REQUEST = "0800289b123400017061796c6f6164";
    private static final String REQUEST_2 = "0800289a123400027061796c6f6164";

    @Test
    void buildsScapysEchoReply() throws Exception {
        byte[] bytes = Serializer.of("payload".getBytes()).encapsulate(IcmpVariantsSnippet.reply()).serialize().toByteArray();
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(REPLY);
    }

    @Test
    void bumpsTheSequenceNumberAndTheChecksumFollows() throws Exception {
        byte[] bytes = HexFormat.of().parseHex(REQUEST);
        assertThat(IcmpVariantsSnippet.bumpSequence(PacketBuffer.wrap(bytes))).isEqualTo("ECHO_REQUEST");
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(REQUEST_2);
        assertThat(IcmpVariantsSnippet.bumpSequence(PacketBuffer.wrap(HexFormat.of().parseHex(REPLY)))).isEqualTo("ECHO_REPLY");
    }
}
