package io.zerowire.protocols.ipv6;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.Reserved;
import io.zerowire.protocols.ip.IpProtocol;

/**
 * The Fragment header (RFC 8200 section 4.5). A packet is a fragment when its offset is not zero or
 * more fragments follow ({@link #isFragment}); with both zero it is an atomic fragment (RFC 6946),
 * a whole packet.
 */
@Header(layer = "ipv6.fraghdr")
public interface FragmentHeaderLayout {
    /** The first header of the fragmentable part of the original packet. */
    @Bits(8) IpProtocol nextHeader();

    @Reserved @Bits(8) int reserved();

    /** Offset of this fragment's data in the fragmentable part, in 8-byte units. */
    @Bits(13) int fragmentOffset();

    @Reserved @Bits(2) int reservedBits();

    /** The M flag: more fragments follow. */
    boolean moreFragments();

    @Bits(32) long identification();

    /** Whether {@code header} makes its packet a fragment: a non-zero offset or the M flag. */
    static boolean isFragment(FragmentHeaderLayout header) {
        return header.moreFragments() || header.fragmentOffset() != 0;
    }

    /** The fragment's data offset in bytes: {@code fragmentOffset() * 8}. */
    static int fragmentOffsetBytes(FragmentHeaderLayout header) {
        return header.fragmentOffset() * 8;
    }
}
