package io.zerowire.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * A rejected packet costs one exception object: no stack trace, and a detail that quotes values
 * from the packet is formatted when read, not when thrown (found by fuzzing: eager formatting cost
 * about 1 KiB per rejected packet).
 */
class ParseExceptionTest {
    @Test
    void detailsQuoteTheirValuesWhenRead() {
        ParseException one = ParseException.unsupported("arp", "protocolType", 16, "protocol type 0x%04x", 0x86dd);
        assertThat(one.detail()).isEqualTo("protocol type 0x86dd");
        assertThat(one.getMessage()).isEqualTo("unsupported arp.protocolType at byte 16: protocol type 0x86dd");
        ParseException two = ParseException.malformed("igmpv3-report", "numberOfGroupRecords", 6,
                "group record %d of %d runs past the end of the message", 3, 7);
        assertThat(two.detail()).isEqualTo("group record 3 of 7 runs past the end of the message");
        assertThat(ParseException.notExpected("udp", "", 0, "protocol %d", 6).kind()).isEqualTo(ParseErrorKind.NOT_EXPECTED);
        assertThat(ParseException.malformed("x", "", 0, "100% literal").detail()).isEqualTo("100% literal");
        assertThat(one.getStackTrace()).isEmpty();
        assertThatThrownBy(() -> new ParseException(ParseErrorKind.MALFORMED, "x", "", 0, "%d %d %d", 3, 1, 2) { })
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void throwingOneAllocatesTheExceptionAlone() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 1000; i++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            ParseException e = ParseException.unsupported("arp", "protocolType", 16, "protocol type 0x%04x", i);
            least = Math.min(least, threads.getCurrentThreadAllocatedBytes() - before);
            assertThat(e.offset()).isEqualTo(16);
        }
        assertThat(least).as("bytes per rejection").isLessThanOrEqualTo(128);
    }
}
