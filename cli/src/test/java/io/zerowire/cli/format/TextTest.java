package io.zerowire.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.link.MacAddress;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The allocation-free formatters write what the address types' own {@code toString} writes. */
class TextTest {
    @Test
    void ipv6LikeIpv6AddressIncludingZeroRunsAndMappedAddresses() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            byte[] a = new byte[20];
            for (int g = 0; g < 8; g++) {
                // Mostly zero groups, so that runs of every length and position occur.
                int value = random.nextInt(3) == 0 ? random.nextInt(0x10000) : 0;
                a[2 + 2 * g] = (byte) (value >>> 8);
                a[3 + 2 * g] = (byte) value;
            }
            if (i % 50 == 0) {
                a[12] = (byte) 0xff;
                a[13] = (byte) 0xff;
                for (int j = 2; j < 12; j++) {
                    a[j] = 0;
                }
            }
            String expected = Ipv6Address.read(a, 2).toString();
            assertThat(Text.ipv6(new StringBuilder(), a, 2).toString()).as("%s", expected).isEqualTo(expected);
        }
        assertThat(Text.ipv6(new StringBuilder(), new byte[16], 0).toString()).isEqualTo("::");
    }

    @Test
    void ipv4AndMacLikeTheirTypes() {
        Random random = new Random(11);
        for (int i = 0; i < 10_000; i++) {
            int bits = random.nextInt();
            assertThat(Text.ipv4(new StringBuilder(), bits).toString()).isEqualTo(Ipv4Address.of(bits).toString());
            byte[] mac = new byte[6];
            random.nextBytes(mac);
            assertThat(Text.mac(new StringBuilder(), mac, 0).toString())
                    .isEqualTo(MacAddress.read(mac, 0).toString());
        }
    }

    @Test
    void numbers() {
        assertThat(Text.fixed(new StringBuilder(), 1_000_250, 6).toString()).isEqualTo("1.000250");
        assertThat(Text.fixed(new StringBuilder(), 7, 6).toString()).isEqualTo("0.000007");
        assertThat(Text.fixed(new StringBuilder(), -1_500, 3).toString()).isEqualTo("-1.500");
        assertThat(Text.hex(new StringBuilder(), 0x86dd, 4).toString()).isEqualTo("0x86dd");
        assertThat(Text.hex(new StringBuilder(), 0x800, 4).toString()).isEqualTo("0x0800");
        assertThat(Text.hexDigits(new StringBuilder(), 0).toString()).isEqualTo("0");
        assertThat(Text.hexDigits(new StringBuilder(), 0xfe80).toString()).isEqualTo("fe80");
        assertThat(Text.padLeft(new StringBuilder(), 42, 5).toString()).isEqualTo("   42");
        assertThat(Text.padLeft(new StringBuilder(), 123456, 5).toString()).isEqualTo("123456");
        assertThat(Text.jsonString(new StringBuilder(), "a\"b\\c\n").toString()).isEqualTo("\"a\\\"b\\\\c\\u000a\"");
    }
}
