package io.zerowire.processor.sample;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Checksum;
import io.zerowire.annotations.Const;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.HeaderLength;
import io.zerowire.annotations.Options;
import io.zerowire.annotations.Reserved;
import io.zerowire.annotations.TotalLength;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.options.OptionsIterator;

/** An IPv4-like header: bit fields, options, a header length, a total length and a header checksum. */
@Header(layer = "ipv4")
interface Ipv4HeaderLayout {
    @Bits(4) @Const(4) int version();

    @Bits(4) @HeaderLength(unit = 4) int ihl();

    @Bits(6) int dscp();

    @Bits(2) int ecn();

    @Bits(16) @TotalLength(includesHeader = true, unit = 1) int totalLength();

    @Bits(16) int identification();

    @Reserved boolean evil();

    boolean dontFragment();

    boolean moreFragments();

    @Bits(13) int fragmentOffset();

    @Bits(8) int ttl();

    @Bits(8) Protocol protocol();

    @Bits(16) @Checksum(covers = Checksum.Coverage.HEADER) int headerChecksum();

    Ipv4Address source();

    Ipv4Address destination();

    @Options(Ipv4OptionLayout.class) OptionsIterator options();
}
