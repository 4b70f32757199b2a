package io.zerowire.protocols.ipv4;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Checksum;
import io.zerowire.annotations.Const;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.HeaderLength;
import io.zerowire.annotations.Options;
import io.zerowire.annotations.Reserved;
import io.zerowire.annotations.TotalLength;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.options.OptionsIterator;

/**
 * The IPv4 header (RFC 791) with its options. The generated {@code Ipv4} view validates the version,
 * IHL, total length (trimming link padding into the suffix), the option list and the header
 * checksum ({@code parseUnverified} skips the checksum; {@code checksumValid()} tells); the generated
 * {@code Ipv4Builder} derives version, IHL, total length, option padding and checksum.
 *
 * <p>Options are read with the view's allocation-free {@code options()} iterator and decoded by the
 * typed readers of {@link Ipv4Options}; they are written with the typed methods of
 * {@link Ipv4OptionsBuilder} ({@code builder.options(options.optionsBuilder())}). To receive
 * packets, use {@link Ipv4Packet}, which adds the rules a layout cannot say (parameter problems,
 * total length 0, the pseudo-header destination of a source route).
 */
@Header(layer = "ipv4")
public interface Ipv4Layout {
    @Bits(4) @Const(4) int version();

    /** Header length in 32-bit words, 5 to 15. */
    @Bits(4) @HeaderLength(unit = 4) int ihl();

    @Bits(6) int dscp();

    @Bits(2) int ecn();

    /** Bytes of the whole packet, header included. */
    @Bits(16) @TotalLength(includesHeader = true, unit = 1) int totalLength();

    @Bits(16) int identification();

    /** The reserved flag (RFC 3514's evil bit); written as zero. */
    @Reserved boolean reservedFlag();

    boolean dontFragment();

    boolean moreFragments();

    /** Offset of this fragment's data in the original datagram, in units of 8 bytes. */
    @Bits(13) int fragmentOffset();

    @Bits(8) int ttl();

    @Bits(8) IpProtocol protocol();

    @Bits(16) @Checksum(covers = Checksum.Coverage.HEADER) int headerChecksum();

    Ipv4Address source();

    Ipv4Address destination();

    @Options(Ipv4OptionLayout.class) OptionsIterator options();

    /**
     * Whether {@code header} is a fragment of a larger datagram: more fragments follow, or its data
     * does not start at offset 0. (Layouts cannot carry default methods, so this is a static helper.)
     */
    static boolean isFragment(Ipv4Layout header) {
        return header.moreFragments() || header.fragmentOffset() != 0;
    }

    /** The fragment's data offset in bytes: {@code fragmentOffset() * 8}. */
    static int fragmentOffsetBytes(Ipv4Layout header) {
        return header.fragmentOffset() * 8;
    }
}
