package io.zerowire.examples.readme;


import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.parse.ParseException;
import io.zerowire.serialize.Serializer;
import io.zerowire.serialize.SizeLimitExceededException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The README's MPLS label stack example does what the README says. */
class MplsSnippetTest {

    @Test
    void twoLabelsAreScapysStack() throws ParseException, SizeLimitExceededException {
        // scapy 2.5: raw(MPLS(label=16, s=0, ttl=64)/MPLS(label=17, s=1, ttl=64)).hex()
        byte[] bytes = Serializer.of(new byte[0]).encapsulate(MplsSnippet.twoLabels()).serialize().toByteArray();
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo("0001004000011140");
        assertThat(MplsSnippet.bottomLabel(PacketBuffer.wrap(bytes))).isEqualTo(17);
    }
}
