package io.zerowire.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AddressFormatExceptionTest {

    @Test
    void messageQuotesTheInputAndSaysWhatIsWrong() {
        AddressFormatException e = new AddressFormatException("IPv6 address", "1::2::3",
                "more than one \"::\"");
        assertThat(e).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid IPv6 address \"1::2::3\": more than one \"::\"");
        assertThat(e.kind()).isEqualTo("IPv6 address");
        assertThat(e.input()).isEqualTo("1::2::3");
        assertThat(e.problem()).isEqualTo("more than one \"::\"");
    }

    @Test
    void quotesAndBackslashesAreEscaped() {
        assertThat(new AddressFormatException("MAC address", "a\"b\\c", "p"))
                .hasMessage("Invalid MAC address \"a\\\"b\\\\c\": p");
    }

    @Test
    void unprintableCharactersAreShownAsEscapes() {
        assertThat(new AddressFormatException("IPv4 address", "1.2\n\u0000\u00e9\u202e", "p"))
                .hasMessage("Invalid IPv4 address \"1.2\\u000a\\u0000\\u00e9\\u202e\": p");
    }

    @Test
    void longInputsAreCutShortInTheMessageButKeptWhole() {
        String input = "1".repeat(100_000);
        AddressFormatException e = new AddressFormatException("IPv4 address", input, "p");
        assertThat(e).hasMessage("Invalid IPv4 address \"" + "1".repeat(64)
                + "\"... (100000 characters): p");
        assertThat(e.input()).isSameAs(input);

        String exactly64 = "2".repeat(64);
        assertThat(new AddressFormatException("IPv4 address", exactly64, "p"))
                .hasMessage("Invalid IPv4 address \"" + exactly64 + "\": p");
    }

    @Test
    void aLongInputIsRejectedWithAShortMessage() {
        String input = "1:".repeat(50_000);
        assertThatThrownBy(() -> Ipv6Address.parse(input))
                .isInstanceOf(AddressFormatException.class)
                .hasMessageEndingWith("\"... (100000 characters): more than 8 groups");
    }

    @Test
    void nullArgumentsAreRejected() {
        assertThatThrownBy(() -> new AddressFormatException(null, "x", "p"))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new AddressFormatException("k", null, "p"))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new AddressFormatException("k", "x", null))
                .isInstanceOf(NullPointerException.class);
    }
}
