package io.zerowire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RuntimeTourTest {
    /** RFC 1071, byte by byte, independent of the runtime's implementation. */
    private static int naiveChecksum(byte[] bytes, int from, int to, long initial) {
        long sum = initial;
        for (int i = from; i < to; i += 2) {
            int high = bytes[i] & 0xFF;
            int low = i + 1 < to ? bytes[i + 1] & 0xFF : 0;
            sum += (high << 8) | low;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int) (~sum & 0xFFFF);
    }

    @Test
    void theReplyIsAValidUdpDatagramWrittenIntoTheReceivedBuffer() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        byte[] reply = RuntimeTour.run(new PrintStream(printed, true, StandardCharsets.UTF_8));

        byte[] payload = "hello, wire".getBytes(StandardCharsets.US_ASCII);
        byte[] expected = new byte[20 + 8 + payload.length];
        byte[] header = {
            0x45, 0, 0, (byte) expected.length, 0, 0, 0, 0, 64, 17, 0, 0,
            (byte) 198, 51, 100, 7, (byte) 192, 0, 2, 1,
        };
        System.arraycopy(header, 0, expected, 0, 20);
        int ipChecksum = naiveChecksum(expected, 0, 20, 0);
        expected[10] = (byte) (ipChecksum >>> 8);
        expected[11] = (byte) ipChecksum;
        byte[] udp = {0, 7, (byte) 0x9c, 0x40, 0, (byte) (8 + payload.length), 0, 0};
        System.arraycopy(udp, 0, expected, 20, 8);
        System.arraycopy(payload, 0, expected, 28, payload.length);
        long pseudo = 0xc633 + 0x6407 + 0xc000 + 0x0201 + 17 + 8 + payload.length;
        int udpChecksum = naiveChecksum(expected, 20, expected.length, pseudo);
        expected[26] = (byte) (udpChecksum >>> 8);
        expected[27] = (byte) udpChecksum;

        assertThat(reply).isEqualTo(expected);
        String text = printed.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("built     43 bytes in 1 allocation");
        assertThat(text).contains("header checksum still valid: true");
        assertThat(text).contains("written into the received array: true");
    }
}
