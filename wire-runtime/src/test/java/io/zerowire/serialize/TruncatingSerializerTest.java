package io.zerowire.serialize;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TruncatingSerializerTest {
    private static byte[] counting(int n) {
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    @Test
    void discardBackKeepsTheStartAndFitsTheLimit() throws Exception {
        byte[] original = counting(1000);
        PacketBuffer quoted = PacketBuffer.wrap(original.clone());
        PatternBuilder icmp = new PatternBuilder(8, 0, 0, Integer.MAX_VALUE, 0x30);
        PatternBuilder ip = new PatternBuilder(20, 0, 0, Integer.MAX_VALUE, 0x40);
        PacketBuffer out = new TruncatingSerializer(quoted, TruncatingSerializer.Direction.DISCARD_BACK)
                .encapsulate(icmp)
                .encapsulate(ip)
                .serialize(PacketConstraints.maxBody(576), BufferProvider.reuse());
        assertThat(out.bodyLength()).isEqualTo(576);
        byte[] bytes = out.toByteArray();
        assertThat(Arrays.copyOfRange(bytes, 28, 576)).isEqualTo(Arrays.copyOf(original, 548));
    }

    @Test
    void discardFrontKeepsTheEnd() throws Exception {
        byte[] original = counting(100);
        PacketBuffer quoted = PacketBuffer.wrap(original.clone());
        PacketBuffer out = new TruncatingSerializer(quoted, TruncatingSerializer.Direction.DISCARD_FRONT)
                .encapsulate(new PatternBuilder(4, 0, 0, Integer.MAX_VALUE, 1))
                .serialize(PacketConstraints.maxBody(54), BufferProvider.reuse());
        assertThat(Arrays.copyOfRange(out.toByteArray(), 4, 54)).isEqualTo(Arrays.copyOfRange(original, 50, 100));
    }

    @Test
    void aBodyThatFitsIsLeftWhole() throws Exception {
        byte[] original = counting(40);
        PacketBuffer out = new TruncatingSerializer(PacketBuffer.wrap(original.clone()),
                TruncatingSerializer.Direction.DISCARD_BACK).serialize(PacketConstraints.maxBody(576), BufferProvider.reuse());
        assertThat(out.toByteArray()).isEqualTo(original);
    }
}
