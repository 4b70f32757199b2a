package io.zerowire.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of MAC addresses over random values. */
class MacAddressPropertiesTest {

    @Provide
    Arbitrary<Long> bits48() {
        return Arbitraries.longs().between(0, 0xffff_ffff_ffffL);
    }

    @Property
    void textRoundTrip(@ForAll("bits48") long bits) {
        MacAddress mac = MacAddress.of(bits);
        String text = mac.toString();
        assertThat(text).matches("[0-9a-f]{2}(:[0-9a-f]{2}){5}");
        assertThat(MacAddress.parse(text).bits()).isEqualTo(bits);
        assertThat(MacAddress.parse(text.replace(':', '-').toUpperCase(Locale.ROOT)).bits())
                .isEqualTo(bits);
    }

    @Property
    void textAgreesWithAnIndependentFormatter(@ForAll("bits48") long bits) {
        // java.util.HexFormat, with the JDK's own delimiter handling.
        byte[] bytes = MacAddress.of(bits).toByteArray();
        assertThat(MacAddress.of(bits)).hasToString(HexFormat.ofDelimiter(":").formatHex(bytes));
        assertThat(MacAddress.parse(HexFormat.ofDelimiter("-").withUpperCase().formatHex(bytes)))
                .isEqualTo(MacAddress.of(bits));
    }

    @Property
    void writeReadRoundTrip(@ForAll("bits48") long bits, @ForAll @IntRange(max = 40) int offset,
            @ForAll @IntRange(max = 8) int slack, @ForAll byte fill) {
        MacAddress mac = MacAddress.of(bits);
        byte[] array = new byte[offset + 6 + slack];
        Arrays.fill(array, fill);
        mac.write(array, offset);
        assertThat(MacAddress.read(array, offset)).isEqualTo(mac);
        assertThat(MacAddress.read(array, offset).bits()).isEqualTo(bits);
        for (int i = 0; i < array.length; i++) {
            if (i < offset || i >= offset + 6) {
                assertThat(array[i]).as("byte %d outside the address", i).isEqualTo(fill);
            }
        }
    }

    @Property
    void predicatesFollowTheFirstByte(@ForAll("bits48") long bits) {
        MacAddress mac = MacAddress.of(bits);
        int first = (int) (bits >>> 40);
        assertThat(mac.isMulticast()).isEqualTo((first & 1) != 0);
        assertThat(mac.isUnicast()).isEqualTo((first & 1) == 0);
        assertThat(mac.isLocallyAdministered()).isEqualTo((first & 2) != 0);
        assertThat(mac.isBroadcast()).isEqualTo(mac.equals(MacAddress.BROADCAST));
    }

    @Property
    void compareToIsNumericOrder(@ForAll("bits48") long a, @ForAll("bits48") long b) {
        assertThat(Integer.signum(MacAddress.of(a).compareTo(MacAddress.of(b))))
                .isEqualTo(Long.signum(a - b));
    }

    @Property
    void ipv6MulticastMappingKeepsTheLow32Bits(@ForAll long high, @ForAll long low) {
        Ipv6Address group = Ipv6Address.of(0xff00_0000_0000_0000L | high, low);
        MacAddress mac = MacAddress.forIpv6Multicast(group);
        byte[] g = group.toByteArray();
        assertThat(mac.toByteArray())
                .containsExactly(0x33, 0x33, g[12] & 0xff, g[13] & 0xff, g[14] & 0xff, g[15] & 0xff);
        assertThat(mac.isMulticast()).isTrue();
    }

    @Property
    void ipv4MulticastMappingKeepsTheLow23Bits(@ForAll int bits) {
        Ipv4Address group = Ipv4Address.of(0xe000_0000 | bits & 0x0fff_ffff);
        MacAddress mac = MacAddress.forIpv4Multicast(group);
        byte[] g = group.toByteArray();
        assertThat(mac.toByteArray())
                .containsExactly(0x01, 0x00, 0x5e, g[1] & 0x7f, g[2] & 0xff, g[3] & 0xff);
        assertThat(mac.isMulticast()).isTrue();
        assertThat(mac.isLocallyAdministered()).isFalse();
    }
}
