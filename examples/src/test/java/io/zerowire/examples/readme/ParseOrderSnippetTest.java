package io.zerowire.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.parse.ParseException;
import io.zerowire.serialize.Serializer;
import io.zerowire.serialize.SizeLimitExceededException;
import java.nio.ByteOrder;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The README's parse-time byte order example does what the README says. */
class ParseOrderSnippetTest {

    @Test
    void aRecordReadsInTheOrderItIsGiven() throws ParseException, SizeLimitExceededException {
        byte[] bytes = Serializer.of(HexFormat.of().parseHex("deadbeef01"))
                .encapsulate(ParseOrderSnippet.littleEndianRecord()).serialize().toByteArray();
        assertThat(HexFormat.of().formatHex(bytes, 8, 16)).isEqualTo("050000003c000000");
        assertThat(ParseOrderSnippet.includedLength(PacketBuffer.wrap(bytes), ByteOrder.LITTLE_ENDIAN)).isEqualTo(5);
    }

    @Test
    void aSectionsMagicGivesItsOrder() throws ParseException {
        // The first 12 bytes of the section header block of a little-endian pcapng file (as tshark writes it).
        byte[] little = HexFormat.of().parseHex("0a0d0d0a1c0000004d3c2b1a");
        byte[] big = HexFormat.of().parseHex("0a0d0d0a0000001c1a2b3c4d");
        assertThat(ParseOrderSnippet.sectionOrder(PacketBuffer.wrap(little))).isEqualTo(ByteOrder.LITTLE_ENDIAN);
        assertThat(ParseOrderSnippet.sectionOrder(PacketBuffer.wrap(big))).isEqualTo(ByteOrder.BIG_ENDIAN);
    }
}
