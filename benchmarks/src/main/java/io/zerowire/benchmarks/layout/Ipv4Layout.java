package io.zerowire.benchmarks.layout;

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

/** The IPv4 header as the parse benchmark declares it; generated into {@code Ipv4} and {@code Ipv4Builder}. */
@Header(layer = "ipv4")
public interface Ipv4Layout {
    @Bits(4) @Const(4) int version();

    @Bits(4) @HeaderLength(unit = 4) int ihl();

    @Bits(6) int dscp();

    @Bits(2) int ecn();

    @Bits(16) @TotalLength(includesHeader = true, unit = 1) int totalLength();

    @Bits(16) int identification();

    @Reserved boolean reservedFlag();

    boolean dontFragment();

    boolean moreFragments();

    @Bits(13) int fragmentOffset();

    @Bits(8) int ttl();

    @Bits(8) int protocol();

    @Bits(16) @Checksum(covers = Checksum.Coverage.HEADER) int headerChecksum();

    Ipv4Address source();

    Ipv4Address destination();

    @Options(Options.Format.IPV4) OptionsIterator options();
}
