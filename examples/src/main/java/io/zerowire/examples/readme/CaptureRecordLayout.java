package io.zerowire.examples.readme;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Endian;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.TotalLength;

/** README, "Declaring a header": a pcap record header, in the byte order of its file. */
@Header(layer = "pcap.record", order = Endian.AT_PARSE)
interface CaptureRecordLayout {
    @Bits(32) long timestampSeconds();
    @Bits(32) long timestampFraction();
    @Bits(32) @TotalLength(includesHeader = false, unit = 1) long includedLength();
    @Bits(32) long originalLength();
}
