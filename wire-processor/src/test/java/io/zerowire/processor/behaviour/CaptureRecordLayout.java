package io.zerowire.processor.behaviour;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Endian;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.TotalLength;

/** A pcap record header in the file's byte order, given at wrap: its body is the captured packet. */
@Header(layer = "pcap.record", order = Endian.AT_PARSE)
interface CaptureRecordLayout {
    @Bits(32) long timestampSeconds();

    @Bits(32) long timestampFraction();

    @Bits(32) @TotalLength(includesHeader = false, unit = 1) long includedLength();

    @Bits(32) long originalLength();
}
